/**
 * The bot's own sentences, as data (intents/messages.vi.json): changing a wording needs no code
 * change. `{name}` in a message is filled from the values given.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const FILE = fileURLToPath(new URL('../intents/messages.vi.json', import.meta.url));
let messages: Record<string, string> | null = null;

function load(): Record<string, string> {
  const raw = z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(FILE, 'utf8')));
  delete raw.$comment;
  return raw;
}

/** The message `key` with its `{placeholders}` filled; a missing key is a programming error. */
export function msg(key: string, values: Record<string, string | number> = {}): string {
  messages ??= load();
  const text = messages[key];
  if (text === undefined) throw new Error(`intents/messages.vi.json: no message "${key}"`);
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    values[name] === undefined ? m : String(values[name]),
  );
}

const EN_FILE = fileURLToPath(new URL('../intents/messages.en.json', import.meta.url));
let english: Record<string, string> | null = null;

/**
 * The message in the user's language: English (intents/messages.en.json, "messages") for a
 * Telegram client set to English, Vietnamese otherwise and for any key English lacks.
 */
export function msgFor(
  languageCode: string | undefined,
  key: string,
  values: Record<string, string | number> = {},
): string {
  if (!languageCode?.startsWith('en')) return msg(key, values);
  english ??= z
    .object({ messages: z.record(z.string(), z.string()).default({}) })
    .parse(JSON.parse(readFileSync(EN_FILE, 'utf8'))).messages;
  const text = english[key];
  if (text === undefined) return msg(key, values);
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    values[name] === undefined ? m : String(values[name]),
  );
}

/** Every key of the catalogue (for the test that each one used exists). */
export function messageKeys(): string[] {
  messages ??= load();
  return Object.keys(messages);
}
