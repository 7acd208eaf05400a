/**
 * A report's figures reviewed before they land: a forwarded or long pasted report, a file or a
 * link (admin-report-input.ts), a watched source's item (admin-sources.ts). Each figure is shown
 * under its sentence with the consistency flags and the preview; a reply edits them; a report
 * that names no place asks which.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { storeFlags } from '../../../admin/consistency.js';
import {
  figuresTable,
  readReport,
  reportFacts,
  reportSource,
  type ReportReading,
  reviewTable,
} from '../../../admin/report.js';
import { placeName } from '../../../answer/format.js';
import { msg, msgFor } from '../../../messages.js';
import { decode, encode, expired } from '../callback-data.js';
import type { BotContext, PendingReview } from '../context.js';
import { newId, showPreview } from './admin-preview.js';

export const adminReportFeature = new Composer<BotContext>();

/**
 * A forwarded or long pasted report from an admin: extract, confirm, apply. Anything else goes on
 * to the questions.
 */
adminReportFeature.on('message:text', async (ctx, next) => {
  const text = ctx.msg.text;
  const looksLikeReport = !!ctx.msg.forward_origin || text.length > 200;
  if (!looksLikeReport || !ctx.from) return next();
  const figures = readReport(text).figures.length;
  if (!ctx.services.admins.has(ctx.from.id)) {
    // a report forwarded by someone else: one short reply, not an answer per sentence
    const report = figures >= 2 || (!!ctx.msg.forward_origin && figures >= 1);
    return report ? ctx.reply(msgFor(ctx.from.language_code, 'report_admins_only')) : next();
  }
  if (!ctx.services.data || !figures) return next();
  const origin = ctx.msg.forward_origin;
  const publisher =
    origin?.type === 'channel'
      ? origin.chat.title
      : origin?.type === 'user'
        ? `${origin.sender_user.first_name}`
        : null;
  const date = new Date((origin?.date ?? ctx.msg.date) * 1000);
  await reviewReport(ctx, { text, publisher, date });
});

/**
 * A report's text (pasted, forwarded, from a file or a link): its figures, reviewed before
 * applying.
 */
export async function reviewReport(
  ctx: BotContext,
  r: {
    text: string;
    publisher: string | null;
    date: Date;
    title?: string | null;
    url?: string | null;
  },
): Promise<unknown> {
  const { text, publisher, date } = r;
  const reading = readReport(text);
  if (!reading.figures.length) return ctx.reply(msg('report_no_figures'));
  const known = { title: r.title ?? null, url: r.url ?? null };
  if (!reading.place) {
    const id = newId();
    await ctx.services.state.reports.set(id, {
      ...{ text, publisher, date: date.toISOString(), known },
    });
    const kb = new InlineKeyboard();
    (await ctx.services.index())
      .allPlaces()
      .filter((p) => p !== 'ca-nuoc')
      .slice(0, 8)
      .forEach((p, i) => {
        kb.text(placeName(p), encode({ kind: 'report-place', id, place: p }));
        if (i % 2) kb.row();
      });
    return ctx.reply(msg('report_no_place', { count: reading.figures.length }), {
      reply_markup: kb,
    });
  }
  return previewReport(ctx, reading, reading.place, reportSource(text, publisher, date, known));
}

export async function previewReport(
  ctx: BotContext,
  reading: ReportReading,
  place: string,
  source: ReturnType<typeof reportSource>,
  queueItem?: number,
): Promise<void> {
  const { items, plans, skipped } = reportFacts(reading, place, source);
  const progress = await ctx.reply(msg('report_checking'));
  if (!items.length && !plans.length) {
    await ctx.api.editMessageText(
      ctx.chat!.id,
      progress.message_id,
      msg('report_nothing_applicable', { skipped: skipped.join('\n') }),
    );
    return;
  }
  const note = skipped.length ? `${msg('report_skipped', { skipped: skipped.join('; ') })}\n` : '';
  await showReview(
    ctx,
    progress.message_id,
    {
      ...{ items, plans, file: msg('report_file', { title: source.title }), place },
      ...(queueItem === undefined ? {} : { queueItem }),
    },
    note,
  );
}

/** The figures of a report, each under its sentence, with the preview; editable by replying. */
export async function showReview(
  ctx: BotContext,
  messageId: number,
  review: PendingReview,
  note = '',
): Promise<void> {
  await ctx.services.state.reviews.set(`${ctx.chat!.id}:${messageId}`, review);
  const title = msg('report_review_title', { place: placeName(review.place) });
  const facts = review.items.map((i) => i.fact);
  const flags = await storeFlags(ctx.services.storage.facts, facts);
  const plans = review.plans?.length
    ? `${msg('report_targets')}\n${figuresTable(review.plans.map((p) => p.fact))}\n`
    : '';
  const table = reviewTable(review.items, flags);
  const head = `${title}\n(${review.file})\n${table}\n${plans}${note}${msg('report_review_hint')}\n\n`;
  const preview = await ctx.services.data!.preview(facts);
  await showPreview(ctx, messageId, preview, review.file, head, review.queueItem);
}

adminReportFeature.callbackQuery(/^v2\|rp\|/, async (ctx) => {
  if (!ctx.from || !ctx.services.admins.has(ctx.from.id))
    return ctx.answerCallbackQuery({ text: msg('admins_only_short') });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'report-place') return ctx.answerCallbackQuery({ text: expired(ctx) });
  const r = await ctx.services.state.reports.get(action.id);
  await ctx.answerCallbackQuery();
  if (!r) return ctx.reply(msg('report_session_expired'));
  await ctx.services.state.reports.delete(action.id);
  const source = reportSource(r.text, r.publisher, new Date(r.date), r.known);
  await previewReport(ctx, readReport(r.text), action.place, source, r.queueItem);
});
