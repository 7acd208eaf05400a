/**
 * Admins update the data by chat: a spreadsheet/JSON file or a forwarded report, checked,
 * previewed with Áp dụng / Hủy, applied atomically as a new version; /mau, /phienban,
 * /khoiphuc, /xuat. Applying a new month starts the monthly pushes.
 */
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import type { FileFlavor } from '@grammyjs/files';
import { type Preview, StaleUploadError, previewText } from '../../../admin/data-manager.js';
import { toCsv, toXlsx, template } from '../../../admin/export.js';
import { LIMITS } from '../../../admin/limits.js';
import { kindOf } from '../../../admin/read-upload.js';
import {
  figuresTable,
  readReport,
  reviewTable,
  reportFacts,
  reportSource,
  type ReportReading,
} from '../../../admin/report.js';
import { checkUpload, isTemplateSheet, uploadSource } from '../../../admin/upload.js';
import { ReportInputError, readReportFile } from '../../../admin/report-input.js';
import { formatNumber, placeName } from '../../../answer/format.js';
import { todayIn } from '../../../core/conversation.js';
import { publishLanded as publish } from '../../../push/publish.js';
import type { Fact } from '../../../store/schema.js';
import { understand } from '../../../understand/understand.js';
import { consistencyFlags } from '../../../admin/consistency.js';
import type { BotContext, PendingReview } from '../context.js';
import { requireAdmin } from './admin.js';
import { randomBytes } from 'node:crypto';
import { decode, expired, encode } from '../callback-data.js';
import { msg, msgFor } from '../../../messages.js';

export const adminDataFeature = new Composer<BotContext>();

// random ids: a restart must never make an old button point at a new preview
const newId = () => randomBytes(6).toString('hex');

/** Áp dụng / Hủy; a watched source's item: Áp dụng / Bỏ qua, and all of its source. */
function previewKeyboard(id: string, queueItem: number | undefined): InlineKeyboard {
  const kb = new InlineKeyboard().text(
    msg('tg_ap_dung'),
    encode({ kind: 'upload', apply: true, id }),
  );
  if (queueItem === undefined)
    return kb.text(msg('tg_huy'), encode({ kind: 'upload', apply: false, id }));
  return kb
    .text(msg('queue_skip_button'), encode({ kind: 'queue', act: 'skip', id: queueItem }))
    .row()
    .text(msg('queue_all_button'), encode({ kind: 'queue', act: 'all', id: queueItem }));
}

async function showPreview(
  ctx: BotContext,
  messageId: number,
  p: Preview,
  file: string,
  extra = '',
  queueItem?: number,
): Promise<void> {
  const id = newId();
  // kept in STATE_DIR (an hour at most): the figures, replayed on the version the admin saw
  const facts = [...p.added, ...p.changed.map((c) => c.after)];
  await ctx.services.state.previews.set(id, {
    ...{ facts, file, admin: ctx.from!.id, baseVersion: p.baseVersion },
    ...(queueItem === undefined ? {} : { queueItem }),
  });
  const kb = previewKeyboard(id, queueItem);
  await ctx.api.editMessageText(
    ctx.chat!.id,
    messageId,
    `${extra}${previewText(p)}`.slice(0, 4000),
    { reply_markup: kb },
  );
}

adminDataFeature.on('message:document', async (ctx) => {
  if (!(await requireAdmin(ctx, 'upload'))) return;
  const data = ctx.services.data;
  if (!data) return ctx.reply(msg('tg_cap_nhat_du_lieu_chua'));
  const doc = ctx.msg.document;
  const name = doc.file_name ?? 'tep';
  if (!kindOf(name)) return ctx.reply(msg('upload_file_type', { name }));
  if ((doc.file_size ?? 0) > LIMITS.fileBytes)
    return ctx.reply(
      msg('upload_too_large', {
        mb: formatNumber(Math.round((doc.file_size ?? 0) / 104857.6) / 10),
      }),
    );
  const progress = await ctx.reply(msg('upload_downloading', { name }));
  const edit = (text: string) =>
    ctx.api.editMessageText(ctx.chat.id, progress.message_id, text).catch(() => undefined);
  const file = await (ctx as unknown as FileFlavor<BotContext>).getFile();
  const res = await fetch(file.getUrl());
  if (!res.ok) return edit(msg('tg_khong_tai_duoc_tep_tu'));
  const buf = Buffer.from(await res.arrayBuffer());
  if (!(await isTemplateSheet(buf, name))) return reviewSheetReport(ctx, buf, name, edit);
  await edit(msg('upload_checking', { name }));
  let lastEdit = Date.now();
  const reportShare = (share: number) => {
    // Telegram allows about one edit a second per chat
    if (Date.now() - lastEdit < 1500 || share >= 1) return;
    lastEdit = Date.now();
    void edit(msg('upload_checking_share', { name, pct: Math.round(share * 100) }));
  };
  const checked = await checkUpload(
    buf,
    name,
    uploadSource(String(ctx.from.id), name),
    reportShare,
  );
  if (!checked.ok) return edit(checked.message.slice(0, 4000));
  await showPreview(
    ctx,
    progress.message_id,
    await data.preview(checked.facts),
    name,
    `${msg('upload_rows_valid', { n: checked.rows })}\n`,
  );
});

/** A spreadsheet that is a report (tables, not the upload template): read as a report. */
async function reviewSheetReport(
  ctx: BotContext,
  buf: Buffer,
  name: string,
  edit: (text: string) => Promise<unknown>,
): Promise<unknown> {
  try {
    const input = await readReportFile(buf, name);
    await edit(msg('upload_read_as_report', { name }));
    const date = new Date(ctx.msg!.date * 1000);
    return reviewReport(ctx, { text: input.text, publisher: null, date, title: name });
  } catch (err) {
    if (err instanceof ReportInputError) return edit(err.message);
    throw err;
  }
}

/**
 * A forwarded or long pasted report from an admin: extract, confirm, apply. Anything else goes on
 * to the questions.
 */
adminDataFeature.on('message:text', async (ctx, next) => {
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
  if (!reading.figures.length) return ctx.reply(msg('tg_khong_tim_thay_so_lieu'));
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
  const progress = await ctx.reply(msg('tg_dang_doi_chieu'));
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
  const index = await ctx.services.index();
  const facts = review.items.map((i) => i.fact);
  const flags = consistencyFlags(facts, (p, ind, per) => index.get(p, ind, per));
  const plans = review.plans?.length
    ? `${msg('report_targets')}\n${figuresTable(review.plans.map((p) => p.fact))}\n`
    : '';
  const table = reviewTable(review.items, flags);
  const head = `${title}\n(${review.file})\n${table}\n${plans}${note}${msg('report_review_hint')}\n\n`;
  const preview = await ctx.services.data!.preview(facts);
  await showPreview(ctx, messageId, preview, review.file, head, review.queueItem);
}

adminDataFeature.callbackQuery(/^v2\|rp\|/, async (ctx) => {
  if (!ctx.from || !ctx.services.admins.has(ctx.from.id))
    return ctx.answerCallbackQuery({ text: msg('tg_chi_quan_tri_vien') });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'report-place') return ctx.answerCallbackQuery({ text: expired(ctx) });
  const r = await ctx.services.state.reports.get(action.id);
  await ctx.answerCallbackQuery();
  if (!r) return ctx.reply(msg('tg_phien_nay_da_het_han'));
  await ctx.services.state.reports.delete(action.id);
  const source = reportSource(r.text, r.publisher, new Date(r.date), r.known);
  await previewReport(ctx, readReport(r.text), action.place, source, r.queueItem);
});

adminDataFeature.callbackQuery(/^v2\|up\|/, async (ctx) => {
  if (!ctx.from || !ctx.services.admins.has(ctx.from.id)) {
    ctx.log.warn({ user_id: ctx.from?.id }, 'apply refused: not an admin');
    return ctx.answerCallbackQuery({ text: msg('tg_chi_quan_tri_vien_moi') });
  }
  const action = decode(ctx.callbackQuery.data);
  const p =
    action?.kind === 'upload' ? await ctx.services.state.previews.get(action.id) : undefined;
  if (!p || action?.kind !== 'upload')
    return ctx.answerCallbackQuery({ text: msg('tg_ban_xem_truoc_da_het') });
  // only the admin who sent the file decides on its preview
  if (p.admin !== ctx.from.id)
    return ctx.answerCallbackQuery({
      text: msg('tg_chi_quan_tri_vien_da'),
    });
  await ctx.services.state.previews.delete(action.id);
  if (!action.apply) {
    await ctx.answerCallbackQuery({ text: msg('tg_da_huy') });
    return ctx.editMessageText(msg('tg_da_huy_du_lieu_khong'));
  }
  await ctx.answerCallbackQuery({ text: msg('tg_dang_ap_dung') });
  const queued =
    p.queueItem === undefined ? null : await ctx.services.storage.sources.item(p.queueItem);
  if (queued && queued.status !== 'waiting')
    return ctx.editMessageText(msg('queue_item_gone', { id: queued.id }));
  try {
    const preview = { ...(await ctx.services.data!.preview(p.facts)), baseVersion: p.baseVersion };
    const v = await ctx.services.data!.apply(preview, String(ctx.from.id), p.file);
    if (queued)
      await ctx.services.storage.sources.settle(queued.id, 'applied', String(ctx.from.id));
    await ctx.editMessageText(
      msg('upload_applied', { file: p.file, n: v.n, added: v.added, changed: v.changed }),
    );
    await publishLanded(ctx, [...preview.added, ...preview.changed.map((c) => c.after)]);
  } catch (err) {
    if (err instanceof StaleUploadError) return ctx.editMessageText(`⚠️ ${err.message}`);
    throw err;
  }
});

/** New figures landed by this admin: the bulletins of their places. */
export const publishLanded = (ctx: BotContext, landed: readonly Fact[]) =>
  publish(ctx.services.push, landed, ctx.from?.id ?? null);

adminDataFeature.command(['mau', 'capnhat'], async (ctx) => {
  if (!(await requireAdmin(ctx, 'mau'))) return;
  await ctx.replyWithDocument(new InputFile(await template(), 'mau-cap-nhat-so-lieu.xlsx'), {
    caption: msg('template_caption'),
  });
});

adminDataFeature.command('phienban', async (ctx) => {
  if (!(await requireAdmin(ctx, 'phienban'))) return;
  const versions = (await ctx.services.data?.versions()) ?? [];
  if (!versions.length) return ctx.reply(msg('tg_chua_co_phien_ban_nao'));
  await ctx.reply(
    versions
      .slice(-10)
      .reverse()
      .map((v) =>
        msg('version_line', {
          ...{ n: v.n, at: v.at.slice(0, 16).replace('T', ' '), who: v.who, file: v.file },
          ...{ added: v.added, changed: v.changed, unchanged: v.unchanged, total: v.total },
        }),
      )
      .join('\n'),
  );
});

/** /khoiphuc: which version it would go back to, restored only when the admin confirms. */
adminDataFeature.command('khoiphuc', async (ctx) => {
  if (!(await requireAdmin(ctx, 'khoiphuc'))) return;
  if (!ctx.services.data) return ctx.reply(msg('tg_cap_nhat_du_lieu_chua'));
  const versions = await ctx.services.data.versions();
  const [target, current] = [versions.at(-2), versions.at(-1)];
  if (!target || !current) return ctx.reply(msg('restore_failed', { reason: msg('restore_none') }));
  const kb = new InlineKeyboard()
    .text(
      msg('restore_confirm_button'),
      encode({ kind: 'restore', apply: true, current: current.n }),
    )
    .text(msg('tg_huy'), encode({ kind: 'restore', apply: false, current: current.n }));
  const said = { n: target.n, file: target.file, current: current.n, now: current.file };
  await ctx.reply(msg('restore_confirm', said), { reply_markup: kb });
});

adminDataFeature.callbackQuery(/^v2\|rs\|/, async (ctx) => {
  if (!ctx.from || !ctx.services.admins.has(ctx.from.id))
    return ctx.answerCallbackQuery({ text: msg('tg_chi_quan_tri_vien') });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'restore' || !ctx.services.data)
    return ctx.answerCallbackQuery({ text: expired(ctx) });
  await ctx.answerCallbackQuery();
  if (!action.apply) return ctx.editMessageText(msg('tg_da_huy_du_lieu_khong'));
  // a version applied since the question was asked: the restore would undo something else
  if ((await ctx.services.data.versions()).at(-1)?.n !== action.current)
    return ctx.editMessageText(msg('restore_stale'));
  try {
    const v = await ctx.services.data.restorePrevious(String(ctx.from.id));
    await ctx.editMessageText(msg('restored', { file: v.file, n: v.n }));
  } catch (err) {
    await ctx.editMessageText(msg('restore_failed', { reason: (err as Error).message }));
  }
});

/** /xuat [nơi hoặc chỉ tiêu]: the data as XLSX and CSV. */
adminDataFeature.command('xuat', async (ctx) => {
  if (!(await requireAdmin(ctx, 'xuat'))) return;
  const q = ctx.match.trim() ? understand(ctx.match, null, todayIn()) : null;
  const facts = (await ctx.services.index(q)).facts.filter(
    (f) =>
      (!q?.places.length || q.places.includes(f.place)) &&
      (!q?.indicator || f.indicator === q.indicator),
  );
  const name = `so-lieu${q?.places[0] ? `-${q.places[0]}` : ''}${q?.indicator ? `-${q.indicator}` : ''}`;
  await ctx.replyWithDocument(new InputFile(await toXlsx(facts), `${name}.xlsx`), {
    caption: msg('export_caption', { n: facts.length }),
  });
  await ctx.replyWithDocument(new InputFile(toCsv(facts), `${name}.csv`));
});
