/** The grammY context of this bot: a child logger per update and the shared services. */
import type { Context } from 'grammy';
import type { Logger } from 'pino';
import type { Conversation } from '../../core/conversation.js';
import type { FactStore } from '../../store/fact-store.js';
import type { PushService } from '../../push/push-service.js';
import type { SubscriptionStore } from '../../push/subscriptions.js';
import type { DataManager } from '../../admin/data-manager.js';
import type { Fact } from '../../store/schema.js';
import type { StateFile } from '../../util/state-file.js';

export interface Services {
  readonly store: FactStore;
  readonly log: Logger;
  /** The conversation (follow-up context) of a chat. */
  conversation(chatId: number): Conversation;
  /** The button payload that asks this question (callback-data.ts). */
  remember(question: string): string;
  /** The question behind a hashed payload, while this process remembers it. */
  recall(hash: string): string | undefined;
  /** Who may use admin commands. */
  readonly admins: {
    has(id: number): boolean;
    add(id: number): Promise<void>;
    remove(id: number): Promise<void>;
    all(): number[];
  };
  /** Uploads, versions and restores, when the bot runs with a state folder. */
  readonly data: DataManager | null;
  /** Subscriptions and pushes, when the bot runs with a state folder. */
  readonly subs: SubscriptionStore | null;
  readonly push: PushService | null;
  /** What users see between turns, kept across restarts when there is a state folder. */
  readonly state: {
    readonly previews: StateFile<PendingPreview>;
    readonly reports: StateFile<PendingReport>;
    /** A report's figures under review, by "chat:message" of their preview. */
    readonly reviews: StateFile<PendingReview>;
    flush(): void;
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
}

/** A report's figures under review: each with the words it came from. */
export interface PendingReview {
  readonly items: { fact: Fact; sentence: string }[];
  readonly file: string;
  readonly place: string;
}

/** A report that named no place, waiting for the admin to say which. */
export interface PendingReport {
  readonly text: string;
  readonly publisher: string | null;
  readonly date: string;
  readonly known: { title: string | null; url: string | null };
}

export type BotContext = Context & { log: Logger; services: Services };
