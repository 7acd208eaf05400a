/** The terminal chat: the same core and replies as Telegram, on the bundled data. */
import { createInterface } from 'node:readline/promises';
import { Conversation } from '../../core/conversation.js';
import type { FactStore } from '../../store/fact-store.js';
import { msg } from '../../messages.js';

export async function runTerminalChat(
  store: FactStore,
  input = process.stdin,
  output = process.stdout,
): Promise<void> {
  const conversation = new Conversation(() => store.index);
  const rl = createInterface({ input, output, terminal: input.isTTY ?? false });
  output.write(`${msg('terminal_hello')}\n`);
  if (input.isTTY) rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(thoat|thoát|exit|quit)$/i.test(text)) break;
    if (text) output.write(`${conversation.ask(text).reply.text}\n\n`);
    rl.prompt();
  }
  rl.close();
}
