/**
 * Admin commands. Admins are ADMIN_IDS plus those added by command; anyone else gets a
 * clear refusal and the attempt is logged.
 */
import { type Api, Composer, InputFile } from 'grammy';
import { COMMANDS_VI } from './start.js';
import { chatLanguage, latestMonthFor, monthlySummary } from '../../../push/summary.js';
import { wordsFor } from '../../../answer/words.js';
import { renderChart } from '../../../charts/render.js';
import type { BotContext } from '../context.js';
import { msg } from '../../../messages.js';

export const adminFeature = new Composer<BotContext>();
export const ADMIN_COMMANDS = [
  'guibantin',
  'xemtruoc',
  'themadmin',
  'xoaadmin',
  'mau',
  'phienban',
  'khoiphuc',
  'xuat',
  'capnhat',
  'duyet',
];

const ADMIN_MENU_COMMANDS = [
  'mau',
  'phienban',
  'khoiphuc',
  'xuat',
  'duyet',
  'guibantin',
  'xemtruoc',
  'themadmin',
  'xoaadmin',
] as const;
/** The admins' commands, described in locales/vi/admin.ftl (command_<name>). */
const ADMIN_MENU = ADMIN_MENU_COMMANDS.map((command) => ({
  command,
  description: msg(`command_${command}`),
}));

/** An admin's own command menu, in the chat with the bot (everyone else sees the public one). */
export async function showAdminMenu(
  api: Api,
  adminId: number,
  commands: typeof COMMANDS_VI,
): Promise<void> {
  const scope = { type: 'chat' as const, chat_id: adminId };
  await api.setMyCommands([...commands, ...ADMIN_MENU], { scope }).catch(() => undefined);
}

export async function hideAdminMenu(api: Api, adminId: number): Promise<void> {
  await api.deleteMyCommands({ scope: { type: 'chat', chat_id: adminId } }).catch(() => undefined);
}

/** Refuses and logs a non-admin; true when the sender is an admin. */
export async function requireAdmin(ctx: BotContext, what: string): Promise<boolean> {
  const id = ctx.from?.id;
  if (id !== undefined && ctx.services.admins.has(id)) return true;
  ctx.log.warn({ user_id: id, what }, 'admin command refused');
  await ctx.reply(msg('admin_command_refused'));
  return false;
}

adminFeature.command('guibantin', async (ctx) => {
  if (!(await requireAdmin(ctx, 'guibantin'))) return;
  if (!ctx.services.push) return ctx.reply(msg('bulletins_off'));
  const started = await ctx.services.push.trigger('manual', ctx.from!.id);
  if (!started) await ctx.reply(msg('bulletin_nothing_to_send'));
});

/** /xemtruoc [chat_id]: exactly what that subscriber (default: yourself) would receive. */
adminFeature.command('xemtruoc', async (ctx) => {
  if (!(await requireAdmin(ctx, 'xemtruoc'))) return;
  const subs = ctx.services.subs;
  if (!subs) return ctx.reply(msg('bulletins_off'));
  const target = /^-?\d+$/.test(ctx.match.trim()) ? Number(ctx.match.trim()) : ctx.chat.id;
  const list = await subs.list(target);
  const index = await ctx.services.storage.facts.indexForPlaces(list.map((s) => s.place));
  const month = latestMonthFor(index, list);
  const words = wordsFor(await chatLanguage(ctx.services.storage.state)(target));
  const summary = month && monthlySummary(index, list, month, words);
  if (!list.length || !summary)
    return ctx.reply(
      msg(list.length ? 'preview_no_month' : 'preview_no_subscription', { chat: target }),
    );
  await ctx.reply(summary.html, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
  });
  if (summary.chart)
    await ctx.replyWithPhoto(new InputFile(await renderChart(summary.chart), 'ban-tin.png'));
});

adminFeature.command(['themadmin', 'xoaadmin'], async (ctx) => {
  if (!(await requireAdmin(ctx, ctx.message?.text ?? 'admin'))) return;
  const id = Number(ctx.match.trim());
  if (!Number.isInteger(id) || id <= 0) return ctx.reply(msg('admin_command_usage'));
  const adding = ctx.message!.text!.startsWith('/themadmin');
  if (adding) await ctx.services.admins.add(id);
  else await ctx.services.admins.remove(id);
  if (adding) await showAdminMenu(ctx.api, id, COMMANDS_VI);
  else await hideAdminMenu(ctx.api, id);
  ctx.log.info({ by: ctx.from!.id, target: id, adding }, 'admin list changed');
  await ctx.reply(msg(adding ? 'admin_added' : 'admin_removed', { id }));
});
