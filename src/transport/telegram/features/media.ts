/**
 * What is not text: a sticker, a voice note, a photo, a video, a location… each gets a short
 * reply that fits it and example questions as buttons (in English for a client set to English).
 */
import { Composer } from 'grammy';
import { exampleQuestions } from '../../../answer/guide.js';
import { escapeHtml } from '../../../answer/format.js';
import type { BotContext } from '../context.js';
import { keyboardFor, wordsOfClient } from '../format.js';

export const mediaFeature = new Composer<BotContext>();

async function replyFitting(ctx: BotContext, key: string): Promise<void> {
  const w = wordsOfClient(ctx);
  const examples = exampleQuestions(w, await ctx.services.index(), 2);
  const keyboard = keyboardFor(examples, (q) => ctx.services.remember(q));
  await ctx.services.stored();
  const lines = [w.t(key), ...examples.map((e) => `• ${e.question}`)];
  await ctx.reply(escapeHtml(lines.join('\n')), { parse_mode: 'HTML', reply_markup: keyboard });
}

mediaFeature.on('message:sticker', (ctx) => replyFitting(ctx, 'media_sticker'));
mediaFeature.on(['message:voice', 'message:audio', 'message:video_note'], (ctx) =>
  replyFitting(ctx, 'media_voice'),
);
mediaFeature.on('message:photo', (ctx) => replyFitting(ctx, 'media_photo'));
mediaFeature.on(
  ['message:video', 'message:animation', 'message:location', 'message:contact', 'message:poll'],
  (ctx) => replyFitting(ctx, 'media_other'),
);
