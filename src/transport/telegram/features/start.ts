/** /start and /help: what the bot does and example questions from the data, as buttons. */
import { Composer } from 'grammy';
import { exampleQuestions, helpReply } from '../../../answer/guide.js';
import { escapeHtml } from '../../../answer/format.js';
import type { BotContext } from '../context.js';
import { keyboardFor } from '../format.js';
import { msg } from '../../../messages.js';

export const COMMANDS_VI = [
  { command: 'start', description: 'Giới thiệu và câu hỏi mẫu' },
  { command: 'help', description: 'Cách hỏi số liệu' },
  { command: 'dangky', description: 'Đăng ký bản tin hàng tháng' },
  { command: 'huy', description: 'Dừng nhận bản tin' },
  { command: 'dangkycuatoi', description: 'Các bản tin đang nhận' },
];
export const COMMANDS_EN = [
  { command: 'start', description: 'About the bot and sample questions' },
  { command: 'help', description: 'How to ask (in Vietnamese)' },
  { command: 'dangky', description: 'Subscribe to the monthly summary' },
  { command: 'huy', description: 'Unsubscribe' },
  { command: 'dangkycuatoi', description: 'My subscriptions' },
];

export const startFeature = new Composer<BotContext>();

startFeature.command('start', async (ctx) => {
  const examples = exampleQuestions(await ctx.services.index(), 3).slice(0, 3);
  const keyboard = keyboardFor(examples, (q) => ctx.services.remember(q));
  await ctx.services.stored();
  const name = ctx.from?.first_name ? `, ${escapeHtml(ctx.from.first_name)}` : '';
  await ctx.reply(
    [
      `Xin chào${name}! Mình là <b>Số Liệu</b>: trả lời nhanh số liệu công nghiệp, bán lẻ, xuất nhập khẩu của các tỉnh, thành từ báo cáo của Sở Công Thương, kèm so sánh cùng kỳ, kế hoạch và nguồn.`,
      msg('tg_cu_hoi_nhu_khi_nhan'),
    ].join('\n'),
    { parse_mode: 'HTML', reply_markup: keyboard },
  );
});

startFeature.command('help', async (ctx) => {
  const r = helpReply(await ctx.services.index());
  const keyboard = keyboardFor(r.nextSteps, (q) => ctx.services.remember(q));
  await ctx.services.stored();
  await ctx.reply(r.html, { parse_mode: 'HTML', reply_markup: keyboard });
});
