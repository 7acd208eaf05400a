/** Questions in plain text, the buttons under answers, and inline mode. */
import { Composer, InputFile } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import { answer } from '../../../answer/answer.js';
import { todayIn } from '../../../core/conversation.js';
import { understand } from '../../../understand/understand.js';
import { renderChart } from '../../../charts/render.js';
import type { Reply } from '../../../answer/reply.js';
import type { BotContext } from '../context.js';
import { replyKeyboard, splitMessage } from '../format.js';
import { subscribeByWords } from './subscribe.js';
import { decode, expired } from '../callback-data.js';
import { msgFor } from '../../../messages.js';

async function sendReply(ctx: BotContext, r: Reply): Promise<void> {
  const chunks = splitMessage(r.html);
  const keyboard = replyKeyboard(r, (q) => ctx.services.remember(q));
  await ctx.services.stored();
  for (let i = 0; i < chunks.length; i++) {
    const last = i === chunks.length - 1;
    await ctx.reply(chunks[i]!, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
  if (r.chart) await sendChart(ctx, r);
}

async function sendChart(ctx: BotContext, r: Reply): Promise<void> {
  try {
    await ctx.replyWithChatAction('upload_photo');
    const png = await renderChart(r.chart!);
    await ctx.replyWithPhoto(new InputFile(png, 'bieu-do.png'), {
      caption: r.chart!.title.slice(0, 1000),
    });
  } catch (err) {
    ctx.log.warn({ err }, 'chart failed');
  }
}

/** Text with the bot's @mention removed (groups). */
export function questionText(ctx: BotContext): string {
  const text = ctx.msg?.text ?? '';
  const username = ctx.me?.username;
  return username ? text.replace(new RegExp(`@${username}\\b`, 'gi'), ' ').trim() : text.trim();
}

/** Work slower than this shows "typing…" before the answer. */
export const TYPING_AFTER_MS = 150;

export const askFeature = new Composer<BotContext>();

askFeature.on('message:text', async (ctx) => {
  if (ctx.msg.text.startsWith('/')) {
    await ctx.reply(msgFor(ctx.from?.language_code, 'unknown_command'));
    return;
  }
  const started = performance.now();
  const turn = await ctx.services.ask(ctx.chat.id, questionText(ctx), ctx.from?.language_code);
  ctx.log.info(
    { intent: turn.query.intent, places: turn.query.places, indicator: turn.query.indicator },
    'question',
  );
  if (turn.query.intent === 'subscribe' && (await subscribeByWords(ctx, turn.query))) return;
  // "typing…" only when there is work to wait for: the core answers in well under a
  // millisecond, and a message that arrives at once clears the indicator anyway. The chart
  // (tens of ms) gets its own "sending photo…" action in sendChart.
  if (performance.now() - started > TYPING_AFTER_MS || turn.reply.chart)
    await ctx
      .replyWithChatAction('typing')
      .catch((err: unknown) => ctx.log.debug({ err }, 'typing failed'));
  await sendReply(ctx, turn.reply);
});

askFeature.callbackQuery(/^v2\|[qh]\|/, async (ctx) => {
  const action = decode(ctx.callbackQuery.data);
  const question =
    action?.kind === 'ask'
      ? action.question
      : action?.kind === 'ask-hash'
        ? await ctx.services.recall(action.hash)
        : undefined;
  if (!question) {
    await ctx.answerCallbackQuery({ text: expired(ctx) });
    return;
  }
  await ctx.answerCallbackQuery();
  const chatId = ctx.chat?.id ?? ctx.from.id;
  const turn = await ctx.services.ask(chatId, question, ctx.from?.language_code);
  if (turn.query.intent === 'subscribe' && (await subscribeByWords(ctx, turn.query))) return;
  // a new message: the answer being read stays as it was
  await sendReply(ctx, turn.reply);
});

// any other payload (an older version, a feature that is gone): expired, nothing else done
askFeature.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: expired(ctx) }));

askFeature.on('inline_query', async (ctx) => {
  const text = ctx.inlineQuery.query.trim();
  if (!text) return ctx.answerInlineQuery([], { cache_time: 60 });
  const q = understand(text, null, todayIn());
  const r = answer(q, await ctx.services.index(q));
  const title = r.text.split('\n')[0]!.slice(0, 120);
  const result: InlineQueryResultArticle = {
    type: 'article',
    id: String(Math.abs(hash(text))).slice(0, 60),
    title,
    description: r.text.split('\n').slice(1, 3).join(' ').slice(0, 200),
    input_message_content: { message_text: splitMessage(r.html)[0]!, parse_mode: 'HTML' },
  };
  await ctx.answerInlineQuery([result], { cache_time: 300 });
});

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}
