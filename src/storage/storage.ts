/**
 * The one storage interface of the bot's shared state. Two implementations: the embedded files
 * of STATE_DIR (the default, files.ts) and PostgreSQL when DATABASE_URL is set (pg/). Facts and
 * their versions sit behind `FactSource` and `DataVersions`; everything a chat leaves between
 * turns (context, pending previews, button payloads) is a namespaced key-value with an expiry,
 * so that a follow-up or a button handled by another replica finds it.
 */
import type { Preview, Version } from '../admin/data-manager.js';
import type { Fact } from '../store/schema.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Query } from '../understand/query.js';
import type {
  NewQueueItem,
  NewSource,
  PollState,
  QueueItem,
  QueueStatus,
  WatchedSource,
} from '../sources/watched.js';

/**
 * The namespace of a chat's conversation context (written at almost every turn). A database
 * may commit it without waiting for its disk: a crash of the bot loses nothing, and a crash of
 * the database server at most the last second of follow-ups, never a figure or an upload.
 */
export const CONTEXT_NAMESPACE = 'context';

/** What a chat leaves between turns: namespaced, each entry expiring. */
export interface KeyValueStore {
  get<V>(ns: string, key: string): Promise<V | undefined>;
  set<V>(ns: string, key: string, value: V, ttlMs: number): Promise<void>;
  delete(ns: string, key: string): Promise<void>;
  /** Writes out what is gathered for a moment (the files; a database writes at once). */
  flush(): Promise<void>;
  /** Deletes what expired, where expired entries would otherwise stay (a database table). */
  sweep?(): Promise<number>;
}

/** Who may use admin commands: ADMIN_IDS plus those added by command, minus those removed. */
export interface AdminRepository {
  all(): Promise<number[]>;
  add(id: number): Promise<void>;
  remove(id: number): Promise<void>;
}

export interface SubscriptionRow {
  readonly chatId: number;
  readonly place: string;
  readonly indicator: string | null;
}

export interface SubscriptionRepository {
  list(chatId: number): Promise<SubscriptionRow[]>;
  /** Every subscription, grouped by chat (a campaign's owed list). */
  byChat(): Promise<Map<number, SubscriptionRow[]>>;
  add(chatId: number, place: string, indicator: string | null): Promise<boolean>;
  addMany(rows: readonly SubscriptionRow[]): Promise<void>;
  remove(chatId: number, place?: string, indicator?: string | null): Promise<number>;
  count(): Promise<number>;
}

/** The figures an answer reads: the whole index when small, else the part a question needs. */
export interface FactSource {
  indexFor(q: Query | null): Promise<FactIndex>;
  /** Every series of these places (a bulletin's figures). */
  indexForPlaces(places: readonly string[]): Promise<FactIndex>;
  /** One figure by its key (place, indicator, period text, kind), as the store answers it. */
  lookup(place: string, indicator: string, period: string): Promise<Fact | undefined>;
  count(): Promise<number>;
  /** Reads now what another process committed (otherwise seen within a second, or at apply). */
  refresh(): Promise<void>;
}

/** Uploads land as versions: previewed, applied atomically (stale previews refused), undone. */
export interface DataVersions {
  preview(incoming: readonly Fact[]): Promise<Preview>;
  apply(p: Preview, who: string, file: string): Promise<Version>;
  restorePrevious(who: string): Promise<Version>;
  versions(): Promise<readonly Version[]>;
}

/** Watched sources, the items seen in them and the review queue (src/sources/). */
export interface SourceRepository {
  list(): Promise<WatchedSource[]>;
  /** null when that address is already watched. */
  add(s: NewSource): Promise<WatchedSource | null>;
  remove(id: number): Promise<boolean>;
  savePoll(id: number, state: PollState): Promise<void>;
  /** Runs `work` while no other process does (one poller among replicas); null when one does. */
  exclusive<T>(work: () => Promise<T>): Promise<T | null>;
  /** The fingerprints these items had when last read (absent: never read), in one read. */
  fingerprints(sourceId: number, keys: readonly string[]): Promise<Map<string, string>>;
  /** Records the item as read with this fingerprint; false when another caller already did. */
  claimItem(sourceId: number, key: string, fingerprint: string): Promise<boolean>;
  /** Forgets an item whose reading failed, so that the next poll tries it again. */
  forgetItem(sourceId: number, key: string): Promise<void>;
  /** Queues an item for review, replacing a waiting one of the same key (it changed). */
  enqueue(item: NewQueueItem): Promise<QueueItem>;
  /** Items of this status (waiting by default), oldest first. */
  queue(status?: QueueStatus): Promise<QueueItem[]>;
  item(id: number): Promise<QueueItem | undefined>;
  /** Marks a waiting item applied or skipped; false when it was not waiting any more. */
  settle(id: number, status: Exclude<QueueStatus, 'waiting'>, who: string): Promise<boolean>;
  /** True for the first caller with this key, ever (a day's digest sent once among replicas). */
  markOnce(key: string): Promise<boolean>;
}

/** A delivery one sender has claimed from the shared queue. */
export interface ClaimedDelivery {
  readonly campaignId: string;
  readonly chatId: number;
  readonly month: string;
}

export interface CampaignRow {
  readonly id: string;
  readonly month: string;
  readonly status: 'running' | 'done';
  readonly progress: { chatId: number; messageId: number } | null;
}

export type DeliveryCounts = Record<'pending' | 'sending' | 'sent' | 'blocked' | 'failed', number>;

/**
 * The push queue shared by replicas (src/push/shared-push.ts): campaigns with their owed
 * deliveries, claimed one sender at a time, one pace for all senders, crash policy by
 * heartbeats. A storage for one process (the files) has none: its pushes run in process.
 */
export interface Deliveries {
  /** One campaign per (month, trigger) with its owed deliveries; null when it exists. */
  createCampaign(
    month: string,
    trigger: string,
    startedBy: number | null,
    owed: readonly { chatId: number; month: string }[],
  ): Promise<CampaignRow | null>;
  setProgress(id: string, chatId: number, messageId: number): Promise<void>;
  claim(sender: string, limit: number): Promise<ClaimedDelivery[]>;
  finish(
    d: ClaimedDelivery,
    sender: string,
    state: 'sent' | 'blocked' | 'failed',
    error?: string | null,
  ): Promise<void>;
  release(d: ClaimedDelivery, sender: string): Promise<void>;
  /** The wait (ms) for the next send slot of all senders together. */
  nextSlot(rate: number): Promise<number>;
  pauseAll(seconds: number): Promise<void>;
  pauseLeft(): Promise<number>;
  beat(sender: string): Promise<void>;
  reapSilent(staleMs: number): Promise<number>;
  closeFinished(): Promise<CampaignRow[]>;
  counts(campaignId: string): Promise<DeliveryCounts>;
  interrupted(campaignId: string): Promise<number>;
}

export interface Storage {
  readonly kind: 'files' | 'postgres';
  readonly state: KeyValueStore;
  readonly admins: AdminRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly facts: FactSource;
  readonly data: DataVersions;
  readonly sources: SourceRepository;
  /** The shared push queue, where replicas share one (PostgreSQL). */
  readonly deliveries?: Deliveries;
  close(): Promise<void>;
}
