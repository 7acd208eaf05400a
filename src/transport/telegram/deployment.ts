/**
 * What a bot process runs on: the embedded files (FactStore, STATE_DIR, the file push runner),
 * or PostgreSQL shared with other replicas (migrations at start, the shared push queue). The
 * bot itself is the same on both.
 */
import { chatLanguage } from '../../push/summary.js';
import { hostname } from 'node:os';
import { Api } from 'grammy';
import type { Logger } from 'pino';
import { renderChart } from '../../charts/render.js';
import type { Config } from '../../config.js';
import { PushService } from '../../push/push-service.js';
import { SharedPush } from '../../push/shared-push.js';
import type { FactStore } from '../../store/fact-store.js';
import { openFileStorage } from '../../storage/files.js';
import { openConfiguredPg } from '../../storage/open.js';
import { describeDatabase } from '../../storage/pg/pool.js';
import type { Storage } from '../../storage/storage.js';
import type { Pusher } from './context.js';

export interface Deployment {
  readonly storage: Storage;
  readonly push: Pusher;
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
  const push = new PushService({
    api: pushApi(config),
    subs: storage.subscriptionStore,
    index: () => store.index,
    log: log.child({ part: 'push' }),
    rate: config.PUSH_RATE,
    renderChart,
    languageOf: chatLanguage(storage.state),
  });
  return {
    storage,
    push,
    start() {
      for (const resumed of push.resume())
        resumed.catch((err: unknown) => log.error({ err }, 'resuming a campaign failed'));
      push.schedule(config.PUSH_CRON);
    },
    stop: async () => {
      push.stop();
      await storage.close();
    },
  };
}

const SWEEP_MS = 10 * 60_000;

export async function openPgDeployment(config: Config, log: Logger): Promise<Deployment> {
  const url = config.DATABASE_URL!;
  log.info({ database: describeDatabase(url) }, 'opening PostgreSQL');
  const storage = await openConfiguredPg(config);
  const push = new SharedPush({
    api: pushApi(config),
    storage,
    deliveries: storage.deliveries,
    log: log.child({ part: 'push' }),
    rate: config.PUSH_RATE,
    sender: config.REPLICA_ID ?? `${hostname()}:${process.pid}`,
    renderChart,
  });
  // expired chat state is never read; it is deleted now and then so the table stays small
  let sweeper: NodeJS.Timeout | null = null;
  return {
    storage,
    push,
    start() {
      push.start().catch((err: unknown) => log.error({ err }, 'push: could not start'));
      push.schedule(config.PUSH_CRON);
      sweeper = setInterval(() => {
        storage.kv.sweep().catch((err: unknown) => log.warn({ err }, 'state sweep failed'));
      }, SWEEP_MS);
      sweeper.unref();
    },
    stop: async () => {
      if (sweeper) clearInterval(sweeper);
      await push.stop();
      await storage.close();
    },
  };
}
