/** /start and /help: what the bot does and example questions from the data, as buttons. */
import { Composer } from 'grammy';
import { exampleQuestions, helpReply } from '../../../answer/guide.js';
import { sourcesReply } from '../../../answer/inventory.js';
import { escapeHtml } from '../../../answer/format.js';
import { type Lang, t } from '../../../messages.js';
import type { BotContext } from '../context.js';
import { keyboardFor, wordsOfClient } from '../format.js';

const COMMANDS = ['start', 'help', 'dangky', 'huy', 'dangkycuatoi', 'nguon'] as const;

/** The command menu in a language, its descriptions from the catalogue (command_<name>). */
export const commandsIn = (lang: Lang) =>
  COMMANDS.map((command) => ({ command, description: t(lang, `command_${command}`) }));

export const COMMANDS_VI = commandsIn('vi');
export const COMMANDS_EN = commandsIn('en');

export const startFeature = new Composer<BotContext>();

startFeature.command('start', async (ctx) => {
  const w = wordsOfClient(ctx);
  const examples = exampleQuestions(w, await ctx.services.index(), 3).slice(0, 3);
  const keyboard = keyboardFor(examples, (q) => ctx.services.remember(q));
  await ctx.services.stored();
  const name = ctx.from?.first_name ? `, ${escapeHtml(ctx.from.first_name)}` : '';
  const text = [w.t('welcome', { name }), escapeHtml(w.t('welcome_how_to_ask'))];
  await ctx.reply(text.join('\n'), { parse_mode: 'HTML', reply_markup: keyboard });
});

startFeature.command('help', async (ctx) => {
  const r = helpReply(wordsOfClient(ctx), await ctx.services.index());
  const keyboard = keyboardFor(r.nextSteps, (q) => ctx.services.remember(q));
  await ctx.services.stored();
  await ctx.reply(r.html, { parse_mode: 'HTML', reply_markup: keyboard });
});

/** The data's sources and rules: what /nguon says (features/admin-sources.ts reads the command). */
export async function sourcesRules(ctx: BotContext): Promise<void> {
  const r = sourcesReply(wordsOfClient(ctx), await ctx.services.index());
  await ctx.reply(r.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
}
