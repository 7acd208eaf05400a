/**
 * Watched sources by chat: /nguon (the list), /nguon them URL …, /nguon xoa N, /nguon doc (read
 * now), and /duyet, the review queue: one card per item, its figures beside their sentences and
 * the changes to the store, edited by replying as a forwarded report is, with Áp dụng, Bỏ qua
 * and "apply all from this source".
 */
import { Composer, InlineKeyboard } from 'grammy';
import { readReport } from '../../../admin/report.js';
import { placeName } from '../../../answer/format.js';
import { msg } from '../../../messages.js';
import { applyItems, itemSource, QueueError, waitingOf } from '../../../sources/review-queue.js';
import { parseAddCommand, sourceAction } from '../../../sources/source-command.js';
import { roundText } from '../../../sources/watch-service.js';
import type { QueueItem, WatchedSource } from '../../../sources/watched.js';
import { decode, encode, expired } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { requireAdmin } from './admin.js';
import { publishLanded } from './admin-preview.js';
import { previewReport } from './admin-report.js';
import { sourcesRules } from './start.js';
import { randomBytes } from 'node:crypto';

export const adminSourcesFeature = new Composer<BotContext>();

/** Cards shown by one /duyet: the rest wait for the next. */
const CARDS_AT_ONCE = 5;

function sourceLine(s: WatchedSource): string {
  const state = s.lastError
    ? msg('source_state_failing', { failures: s.failures, error: s.lastError })
    : s.lastPolledAt
      ? msg('source_state_ok', {
          at: s.lastPolledAt.slice(0, 16).replace('T', ' '),
          found: s.found,
        })
      : msg('source_state_new');
  return msg('source_line', {
    ...{ id: s.id, publisher: s.publisher, url: s.url, state },
    place: s.place ? placeName(s.place) : msg('source_place_detect'),
    every:
      s.intervalMin % 60
        ? `${s.intervalMin} ${msg('source_minutes')}`
        : `${s.intervalMin / 60} ${msg('source_hours')}`,
    trusted: s.trusted ? msg('source_trusted_mark') : '',
  });
}

async function listSources(ctx: BotContext): Promise<unknown> {
  const all = await ctx.services.storage.sources.list();
  if (!all.length) return ctx.reply(msg('source_none'));
  return ctx.reply(all.map(sourceLine).join('\n\n'), {
    link_preview_options: { is_disabled: true },
  });
}

async function addSource(ctx: BotContext, args: string): Promise<unknown> {
  const parsed = parseAddCommand(args, String(ctx.from!.id));
  if (!parsed.ok) return ctx.reply(parsed.reason);
  const added = await ctx.services.storage.sources.add(parsed.source);
  if (!added) return ctx.reply(msg('source_exists'));
  ctx.log.info({ by: ctx.from!.id, source: added.id }, 'source added');
  return ctx.reply(msg('source_added', { line: sourceLine(added) }), {
    link_preview_options: { is_disabled: true },
  });
}

async function removeSource(ctx: BotContext, id: number | null): Promise<unknown> {
  if (id === null) return ctx.reply(msg('source_usage'));
  const gone = await ctx.services.storage.sources.remove(id);
  return ctx.reply(msg(gone ? 'source_removed' : 'source_no_such', { id }));
}

async function pollNow(ctx: BotContext): Promise<unknown> {
  const watcher = ctx.services.watcher;
  if (!watcher) return ctx.reply(msg('source_watch_off'));
  await ctx.reply(msg('source_polling'));
  const reports = await watcher.round(true);
  if (!reports) return ctx.reply(msg('source_poll_busy'));
  const failed = reports.filter((r) => r.error).map((r) => `• #${r.source.id}: ${r.error}`);
  const found = roundText(reports);
  if (found) return failed.length ? ctx.reply(failed.join('\n')) : undefined;
  return ctx.reply([msg('source_poll_nothing', { n: reports.length }), ...failed].join('\n'));
}

adminSourcesFeature.command('nguon', async (ctx) => {
  const a = sourceAction(ctx.match);
  // /nguon is everyone's: the data's sources and rules; its words add, remove or read sources
  if (a.act === 'list' && !ctx.services.admins.has(ctx.from?.id ?? 0)) return sourcesRules(ctx);
  if (!(await requireAdmin(ctx, 'nguon'))) return;
  if (a.act === 'add') return addSource(ctx, a.rest);
  if (a.act === 'remove') return removeSource(ctx, a.id);
  if (a.act === 'poll') return pollNow(ctx);
  await listSources(ctx);
  return sourcesRules(ctx);
});

/** A card whose place the item does not say: the admin picks it, as for a forwarded report. */
async function askPlace(ctx: BotContext, q: QueueItem): Promise<unknown> {
  const id = randomBytes(6).toString('hex');
  const known = { title: q.title, url: q.link };
  await ctx.services.state.reports.set(id, {
    ...{ text: q.text, publisher: q.publisher, known, queueItem: q.id },
    date: new Date(q.published ?? q.queuedAt).toISOString(),
  });
  const kb = new InlineKeyboard();
  const places = (await ctx.services.index()).allPlaces().filter((p) => p !== 'ca-nuoc');
  places.slice(0, 8).forEach((p, i) => {
    kb.text(placeName(p), encode({ kind: 'report-place', id, place: p }));
    if (i % 2) kb.row();
  });
  kb.row().text(msg('queue_skip_button'), encode({ kind: 'queue', act: 'skip', id: q.id }));
  return ctx.reply(`${cardHead(q)}\n${msg('queue_card_no_place', { n: q.figures })}`, {
    reply_markup: kb,
    link_preview_options: { is_disabled: true },
  });
}

const cardHead = (q: QueueItem) =>
  msg('queue_card_head', {
    ...{ id: q.id, publisher: q.publisher, title: q.title, link: q.link },
    date: (q.published ?? q.queuedAt).slice(0, 10),
  });

async function showCard(ctx: BotContext, q: QueueItem): Promise<unknown> {
  if (!q.place) return askPlace(ctx, q);
  await ctx.reply(cardHead(q), { link_preview_options: { is_disabled: true } });
  return previewReport(ctx, readReport(q.text), q.place, itemSource(q), q.id);
}

adminSourcesFeature.command('duyet', async (ctx) => {
  if (!(await requireAdmin(ctx, 'duyet'))) return;
  const waiting = await ctx.services.storage.sources.queue();
  if (!waiting.length) return ctx.reply(msg('queue_empty'));
  for (const q of waiting.slice(0, CARDS_AT_ONCE)) await showCard(ctx, q);
  if (waiting.length > CARDS_AT_ONCE)
    await ctx.reply(msg('queue_more', { n: waiting.length - CARDS_AT_ONCE }));
});

async function applyAllOfSource(ctx: BotContext, item: QueueItem): Promise<unknown> {
  const ids = (await waitingOf(ctx.services.storage, item.sourceId)).map((q) => q.id);
  if (!ids.length) return ctx.editMessageText(msg('queue_item_gone', { id: item.id }));
  const done = await applyItems(ctx.services.storage, ids, String(ctx.from!.id));
  await ctx.editMessageText(
    msg('queue_all_applied', {
      n: done.items.length,
      version: done.version.n,
      publisher: item.publisher,
    }),
  );
  await publishLanded(ctx, done.facts);
}

adminSourcesFeature.callbackQuery(/^v2\|qu\|/, async (ctx) => {
  if (!ctx.from || !ctx.services.admins.has(ctx.from.id))
    return ctx.answerCallbackQuery({ text: msg('admins_only_short') });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'queue') return ctx.answerCallbackQuery({ text: expired(ctx) });
  await ctx.answerCallbackQuery();
  const item = await ctx.services.storage.sources.item(action.id);
  if (item?.status !== 'waiting')
    return ctx.editMessageText(msg('queue_item_gone', { id: action.id }));
  if (action.act === 'skip') {
    await ctx.services.storage.sources.settle(item.id, 'skipped', String(ctx.from.id));
    return ctx.editMessageText(msg('queue_skipped', { id: item.id, title: item.title }));
  }
  try {
    return await applyAllOfSource(ctx, item);
  } catch (err) {
    if (err instanceof QueueError) return ctx.editMessageText(err.message);
    throw err;
  }
});
