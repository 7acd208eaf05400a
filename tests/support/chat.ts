/** What a test reads of a chat on the emulator, and a button press, shared by the Telegram tests. */
import type { BotApiEmulator } from './bot-api-emulator.js';

export type Button = { text: string; callback_data: string };

export function chatOf(api: BotApiEmulator) {
  const sent = (id: number) =>
    api.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === id);
  const edits = (id: number) =>
    api.calls.filter((c) => c.method === 'editMessageText' && Number(c.params.chat_id) === id);
  const buttons = (params: Record<string, unknown>): Button[] =>
    (params.reply_markup as { inline_keyboard: Button[][] }).inline_keyboard.flat();
  /** A button pressed in chat `id`, from a client in `languageCode` (none: Telegram's default). */
  const press = (id: number, data: string, languageCode?: string) =>
    api.push({
      callback_query: {
        id: `cb${Math.random()}`,
        from: {
          id,
          is_bot: false,
          first_name: 'A',
          ...(languageCode ? { language_code: languageCode } : {}),
        },
        chat_instance: 'x',
        data,
        message: { message_id: 1, date: 0, chat: { id, type: 'private' }, text: 'x' },
      },
    });
  return { sent, edits, buttons, press };
}
