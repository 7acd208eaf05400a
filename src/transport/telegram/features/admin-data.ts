/**
 * Admins update the data by chat: a spreadsheet/JSON file checked, previewed with Áp dụng / Hủy,
 * applied atomically as a new version; /mau, /phienban, /khoiphuc, /xuat. Applying a new month
 * starts the monthly pushes. Reports are reviewed in admin-report.ts.
 */
import { Composer, InputFile } from 'grammy';
import type { FileFlavor } from '@grammyjs/files';
import { StaleUploadError } from '../../../admin/data-manager.js';
import { toCsv, toXlsx, template } from '../../../admin/export.js';
import { LIMITS } from '../../../admin/limits.js';
import { kindOf } from '../../../admin/read-upload.js';
import { checkUpload, isTemplateSheet, uploadSource } from '../../../admin/upload.js';
import { ReportInputError, readReportFile } from '../../../admin/report-input.js';
import { formatNumber } from '../../../answer/format.js';
import { todayIn } from '../../../core/conversation.js';
import { understand } from '../../../understand/understand.js';
import type { BotContext } from '../context.js';
import { requireAdmin } from './admin.js';
import { decode, encode, expired } from '../callback-data.js';
import { msg } from '../../../messages.js';
import { publishLanded, showPreview } from './admin-preview.js';
import { reviewReport } from './admin-report.js';
import { InlineKeyboard } from 'grammy';

export const adminDataFeature = new Composer<BotContext>();

adminDataFeature.on('message:document', async (ctx) => {
  if (!(await requireAdmin(ctx, 'upload'))) return;
  const data = ctx.services.data;
  if (!data) return ctx.reply(msg('data_updates_off'));
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
  if (!res.ok) return edit(msg('file_download_failed'));
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

adminDataFeature.callbackQuery(/^v2\|up\|/, async (ctx) => {
  if (!ctx.from || !ctx.services.admins.has(ctx.from.id)) {
    ctx.log.warn({ user_id: ctx.from?.id }, 'apply refused: not an admin');
    return ctx.answerCallbackQuery({ text: msg('apply_admins_only') });
  }
  const action = decode(ctx.callbackQuery.data);
  const p =
    action?.kind === 'upload' ? await ctx.services.state.previews.get(action.id) : undefined;
  if (!p || action?.kind !== 'upload')
    return ctx.answerCallbackQuery({ text: msg('preview_expired') });
  // only the admin who sent the file decides on its preview
  if (p.admin !== ctx.from.id)
    return ctx.answerCallbackQuery({
      text: msg('apply_sender_only'),
    });
  await ctx.services.state.previews.delete(action.id);
  if (!action.apply) {
    await ctx.answerCallbackQuery({ text: msg('cancelled') });
    return ctx.editMessageText(msg('upload_cancelled'));
  }
  await ctx.answerCallbackQuery({ text: msg('applying') });
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

adminDataFeature.command(['mau', 'capnhat'], async (ctx) => {
  if (!(await requireAdmin(ctx, 'mau'))) return;
  await ctx.replyWithDocument(new InputFile(await template(), 'mau-cap-nhat-so-lieu.xlsx'), {
    caption: msg('template_caption'),
  });
});

adminDataFeature.command('phienban', async (ctx) => {
  if (!(await requireAdmin(ctx, 'phienban'))) return;
  const versions = (await ctx.services.data?.versions()) ?? [];
  if (!versions.length) return ctx.reply(msg('versions_none'));
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
  if (!ctx.services.data) return ctx.reply(msg('data_updates_off'));
  const versions = await ctx.services.data.versions();
  const [target, current] = [versions.at(-2), versions.at(-1)];
  if (!target || !current) return ctx.reply(msg('restore_failed', { reason: msg('restore_none') }));
  const kb = new InlineKeyboard()
    .text(
      msg('restore_confirm_button'),
      encode({ kind: 'restore', apply: true, current: current.n }),
    )
    .text(msg('button_cancel'), encode({ kind: 'restore', apply: false, current: current.n }));
  const said = { n: target.n, file: target.file, current: current.n, now: current.file };
  await ctx.reply(msg('restore_confirm', said), { reply_markup: kb });
});

adminDataFeature.callbackQuery(/^v2\|rs\|/, async (ctx) => {
  if (!ctx.from || !ctx.services.admins.has(ctx.from.id))
    return ctx.answerCallbackQuery({ text: msg('admins_only_short') });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'restore' || !ctx.services.data)
    return ctx.answerCallbackQuery({ text: expired(ctx) });
  await ctx.answerCallbackQuery();
  if (!action.apply) return ctx.editMessageText(msg('upload_cancelled'));
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
