/** The grammY context of this bot: a child logger per update and the shared services. */
import type { Context } from 'grammy';
import type { Logger } from 'pino';
import type { Conversation } from '../../core/conversation.js';
import type { FactStore } from '../../store/fact-store.js';

export interface Services {
  readonly store: FactStore;
  readonly log: Logger;
  /** The conversation (follow-up context) of a chat. */
  conversation(chatId: number): Conversation;
  /** Keeps a question behind a short callback id (callback data holds at most 64 bytes). */
  remember(question: string): string;
  recall(id: string): string | undefined;
  readonly adminIds: ReadonlySet<number>;
}

export type BotContext = Context & { log: Logger; services: Services };
