/**
 * Subscriptions by chat: /dangky (a menu of places, then indicators), "đăng ký nhận tin …"
 * in plain words, /huy to stop one or all, /dangkycuatoi to list. A chat that blocks the
 * bot (my_chat_member) is unsubscribed. Everything is said in the client's language.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { escapeHtml } from '../../../answer/format.js';
import { type Words, wordsFor } from '../../../answer/words.js';
import { lexicon } from '../../../domain/lexicon.js';
import type { Query } from '../../../understand/query.js';
import type { BotContext } from '../context.js';
import { decode, expired, encode } from '../callback-data.js';
import { wordsOfClient } from '../format.js';
import { CHAT_LANGUAGE, CHAT_LANGUAGE_TTL_MS } from '../../../push/summary.js';
import type { Lang } from '../../../messages.js';

export const subscribeFeature = new Composer<BotContext>();

const describe = (w: Words, place: string, indicator: string | null) =>
  `${indicator ? w.indicator(indicator) : w.t('subscribe_main_indicators')} – ${w.place(place)}`;

async function placesMenu(ctx: BotContext): Promise<InlineKeyboard> {
  const w = wordsOfClient(ctx);
  const kb = new InlineKeyboard();
  const places = (await ctx.services.index()).allPlaces().filter((p) => p !== 'ca-nuoc');
  places.forEach((p, i) => {
    kb.text(w.place(p), encode({ kind: 'sub-place', place: p }));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

async function indicatorsMenu(ctx: BotContext, place: string): Promise<InlineKeyboard> {
  const w = wordsOfClient(ctx);
  const index = await ctx.services.index();
  const all = encode({ kind: 'sub-indicator', place, indicator: null });
  const kb = new InlineKeyboard().text(w.t('subscribe_all_indicators'), all).row();
  const inds = [...new Set(index.forPlace(place).map((f) => f.indicator))].filter(
    (i) => !lexicon().indicators.get(i)?.parent,
  );
  inds.forEach((ind, i) => {
    // full names on the buttons: "XK" tells a new user nothing
    const label = w
      .indicator(ind)
      .replace(/ \(.*\)$/, '')
      .slice(0, 40);
    kb.text(label, encode({ kind: 'sub-indicator', place, indicator: ind })).row();
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(w.t('subscribe_other_place'), encode({ kind: 'sub-back' }));
}

const unavailable = (ctx: BotContext) => wordsOfClient(ctx).t('subscriptions_off');

subscribeFeature.command('dangky', async (ctx) => {
  if (!ctx.services.subs) return ctx.reply(unavailable(ctx));
  await ctx.reply(wordsOfClient(ctx).t('subscribe_choose_place'), {
    reply_markup: await placesMenu(ctx),
  });
});

subscribeFeature.callbackQuery(/^v2\|sb$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(wordsOfClient(ctx).t('subscribe_choose_place'), {
    reply_markup: await placesMenu(ctx),
  });
});

subscribeFeature.callbackQuery(/^v2\|sp\|/, async (ctx) => {
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'sub-place') return ctx.answerCallbackQuery({ text: expired(ctx) });
  await ctx.answerCallbackQuery();
  const place = action.place;
  const w = wordsOfClient(ctx);
  await ctx.editMessageText(w.t('sub_choose_indicator', { place: w.place(place) }), {
    reply_markup: await indicatorsMenu(ctx, place),
  });
});

subscribeFeature.callbackQuery(/^v2\|si\|/, async (ctx) => {
  const subs = ctx.services.subs;
  if (!subs || !ctx.chat) return ctx.answerCallbackQuery({ text: unavailable(ctx) });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'sub-indicator') return ctx.answerCallbackQuery({ text: expired(ctx) });
  const w = wordsOfClient(ctx);
  const { place, indicator } = action;
  const added = await subs.add(ctx.chat.id, place, indicator);
  await keepLanguage(ctx, wordsOfClient(ctx).lang);
  await ctx.answerCallbackQuery({
    text: added ? w.t('subscribed_button') : w.t('subscribe_already'),
  });
  const what = describe(w, place, indicator);
  await ctx.editMessageText(w.t(added ? 'sub_added' : 'sub_already', { what }));
});

/** The language the chat's monthly bulletins are written in: the one it subscribed in. */
function keepLanguage(ctx: BotContext, lang: Lang): Promise<void> {
  const chat = String(ctx.chat!.id);
  return ctx.services.storage.state.set(CHAT_LANGUAGE, chat, lang, CHAT_LANGUAGE_TTL_MS);
}

/** "đăng ký nhận tin xuất khẩu Kiên Giang" in plain words (called by the ask feature). */
export async function subscribeByWords(ctx: BotContext, q: Query): Promise<boolean> {
  const subs = ctx.services.subs;
  if (!subs || !ctx.chat) return false;
  // the words of the question: an English question gets English, whatever the client says
  const w = wordsFor(q.english ? 'en' : 'vi');
  const place = q.places[0];
  // "hủy đăng ký" naming nothing: the list to choose from, as /huy shows it
  if (q.unsubscribe && !place) return unsubscribeMenu(ctx).then(() => true);
  if (q.unsubscribe) {
    const n = await subs.remove(ctx.chat.id, place, q.indicator ?? undefined);
    await ctx.reply(n ? w.t('unsub_done', { n }) : w.t('unsubscribe_not_found'));
    return true;
  }
  if (!place) {
    await ctx.reply(w.t('subscribe_which_place'), {
      reply_markup: await placesMenu(ctx),
    });
    return true;
  }
  const added = await subs.add(ctx.chat.id, place, q.indicator);
  await keepLanguage(ctx, w.lang);
  const what = describe(w, place, q.indicator);
  const said = w.t(added ? 'sub_added_words' : 'sub_already_words', { what });
  await ctx.reply(escapeHtml(said), { parse_mode: 'HTML' });
  return true;
}

subscribeFeature.command('dangkycuatoi', async (ctx) => {
  if (!ctx.services.subs) return ctx.reply(unavailable(ctx));
  const w = wordsOfClient(ctx);
  const list = await ctx.services.subs.list(ctx.chat.id);
  const lines = list.map((s) => `• ${describe(w, s.place, s.indicator)}`);
  await ctx.reply(
    list.length ? w.t('sub_list', { list: lines.join('\n') }) : w.t('subscriptions_none_hint'),
  );
});

subscribeFeature.command('huy', (ctx) => unsubscribeMenu(ctx));

/** The chat's subscriptions as buttons, one to stop each and one to stop all. */
async function unsubscribeMenu(ctx: BotContext): Promise<unknown> {
  if (!ctx.services.subs || !ctx.chat) return ctx.reply(unavailable(ctx));
  const w = wordsOfClient(ctx);
  const list = await ctx.services.subs.list(ctx.chat.id);
  if (!list.length) return ctx.reply(w.t('subscriptions_none'));
  const kb = new InlineKeyboard();
  for (const s of list) {
    kb.text(
      `✖ ${describe(w, s.place, s.indicator)}`.slice(0, 60),
      encode({ kind: 'unsub', place: s.place, indicator: s.indicator }),
    ).row();
  }
  kb.text(w.t('unsubscribe_all'), encode({ kind: 'unsub', place: null, indicator: null }));
  return ctx.reply(w.t('unsubscribe_choose'), { reply_markup: kb });
}

subscribeFeature.callbackQuery(/^v2\|us\|/, async (ctx) => {
  const subs = ctx.services.subs;
  if (!subs || !ctx.chat) return ctx.answerCallbackQuery({ text: unavailable(ctx) });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'unsub') return ctx.answerCallbackQuery({ text: expired(ctx) });
  const w = wordsOfClient(ctx);
  const n = action.place
    ? await subs.remove(ctx.chat.id, action.place, action.indicator)
    : await subs.remove(ctx.chat.id);
  await ctx.answerCallbackQuery({ text: n ? w.t('cancelled') : w.t('unsubscribe_gone') });
  await ctx.editMessageText(n ? w.t('unsub_done_again', { n }) : w.t('unsubscribe_nothing'));
});

subscribeFeature.on('my_chat_member', async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if ((status === 'kicked' || status === 'left') && ctx.services.subs) {
    const n = await ctx.services.subs.remove(ctx.chat.id);
    ctx.log.info({ removed: n, status }, 'bot blocked or removed: unsubscribed');
  }
});
