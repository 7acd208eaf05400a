/**
 * Reports in the other forms admins have them: a Word file, a PDF with a text layer, a .txt,
 * or a message that is only a link to the article. Each becomes text, then goes through the
 * same review as a pasted report (admin-data.ts). What cannot be read is said, nothing applied.
 */
import type { FileFlavor } from '@grammyjs/files';
import { Composer } from 'grammy';
import {
  isReportFile,
  lonelyLink,
  type ReportInput,
  ReportInputError,
  readArticle,
  readReportFile,
} from '../../../admin/report-input.js';
import type { BotContext } from '../context.js';
import { applyReview } from '../../../admin/report-review.js';
import { reviewReport, showReview } from './admin-report.js';
import { msg } from '../../../messages.js';

export const adminReportInputFeature = new Composer<BotContext>();

async function review(ctx: BotContext, read: () => Promise<ReportInput>): Promise<unknown> {
  const waiting = await ctx.reply(msg('report_reading'));
  let input: ReportInput;
  try {
    input = await read();
  } catch (err) {
    if (!(err instanceof ReportInputError)) throw err;
    return ctx.api.editMessageText(
      ctx.chat!.id,
      waiting.message_id,
      msg('report_unreadable', { reason: err.message }),
    );
  }
  const date = new Date((ctx.msg?.date ?? Date.now() / 1000) * 1000);
  return reviewReport(ctx, { ...input, date });
}

const isAdmin = (ctx: BotContext) => !!ctx.from && ctx.services.admins.has(ctx.from.id);

adminReportInputFeature.on('message:document', async (ctx, next) => {
  const name = ctx.msg.document.file_name ?? '';
  if (!isReportFile(name) || !isAdmin(ctx) || !ctx.services.data) return next();
  return review(ctx, async () => {
    const file = await (ctx as unknown as FileFlavor<BotContext>).getFile();
    const res = await fetch(file.getUrl());
    if (!res.ok) throw new ReportInputError(msg('report_download_failed'));
    return readReportFile(Buffer.from(await res.arrayBuffer()), name);
  });
});

/** A reply to a report's preview: an edit of its figures ("bỏ 2", "sửa 1 45,2", "năm 2021"). */
adminReportInputFeature.on('message:text', async (ctx, next) => {
  const to = ctx.msg.reply_to_message;
  const key = to ? `${ctx.chat.id}:${to.message_id}` : null;
  const review = key ? await ctx.services.state.reviews.get(key) : undefined;
  if (!review || !isAdmin(ctx) || !ctx.services.data) return next();
  const edited = applyReview(review, ctx.msg.text);
  if (!edited.ok) return ctx.reply(msg('review_refused', { reason: edited.reason }));
  await showReview(ctx, to!.message_id, { ...review, items: edited.items, plans: edited.plans });
  return ctx.reply(msg('review_edited', { said: edited.said }));
});

adminReportInputFeature.on('message:text', async (ctx, next) => {
  const url = lonelyLink(ctx.msg.text);
  if (!url || !isAdmin(ctx) || !ctx.services.data) return next();
  return review(ctx, () => readArticle(url));
});
