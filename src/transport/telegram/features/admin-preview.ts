/** The preview of figures about to land, with its buttons, kept for any replica to apply. */
import { InlineKeyboard } from 'grammy';
import { type Preview, previewText } from '../../../admin/data-manager.js';
import { msg } from '../../../messages.js';
import { publishLanded as publish } from '../../../push/publish.js';
import type { Fact } from '../../../store/schema.js';
import { encode } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { randomBytes } from 'node:crypto';

// random ids: a restart must never make an old button point at a new preview
export const newId = () => randomBytes(6).toString('hex');

/** Áp dụng / Hủy; a watched source's item: Áp dụng / Bỏ qua, and all of its source. */
function previewKeyboard(id: string, queueItem: number | undefined): InlineKeyboard {
  const kb = new InlineKeyboard().text(
    msg('button_apply'),
    encode({ kind: 'upload', apply: true, id }),
  );
  if (queueItem === undefined)
    return kb.text(msg('button_cancel'), encode({ kind: 'upload', apply: false, id }));
  return kb
    .text(msg('queue_skip_button'), encode({ kind: 'queue', act: 'skip', id: queueItem }))
    .row()
    .text(msg('queue_all_button'), encode({ kind: 'queue', act: 'all', id: queueItem }));
}

export async function showPreview(
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

/** New figures landed by this admin: the bulletins of their places. */
export const publishLanded = (ctx: BotContext, landed: readonly Fact[]) =>
  publish(ctx.services.push, landed, ctx.from?.id ?? null);
