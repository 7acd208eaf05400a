/**
 * Subscriptions by chat: /dangky (a menu of places, then indicators), "đăng ký nhận tin …"
 * in plain words, /huy to stop one or all, /dangkycuatoi to list. A chat that blocks the
 * bot (my_chat_member) is unsubscribed.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { escapeHtml, indicatorName, placeName } from '../../../answer/format.js';
import { lexicon } from '../../../understand/lexicon.js';
import type { Query } from '../../../understand/query.js';
import type { BotContext } from '../context.js';
import { decode, EXPIRED, encode } from '../callback-data.js';

export const subscribeFeature = new Composer<BotContext>();

const describe = (place: string, indicator: string | null) =>
  `${indicator ? indicatorName(indicator) : 'Các chỉ tiêu chính'} – ${placeName(place)}`;

async function placesMenu(ctx: BotContext): Promise<InlineKeyboard> {
  const kb = new InlineKeyboard();
  const places = (await ctx.services.index()).allPlaces().filter((p) => p !== 'ca-nuoc');
  places.forEach((p, i) => {
    kb.text(placeName(p), encode({ kind: 'sub-place', place: p }));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

async function indicatorsMenu(ctx: BotContext, place: string): Promise<InlineKeyboard> {
  const index = await ctx.services.index();
  const all = encode({ kind: 'sub-indicator', place, indicator: null });
  const kb = new InlineKeyboard().text('Tất cả chỉ tiêu', all).row();
  const inds = [...new Set(index.forPlace(place).map((f) => f.indicator))].filter(
    (i) => !lexicon().indicators.get(i)?.parent,
  );
  inds.forEach((ind, i) => {
    // full names on the buttons: "XK" tells a new user nothing
    const label = indicatorName(ind)
      .replace(/ \(.*\)$/, '')
      .slice(0, 40);
    kb.text(label, encode({ kind: 'sub-indicator', place, indicator: ind })).row();
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text('« Chọn nơi khác', encode({ kind: 'sub-back' }));
}

const unavailable = 'Bản tin hàng tháng chưa bật trên máy chủ này.';

subscribeFeature.command('dangky', async (ctx) => {
  if (!ctx.services.subs) return ctx.reply(unavailable);
  await ctx.reply('Chọn tỉnh, thành phố muốn nhận bản tin hàng tháng:', {
    reply_markup: await placesMenu(ctx),
  });
});

subscribeFeature.callbackQuery(/^v2\|sb$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText('Chọn tỉnh, thành phố muốn nhận bản tin hàng tháng:', {
    reply_markup: await placesMenu(ctx),
  });
});

subscribeFeature.callbackQuery(/^v2\|sp\|/, async (ctx) => {
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'sub-place') return ctx.answerCallbackQuery({ text: EXPIRED });
  await ctx.answerCallbackQuery();
  const place = action.place;
  await ctx.editMessageText(`${placeName(place)}: chọn chỉ tiêu`, {
    reply_markup: await indicatorsMenu(ctx, place),
  });
});

subscribeFeature.callbackQuery(/^v2\|si\|/, async (ctx) => {
  const subs = ctx.services.subs;
  if (!subs || !ctx.chat) return ctx.answerCallbackQuery({ text: unavailable });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'sub-indicator') return ctx.answerCallbackQuery({ text: EXPIRED });
  const { place, indicator } = action;
  const added = await subs.add(ctx.chat.id, place, indicator);
  await ctx.answerCallbackQuery({ text: added ? 'Đã đăng ký' : 'Bạn đã đăng ký bản tin này rồi' });
  await ctx.editMessageText(
    `🔔 ${added ? 'Đã đăng ký' : 'Đang nhận'} bản tin hàng tháng: ${describe(place, indicator)}.\nDừng nhận: /huy`,
  );
});

/** "đăng ký nhận tin xuất khẩu Kiên Giang" in plain words (called by the ask feature). */
export async function subscribeByWords(ctx: BotContext, q: Query): Promise<boolean> {
  const subs = ctx.services.subs;
  if (!subs || !ctx.chat) return false;
  const place = q.places[0];
  if (q.unsubscribe) {
    const n = await subs.remove(ctx.chat.id, place, place ? (q.indicator ?? undefined) : undefined);
    await ctx.reply(
      n
        ? `Đã hủy ${n} bản tin.`
        : 'Bạn chưa đăng ký bản tin nào như vậy. Xem danh sách: /dangkycuatoi',
    );
    return true;
  }
  if (!place) {
    await ctx.reply('Bạn muốn nhận bản tin của tỉnh, thành phố nào?', {
      reply_markup: await placesMenu(ctx),
    });
    return true;
  }
  const added = await subs.add(ctx.chat.id, place, q.indicator);
  await ctx.reply(
    `🔔 ${added ? 'Đã đăng ký' : 'Bạn đã đăng ký'} bản tin hàng tháng: ${escapeHtml(describe(place, q.indicator))}.\nMỗi khi có số liệu tháng mới, bot gửi tóm tắt kèm so sánh, biểu đồ và nguồn. Dừng nhận: /huy`,
    { parse_mode: 'HTML' },
  );
  return true;
}

subscribeFeature.command('dangkycuatoi', async (ctx) => {
  if (!ctx.services.subs) return ctx.reply(unavailable);
  const list = await ctx.services.subs.list(ctx.chat.id);
  await ctx.reply(
    list.length
      ? `Bạn đang nhận:\n${list.map((s) => `• ${describe(s.place, s.indicator)}`).join('\n')}`
      : 'Bạn chưa đăng ký bản tin nào. Đăng ký: /dangky',
  );
});

subscribeFeature.command('huy', async (ctx) => {
  if (!ctx.services.subs) return ctx.reply(unavailable);
  const list = await ctx.services.subs.list(ctx.chat.id);
  if (!list.length) return ctx.reply('Bạn chưa đăng ký bản tin nào.');
  const kb = new InlineKeyboard();
  for (const s of list) {
    kb.text(
      `✖ ${describe(s.place, s.indicator)}`.slice(0, 60),
      encode({ kind: 'unsub', place: s.place, indicator: s.indicator }),
    ).row();
  }
  kb.text('Hủy tất cả', encode({ kind: 'unsub', place: null, indicator: null }));
  await ctx.reply('Chọn bản tin muốn dừng nhận:', { reply_markup: kb });
});

subscribeFeature.callbackQuery(/^v2\|us\|/, async (ctx) => {
  const subs = ctx.services.subs;
  if (!subs || !ctx.chat) return ctx.answerCallbackQuery({ text: unavailable });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'unsub') return ctx.answerCallbackQuery({ text: EXPIRED });
  const n = action.place
    ? await subs.remove(ctx.chat.id, action.place, action.indicator)
    : await subs.remove(ctx.chat.id);
  await ctx.answerCallbackQuery({ text: n ? 'Đã hủy' : 'Không còn bản tin này' });
  await ctx.editMessageText(
    n ? `Đã hủy ${n} bản tin. Đăng ký lại: /dangky` : 'Không có gì để hủy.',
  );
});

subscribeFeature.on('my_chat_member', async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if ((status === 'kicked' || status === 'left') && ctx.services.subs) {
    const n = await ctx.services.subs.remove(ctx.chat.id);
    ctx.log.info({ removed: n, status }, 'bot blocked or removed: unsubscribed');
  }
});
