/** The grammY context of this bot: a child logger per update and the shared services. */
import type { Context } from 'grammy';
import type { Logger } from 'pino';
import type { Services } from '../../app/services.js';

export type {
  AdminView,
  PendingPreview,
  PendingReport,
  PendingReview,
  PendingState,
  Pusher,
  Services,
  SourceRound,
} from '../../app/services.js';

export type BotContext = Context & { log: Logger; services: Services };
