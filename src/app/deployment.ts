/**
 * What a bot process runs on: the embedded files (FactStore, STATE_DIR, the file push runner),
 * or PostgreSQL shared with other replicas (migrations at start, the shared push queue). The
 * bot itself is the same on both.
 */
import { chatLanguage } from '../push/summary.js';
import { hostname } from 'node:os';
import { Api } from 'grammy';
import type { Logger } from 'pino';
import { renderChart } from '../charts/render.js';
import type { Config } from '../config.js';
import { PushService } from '../push/push-service.js';
import { SharedPush } from '../push/shared-push.js';
import type { FactStore } from '../store/fact-store.js';
import { type FileStorage, openFileStorage } from '../storage/files.js';
import { openStorage } from '../storage/open.js';
import { describeDatabase } from '../storage/pg/pool.js';
import type { Deliveries, Storage } from '../storage/storage.js';
import type { Publisher as Pusher } from '../push/publish.js';
import { SourceWatcher } from '../sources/watch-service.js';
import { publishLanded } from '../push/publish.js';

export interface Deployment {
  readonly storage: Storage;
  readonly push: Pusher;
  readonly watcher: SourceWatcher;
  /** Resumes what a previous process left, and starts the monthly schedule. */
  start(): void;
  stop(): Promise<void>;
}

/** The API the pushes send through: no auto-retry (the senders pace themselves). */
function pushApi(config: Config): Api {
  return new Api(
    config.BOT_TOKEN!,
    config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined,
  );
}

/** The files of one process: its own push runner (campaign journals in STATE_DIR). */
function fileDeployment(config: Config, storage: FileStorage, log: Logger): Deployment {
  const push = new PushService({
    api: pushApi(config),
    subs: storage.subscriptionStore,
    index: () => storage.store.index,
    log: log.child({ part: 'push' }),
    rate: config.PUSH_RATE,
    renderChart,
    languageOf: chatLanguage(storage.state),
  });
  const watcher = sourceWatcher(config, storage, push, log);
  return {
    ...{ storage, push, watcher },
    start() {
      for (const resumed of push.resume())
        resumed.catch((err: unknown) => log.error({ err }, 'resuming a campaign failed'));
      push.schedule(config.PUSH_CRON);
      watcher.start();
    },
    stop: async () => {
      watcher.stop();
      push.stop();
      await storage.close();
    },
  };
}

/** The files of STATE_DIR with the store given (`npm run push`, the bot without DATABASE_URL). */
export async function openFileDeployment(
  config: Config,
  store: FactStore,
  log: Logger,
): Promise<Deployment> {
  const storage = await openFileStorage(
    store,
    config.FACTS_PATH,
    config.STATE_DIR,
    config.ADMIN_IDS,
  );
  return fileDeployment(config, storage, log);
}

const SWEEP_MS = 10 * 60_000;

/** The watcher of sources: it tells every admin what it found; a trusted source's figures push. */
function sourceWatcher(config: Config, storage: Storage, push: Pusher, log: Logger): SourceWatcher {
  const api = pushApi(config);
  const notify = async (text: string) => {
    for (const id of await storage.admins.all())
      await api
        .sendMessage(id, text, { link_preview_options: { is_disabled: true } })
        .catch((err: unknown) => log.warn({ err, admin: id }, 'sources: admin not told'));
  };
  return new SourceWatcher({
    ...{ storage, log: log.child({ part: 'sources' }), notify },
    http: {
      userAgent: config.SOURCES_USER_AGENT,
      timeoutMs: config.SOURCES_TIMEOUT_MS,
      allowPrivate: config.SOURCES_ALLOW_PRIVATE,
    },
    ...{ pollCron: config.SOURCES_POLL_CRON, digestCron: config.SOURCES_DIGEST_CRON },
    published: (facts) => publishLanded(push, facts, null),
  });
}

/** A storage shared by replicas: the shared push queue, state swept now and then. */
function sharedDeployment(
  config: Config,
  storage: Storage,
  deliveries: Deliveries,
  log: Logger,
): Deployment {
  const push = new SharedPush({
    ...{ api: pushApi(config), storage, deliveries, log: log.child({ part: 'push' }) },
    rate: config.PUSH_RATE,
    sender: config.REPLICA_ID ?? `${hostname()}:${process.pid}`,
    renderChart,
  });
  // expired chat state is never read; it is deleted now and then so the table stays small
  let sweeper: NodeJS.Timeout | null = null;
  const watcher = sourceWatcher(config, storage, push, log);
  return {
    ...{ storage, push, watcher },
    start() {
      push.start().catch((err: unknown) => log.error({ err }, 'push: could not start'));
      push.schedule(config.PUSH_CRON);
      watcher.start();
      const sweep = storage.state.sweep?.bind(storage.state);
      if (!sweep) return;
      sweeper = setInterval(() => {
        sweep().catch((err: unknown) => log.warn({ err }, 'state sweep failed'));
      }, SWEEP_MS);
      sweeper.unref();
    },
    stop: async () => {
      if (sweeper) clearInterval(sweeper);
      watcher.stop();
      await push.stop();
      await storage.close();
    },
  };
}

/**
 * The deployment the configuration names, through storage/open.ts: a storage with a shared push
 * queue (PostgreSQL) runs the shared pushes; the files run their own. `store`: the figures
 * already read from FACTS_PATH (the files), or null.
 */
export async function openDeployment(
  config: Config,
  log: Logger,
  store: FactStore | null,
): Promise<Deployment> {
  if (config.DATABASE_URL)
    log.info({ database: describeDatabase(config.DATABASE_URL) }, 'opening the database');
  const storage = await openStorage(config, store);
  if (storage.deliveries) return sharedDeployment(config, storage, storage.deliveries, log);
  return fileDeployment(config, storage as FileStorage, log);
}
