/**
 * The Telegram bot: grammY with one Composer per feature behind one error boundary, a
 * child logger per update, group etiquette and a per-user flood limit. Handlers are thin:
 * they call the core (src/core) and format for Telegram.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Bot, type BotConfig, type BotError, type Composer, type MiddlewareFn } from 'grammy';
import type { Logger } from 'pino';
import type { FactStore } from '../../store/fact-store.js';
import type { BotContext, Pusher, Services, SourceRound } from './context.js';
import { createServices } from '../../app/services.js';
import { questionPayload } from './callback-data.js';
import type { Storage } from '../../storage/storage.js';
import type { SubscriptionStore } from '../../push/subscriptions.js';
import type { DataManager } from '../../admin/data-manager.js';
import { hydrateFiles } from '@grammyjs/files';
import { adminDataFeature } from './features/admin-data.js';
import { adminReportFeature } from './features/admin-report.js';
import { adminSourcesFeature } from './features/admin-sources.js';
import { adminReportInputFeature } from './features/admin-report-input.js';
import { subscribeFeature } from './features/subscribe.js';
import { adminFeature } from './features/admin.js';
import { askFeature } from './features/ask.js';
import { mediaFeature } from './features/media.js';
import { startFeature } from './features/start.js';
import { msgFor } from '../../messages.js';

export interface BotOptions {
  readonly token: string;
  readonly apiRoot?: string | undefined;
  /** The shared storage (PostgreSQL for replicas); without it, the parts below on files. */
  readonly storage?: Storage;
  readonly store?: FactStore;
  readonly log: Logger;
  readonly adminIds?: readonly number[];
  /** Messages a user may send per `floodWindowMs` before the polite note. */
  readonly floodLimit?: number;
  readonly floodWindowMs?: number;
  /** Extra feature composers (subscriptions, admin) mounted after the built-in ones. */
  readonly features?: readonly Composer<BotContext>[];
  readonly botInfo?: BotConfig<BotContext>['botInfo'];
  readonly subs?: SubscriptionStore | null;
  readonly push?: Pusher | null;
  readonly data?: DataManager | null;
  /** Where conversation context and pending previews survive a restart (none: memory only). */
  readonly stateDir?: string | null;
  readonly watcher?: SourceRound | null;
}

const services = new WeakMap<object, Services>();

/** Writes the state users see now (on stop). */
export async function flushState(bot: object): Promise<void> {
  await services.get(bot)?.state.flush();
}

/** In groups the bot answers commands, mentions and replies to itself only. */
export function groupEtiquette(): (ctx: BotContext, next: () => Promise<void>) => Promise<void> {
  return async (ctx, next) => {
    const chatType = ctx.chat?.type;
    if (ctx.message && (chatType === 'group' || chatType === 'supergroup')) {
      const text = ctx.message.text ?? ctx.message.caption ?? '';
      const me = ctx.me;
      const addressed =
        text.startsWith('/') ||
        (me.username !== undefined &&
          text.toLowerCase().includes(`@${me.username.toLowerCase()}`)) ||
        ctx.message.reply_to_message?.from?.id === me.id;
      if (!addressed) return;
    }
    await next();
  };
}

/** grammY's client: the API root, kept-alive connections, file downloads, retries. */
function newBot(opts: BotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(opts.token, {
    client: {
      ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}),
      timeoutSeconds: 30,
      // reuse connections to the Bot API (a local Bot API server is plain http)
      baseFetchConfig: {
        agent: opts.apiRoot?.startsWith('http://')
          ? new HttpAgent({ keepAlive: true, maxSockets: 64 })
          : new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
        compress: true,
      },
    },
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
  });
  bot.api.config.use(hydrateFiles(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot } : {}));
  bot.api.config.use(
    autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 10, rethrowInternalServerErrors: false }),
  );
  return bot;
}

/**
 * Updates an admin-only handler may act on (commands, files, buttons, replies, forwards, long
 * texts, links): the admin list is read fresh for them; a plain question never needs it.
 */
function mayNeedAdmin(ctx: BotContext): boolean {
  const m = ctx.message;
  if (!m) return true;
  const text = m.text ?? '';
  return (
    !m.text ||
    text.startsWith('/') ||
    text.length > 200 ||
    /https?:\/\//i.test(text) ||
    !!m.forward_origin ||
    !!m.reply_to_message
  );
}

/** Services and a child logger on every update, and its handling time. */
function contextMiddleware(opts: BotOptions): { fn: MiddlewareFn<BotContext>; services: Services } {
  const shared = createServices(opts, questionPayload);
  const fn: MiddlewareFn<BotContext> = async (ctx, next) => {
    ctx.services = shared;
    if (mayNeedAdmin(ctx)) await shared.refreshAdmins();
    ctx.log = opts.log.child({
      update_id: ctx.update.update_id,
      chat_id: ctx.chat?.id,
      user_id: ctx.from?.id,
    });
    const t0 = performance.now();
    await next();
    ctx.log.debug({ ms: Math.round((performance.now() - t0) * 10) / 10 }, 'update handled');
  };
  return { fn, services: shared };
}

/** The one error boundary: logged with the update's logger, told to the user without a trace. */
async function tellTheUser(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  ctx.log.error({ err: err.error }, 'update failed');
  try {
    if (ctx.callbackQuery)
      await ctx.answerCallbackQuery({
        text: msgFor(ctx.from?.language_code, 'error_short'),
      });
    else if (ctx.chat) await ctx.reply(msgFor(ctx.from?.language_code, 'error_sorry'));
  } catch (replyErr) {
    ctx.log.warn({ err: replyErr }, 'could not tell the user about the error');
  }
}

function floodLimit(opts: BotOptions) {
  return limit<BotContext, never>({
    timeFrame: opts.floodWindowMs ?? 10_000,
    limit: opts.floodLimit ?? 12,
    keyGenerator: (ctx) => (ctx.message ? ctx.from?.id.toString() : undefined),
    onLimitExceeded: async (ctx) => {
      ctx.log.warn('flood limit');
      if (ctx.chat) await ctx.reply(msgFor(ctx.from?.language_code, 'flood_slow_down'));
    },
  });
}

export function createBot(opts: BotOptions): Bot<BotContext> {
  const bot = newBot(opts);
  // the runner handles updates concurrently: those of one chat stay in order
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  const middleware = contextMiddleware(opts);
  services.set(bot, middleware.services);
  bot.use(middleware.fn);
  const guarded = bot.errorBoundary(tellTheUser);
  guarded.use(groupEtiquette());
  guarded.use(floodLimit(opts));
  guarded.use(startFeature);
  guarded.use(subscribeFeature);
  guarded.use(adminFeature);
  guarded.use(adminSourcesFeature);
  guarded.use(adminReportInputFeature);
  guarded.use(adminReportFeature);
  guarded.use(adminDataFeature);
  for (const f of opts.features ?? []) guarded.use(f);
  guarded.use(mediaFeature);
  guarded.use(askFeature);
  bot.catch((err) => opts.log.error({ err: err.error }, 'unhandled bot error'));
  return bot;
}
