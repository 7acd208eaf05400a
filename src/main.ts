/** `npm start`: the Telegram bot when BOT_TOKEN is set, otherwise the terminal chat. */
import { ConfigError, loadConfig } from './config.js';
import { FactStore } from './store/fact-store.js';
import { runTerminalChat } from './transport/cli/terminal.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await FactStore.open(config.FACTS_PATH);
  if (!config.BOT_TOKEN) {
    process.stderr.write(
      [
        'Chưa có BOT_TOKEN: mở trò chuyện ngay trên terminal với dữ liệu kèm theo.',
        'Để chạy trên Telegram: nhắn @BotFather lệnh /newbot, lấy token rồi chạy BOT_TOKEN=… npm start.',
        '',
      ].join('\n'),
    );
    await runTerminalChat(store);
    return;
  }
  const { startTelegram } = await import('./transport/telegram/start.js');
  const running = await startTelegram(config, store);
  await running.done;
}

main().catch((err: unknown) => {
  process.stderr.write(
    err instanceof ConfigError
      ? `${err.message}\n`
      : `Lỗi khởi động: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
});
