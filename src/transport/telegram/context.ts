/** The grammY context of this bot: a child logger per update and the shared services. */
import type { Context } from 'grammy';
import type { Logger } from 'pino';
import type { Turn } from '../../core/conversation.js';
import type { Month } from '../../push/summary.js';
import type { Trigger } from '../../push/subscriptions.js';
import type { FactIndex } from '../../store/fact-store.js';
import type { Fact } from '../../store/schema.js';
import type { DataVersions, Storage, SubscriptionRepository } from '../../storage/storage.js';
import type { Query } from '../../understand/query.js';
import type { SourceReport } from '../../sources/poller.js';

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
export interface Pusher {
  /** `places`: only subscribers of these places (an upload's) are owed a bulletin; all when absent. */
  trigger(
    trigger: Trigger,
    startedBy: number | null,
    month?: Month | null,
    places?: readonly string[],
  ): Promise<unknown>;
}

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

export type BotContext = Context & { log: Logger; services: Services };
