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
import { msg } from '../../../messages.js';

export const subscribeFeature = new Composer<BotContext>();

const describe = (place: string, indicator: string | null) =>
  `${indicator ? indicatorName(indicator) : msg('tg_cac_chi_tieu_chinh')} – ${placeName(place)}`;

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
  const kb = new InlineKeyboard().text(msg('tg_tat_ca_chi_tieu'), all).row();
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
  return kb.row().text(msg('tg_chon_noi_khac'), encode({ kind: 'sub-back' }));
}

const unavailable = msg('tg_ban_tin_hang_thang_chua');

subscribeFeature.command('dangky', async (ctx) => {
  if (!ctx.services.subs) return ctx.reply(unavailable);
  await ctx.reply(msg('tg_chon_tinh_thanh_pho_muon'), {
    reply_markup: await placesMenu(ctx),
  });
});

subscribeFeature.callbackQuery(/^v2\|sb$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(msg('tg_chon_tinh_thanh_pho_muon'), {
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
  await ctx.answerCallbackQuery({
    text: added ? msg('tg_da_dang_ky') : msg('tg_ban_da_dang_ky_ban'),
  });
  await ctx.editMessageText(
    `🔔 ${added ? msg('tg_da_dang_ky') : msg('tg_dang_nhan')} bản tin hàng tháng: ${describe(place, indicator)}.\nDừng nhận: /huy`,
  );
});

/** "đăng ký nhận tin xuất khẩu Kiên Giang" in plain words (called by the ask feature). */
export async function subscribeByWords(ctx: BotContext, q: Query): Promise<boolean> {
  const subs = ctx.services.subs;
  if (!subs || !ctx.chat) return false;
  const place = q.places[0];
  if (q.unsubscribe) {
    const n = await subs.remove(ctx.chat.id, place, place ? (q.indicator ?? undefined) : undefined);
    await ctx.reply(n ? `Đã hủy ${n} bản tin.` : msg('tg_ban_chua_dang_ky_ban'));
    return true;
  }
  if (!place) {
    await ctx.reply(msg('tg_ban_muon_nhan_ban_tin'), {
      reply_markup: await placesMenu(ctx),
    });
    return true;
  }
  const added = await subs.add(ctx.chat.id, place, q.indicator);
  await ctx.reply(
    `🔔 ${added ? msg('tg_da_dang_ky') : msg('tg_ban_da_dang_ky')} bản tin hàng tháng: ${escapeHtml(describe(place, q.indicator))}.\nMỗi khi có số liệu tháng mới, bot gửi tóm tắt kèm so sánh, biểu đồ và nguồn. Dừng nhận: /huy`,
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
      : msg('tg_ban_chua_dang_ky_ban_2'),
  );
});

subscribeFeature.command('huy', async (ctx) => {
  if (!ctx.services.subs) return ctx.reply(unavailable);
  const list = await ctx.services.subs.list(ctx.chat.id);
  if (!list.length) return ctx.reply(msg('tg_ban_chua_dang_ky_ban_3'));
  const kb = new InlineKeyboard();
  for (const s of list) {
    kb.text(
      `✖ ${describe(s.place, s.indicator)}`.slice(0, 60),
      encode({ kind: 'unsub', place: s.place, indicator: s.indicator }),
    ).row();
  }
  kb.text(msg('tg_huy_tat_ca'), encode({ kind: 'unsub', place: null, indicator: null }));
  await ctx.reply(msg('tg_chon_ban_tin_muon_dung'), { reply_markup: kb });
});

subscribeFeature.callbackQuery(/^v2\|us\|/, async (ctx) => {
  const subs = ctx.services.subs;
  if (!subs || !ctx.chat) return ctx.answerCallbackQuery({ text: unavailable });
  const action = decode(ctx.callbackQuery.data);
  if (action?.kind !== 'unsub') return ctx.answerCallbackQuery({ text: EXPIRED });
  const n = action.place
    ? await subs.remove(ctx.chat.id, action.place, action.indicator)
    : await subs.remove(ctx.chat.id);
  await ctx.answerCallbackQuery({ text: n ? msg('tg_da_huy') : msg('tg_khong_con_ban_tin_nay') });
  await ctx.editMessageText(
    n ? `Đã hủy ${n} bản tin. Đăng ký lại: /dangky` : msg('tg_khong_co_gi_de_huy'),
  );
});

subscribeFeature.on('my_chat_member', async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if ((status === 'kicked' || status === 'left') && ctx.services.subs) {
    const n = await ctx.services.subs.remove(ctx.chat.id);
    ctx.log.info({ removed: n, status }, 'bot blocked or removed: unsubscribed');
  }
});
