/**
 * The services every handler reads, over one Storage: the embedded files by default, or
 * PostgreSQL shared by every replica. Nothing a later update needs is kept only in this
 * process: a follow-up, a button or an Áp dụng handled by another replica finds its state.
 */
import { langOf } from '../../messages.js';
import type { Logger } from 'pino';
import type { DataManager } from '../../admin/data-manager.js';
import { askInChat } from '../../core/conversation.js';
import type { SubscriptionStore } from '../../push/subscriptions.js';
import type { FactStore } from '../../store/fact-store.js';
import { memoryAdmins, storageOfParts } from '../../storage/files.js';
import type { AdminRepository, KeyValueStore, Storage } from '../../storage/storage.js';
import { decode, encode } from './callback-data.js';
import type { AdminView, PendingState, Pusher, Services, SourceRound } from './context.js';

const HOUR = 3_600_000;
/** A button under an answer keeps working for a month; a preview waits an hour. */
const BUTTON_TTL_MS = 30 * 24 * HOUR;
const PENDING_TTL_MS = HOUR;

export interface ServiceParts {
  readonly log: Logger;
  readonly storage?: Storage | undefined;
  readonly store?: FactStore | undefined;
  readonly adminIds?: readonly number[] | undefined;
  readonly subs?: SubscriptionStore | null | undefined;
  readonly data?: DataManager | null | undefined;
  readonly push?: Pusher | null | undefined;
  readonly stateDir?: string | null | undefined;
  readonly watcher?: SourceRound | null | undefined;
}

/** The storage of the options: given, or made of the open parts (files, memory). */
function storageFrom(p: ServiceParts): Storage {
  if (p.storage) return p.storage;
  if (!p.store) throw new Error('the bot needs a storage or a fact store');
  return storageOfParts({
    store: p.store,
    stateDir: p.stateDir ?? null,
    data: p.data ?? null,
    subs: p.subs ?? null,
    admins: memoryAdmins(p.adminIds ?? []),
  });
}

function pending<V>(kv: KeyValueStore, ns: string): PendingState<V> {
  return {
    get: (key) => kv.get<V>(ns, key),
    set: (key, value) => kv.set(ns, key, value, PENDING_TTL_MS),
    delete: (key) => kv.delete(ns, key),
  };
}

function adminView(repo: AdminRepository, initial: readonly number[]) {
  let ids = new Set(initial);
  // read for every update: an admin removed on another replica loses the rights at once
  const refresh = async () => {
    ids = new Set(await repo.all());
  };
  const view: AdminView = {
    has: (id) => ids.has(id),
    all: () => [...ids],
    add: async (id) => {
      await repo.add(id);
      await refresh();
    },
    remove: async (id) => {
      await repo.remove(id);
      await refresh();
    },
  };
  return { view, refresh };
}

/** Button payloads: short ones carry their question, long ones a hash stored for any replica. */
function buttons(kv: KeyValueStore) {
  let writes: Promise<unknown>[] = [];
  return {
    remember(question: string): string {
      const data = encode({ kind: 'ask', question });
      const action = decode(data);
      if (action?.kind === 'ask-hash')
        writes.push(kv.set('button', action.hash, question, BUTTON_TTL_MS));
      return data;
    },
    async stored(): Promise<void> {
      const now = writes;
      writes = [];
      await Promise.all(now);
    },
    recall: (hash: string) => kv.get<string>('button', hash),
  };
}

export function createServices(p: ServiceParts): Services {
  const storage = storageFrom(p);
  const admins = adminView(storage.admins, p.adminIds ?? []);
  const hasData = !!p.storage || !!p.data;
  const hasSubs = !!p.storage || !!p.subs;
  return {
    storage,
    log: p.log,
    index: (q = null) => storage.facts.indexFor(q),
    ask: (chatId, text, languageCode) =>
      askInChat(storage, String(chatId), text, undefined, langOf(languageCode) === 'en'),
    ...buttons(storage.state),
    admins: admins.view,
    refreshAdmins: () => admins.refresh(),
    data: hasData ? storage.data : null,
    subs: hasSubs ? storage.subscriptions : null,
    push: p.push ?? null,
    watcher: p.watcher ?? null,
    state: {
      previews: pending(storage.state, 'preview'),
      reports: pending(storage.state, 'report'),
      reviews: pending(storage.state, 'review'),
      flush: () => storage.state.flush(),
    },
  };
}
