/** Telegram presentation of a core reply: HTML chunks under 4,096 characters, buttons. */
import { InlineKeyboard } from 'grammy';
import type { NextStep, Reply } from '../../answer/reply.js';
import { wordsFor } from '../../answer/words.js';
import { langOf } from '../../messages.js';

/** The words of the language the user's Telegram client is set to. */
export const wordsOfClient = (ctx: { from?: { language_code?: string | undefined } | undefined }) =>
  wordsFor(langOf(ctx.from?.language_code));

export const MAX_MESSAGE = 4096;

/** Splits HTML on line boundaries (every line of a reply is balanced markup). */
export function splitMessage(html: string, max = MAX_MESSAGE): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of html.split('\n')) {
    const pieces =
      line.length > max
        ? line.match(new RegExp(`[^]{1,${max}}`, 'g'))!.map((p) => p.replace(/<[^>]*$/, ''))
        : [line];
    for (const piece of pieces) {
      if (current && current.length + 1 + piece.length > max) {
        chunks.push(current);
        current = piece;
      } else current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) chunks.push(current);
  return chunks.length ? chunks : [''];
}

export function keyboardFor(
  steps: readonly NextStep[],
  remember: (q: string) => string,
): InlineKeyboard | undefined {
  if (!steps.length) return undefined;
  const kb = new InlineKeyboard();
  steps.slice(0, 6).forEach((s, i) => {
    kb.text(s.label.slice(0, 60), remember(s.question));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

/** The buttons of a reply: "Ý bạn là" readings first, otherwise the next steps. */
export function replyKeyboard(
  r: Reply,
  remember: (q: string) => string,
): InlineKeyboard | undefined {
  return keyboardFor(r.didYouMean.length ? r.didYouMean : r.nextSteps, remember);
}
