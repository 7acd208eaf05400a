/** The message catalogue: every key the code uses exists, every message is used. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys, msg, msgFor } from '../src/messages.js';
import { PROJECT_ROOT } from '../src/paths.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('messages', () => {
  const code = sources(join(PROJECT_ROOT, 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const used = new Set(
    [...code.matchAll(/(?:msg\(|msgFor\([^,]+,\s*|replyFitting\(ctx,\s*)'([a-z0-9_]+)'/g)].map(
      (m) => m[1]!,
    ),
  );

  it('has every key the code asks for, and no message nobody says', () => {
    const keys = new Set(messageKeys());
    for (const k of used) expect(keys.has(k), k).toBe(true);
    for (const k of keys) expect(used.has(k), `unused message ${k}`).toBe(true);
  });

  it('English messages are translations of Vietnamese ones (the fallback always exists)', () => {
    const en = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'intents', 'messages.en.json'), 'utf8'),
    ) as { messages: Record<string, string> };
    const keys = new Set(messageKeys());
    for (const k of Object.keys(en.messages)) expect(keys.has(k), k).toBe(true);
    expect(msgFor('en-US', 'media_voice')).toContain('voice messages');
    expect(msgFor('vi', 'media_voice')).toContain('tin nhắn thoại');
    expect(msgFor(undefined, 'stale_preview')).toBe(msg('stale_preview'));
    expect(msgFor('en', 'stale_preview')).toBe(msg('stale_preview'));
  });

  it('fills its placeholders', () => {
    expect(msg('report_no_place', { count: 3 })).toContain('Trích được 3 số liệu');
  });
});
