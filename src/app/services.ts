/**
 * The services every handler reads, over one Storage: the embedded files by default, or
 * PostgreSQL shared by every replica. Nothing a later update needs is kept only in this
 * process: a follow-up, a button or an Áp dụng handled by another replica finds its state.
 */
import { langOf } from '../messages.js';
import type { Logger } from 'pino';
import type { Publisher } from '../push/publish.js';
import type { Turn } from '../core/conversation.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { DataVersions, Storage, SubscriptionRepository } from '../storage/storage.js';
import type { Query } from '../understand/query.js';
import type { SourceReport } from '../sources/poller.js';
import type { DataManager } from '../admin/data-manager.js';
import { askInChat } from '../core/conversation.js';
import type { SubscriptionStore } from '../push/subscriptions.js';
import type { FactStore } from '../store/fact-store.js';
import { memoryAdmins, storageOfParts } from '../storage/files.js';
import type { AdminRepository, KeyValueStore } from '../storage/storage.js';

/** One kind of pending state of a chat, kept in the shared storage with its expiry. */
export interface PendingState<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The admin list as a handler reads it: kept fresh from the storage before each update. */
export interface AdminView {
  has(id: number): boolean;
  all(): number[];
  add(id: number): Promise<void>;
  remove(id: number): Promise<void>;
}

/** Starts a monthly bulletin campaign (null when there is nothing to send or it already ran). */
export type Pusher = Publisher;

/** A round of the sources' watcher (src/sources/watch-service.ts). */
export interface SourceRound {
  round(all?: boolean): Promise<SourceReport[] | null>;
}

export interface Services {
  readonly storage: Storage;
  readonly log: Logger;
  /** The figures a question reads (the guide and lists read them with no question). */
  index(q?: Query | null): Promise<FactIndex>;
  /** One turn of a chat's conversation, its context kept in the storage. */
  /** A question in a chat; `languageCode` (the client's) decides a turn of no language's words. */
  ask(chatId: number, text: string, languageCode?: string): Promise<Turn>;
  /** The button payload that asks this question (callback-data.ts), stored for any replica. */
  remember(question: string): string;
  /** Resolves when every payload remembered so far is stored: before the message is sent. */
  stored(): Promise<void>;
  /** The question behind a hashed payload. */
  recall(hash: string): Promise<string | undefined>;
  readonly admins: AdminView;
  /** Refreshes the admin list from the storage (another replica may have changed it). */
  refreshAdmins(): Promise<void>;
  /** Uploads, versions and restores, when the storage keeps them. */
  readonly data: DataVersions | null;
  /** Subscriptions and pushes, when the storage keeps them. */
  readonly subs: SubscriptionRepository | null;
  readonly push: Pusher | null;
  /** The watcher of sources, when this process runs one (/nguon doc reads now). */
  readonly watcher: SourceRound | null;
  /** What users see between turns, kept in the storage. */
  readonly state: {
    readonly previews: PendingState<PendingPreview>;
    readonly reports: PendingState<PendingReport>;
    /** A report's figures under review, by "chat:message" of their preview. */
    readonly reviews: PendingState<PendingReview>;
    flush(): Promise<void>;
  };
}

/**
 * An upload waiting for Áp dụng: the checked figures, replayed as a preview on the version seen.
 */
export interface PendingPreview {
  readonly facts: Fact[];
  readonly file: string;
  readonly admin: number;
  readonly baseVersion: number;
  /** The watched source's queued item these figures come from: settled when applied. */
  readonly queueItem?: number;
}

/** A report's figures under review: each with the words it came from. */
export interface PendingReview {
  readonly items: { fact: Fact; sentence: string }[];
  /** The plans and targets the report states: kept out of the store unless the admin says so. */
  readonly plans?: { fact: Fact; sentence: string }[];
  readonly file: string;
  readonly place: string;
  readonly queueItem?: number;
}

/** A report that named no place, waiting for the admin to say which. */
export interface PendingReport {
  readonly text: string;
  readonly publisher: string | null;
  readonly date: string;
  readonly known: { title: string | null; url: string | null };
  readonly queueItem?: number;
}

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
/**
 * How a transport's buttons carry a question: the payload, and the hash it stands for when the
 * question is too long to travel itself (null when it travels whole).
 */
export type QuestionPayload = (question: string) => { data: string; hash: string | null };

function buttons(kv: KeyValueStore, payloadOf: QuestionPayload) {
  let writes: Promise<unknown>[] = [];
  return {
    remember(question: string): string {
      const { data, hash } = payloadOf(question);
      if (hash) writes.push(kv.set('button', hash, question, BUTTON_TTL_MS));
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

export function createServices(p: ServiceParts, payloadOf: QuestionPayload): Services {
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
    ...buttons(storage.state, payloadOf),
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
