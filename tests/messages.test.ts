/**
 * The message catalogue (locales/vi, locales/en): every key the code uses exists, every message
 * is used, English has every Vietnamese message but the administrators', and each translation
 * fills the same placeholders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage, messageKeys, messageKeysOf, msg, msgFor, t } from '../src/messages.js';
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

/** Keys built from a value (`month_${n}`, `unit_${slug}`…): used whenever their prefix is. */
const BUILT = [
  'month_',
  'period_',
  'change_',
  'unit_',
  'approx_',
  'scope_',
  'price_',
  'indicator_',
  'series_',
  'small_',
  'missing_change_',
  'invalid_',
  'command_',
  'media_',
  'start_part_',
  'source_fail_',
];

const placeholders = (lang: 'vi' | 'en', key: string) => {
  const dir = join(PROJECT_ROOT, 'locales', lang);
  const text = readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const line = new RegExp(`^${key} =(.*(?:\\n {4}.*)*)`, 'm').exec(text)?.[1] ?? '';
  return [...new Set([...line.matchAll(/\{ \$(\w+) \}/g)].map((m) => m[1]!))].sort();
};

describe('messages', () => {
  const code = sources(join(PROJECT_ROOT, 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const used = new Set(
    [
      ...code.matchAll(
        /(?:msg\(|msgFor\([^,]+,\s*|\bt\(\w+,\s*|\.t\(|\.question\(|replyFitting\(ctx,\s*)\s*'([a-z0-9_]+)'/g,
      ),
    ].map((m) => m[1]!),
  );
  const vi = new Set(messageKeys('vi'));
  const quoted = new Set([...code.matchAll(/'([a-z0-9_]+)'/g)].map((m) => m[1]!));

  it('every entry of every file parses (Fluent drops one it cannot read)', () => {
    for (const lang of ['vi', 'en'] as const)
      for (const k of messageKeys(lang)) expect(hasMessage(lang, k), `${lang}: ${k}`).toBe(true);
  });

  it('has every key the code asks for, and no message nobody says', () => {
    for (const k of used) expect(vi.has(k), k).toBe(true);
    for (const k of vi)
      expect(quoted.has(k) || BUILT.some((p) => k.startsWith(p)), `unused message ${k}`).toBe(true);
  });

  it('English has every message but the administrators’ and the operator’s, with the same placeholders', () => {
    const adminOnly = new Set([
      ...messageKeysOf('vi', 'admin.ftl'),
      ...messageKeysOf('vi', 'operator.ftl'),
    ]);
    for (const k of vi) {
      if (adminOnly.has(k)) continue;
      expect(hasMessage('en', k), `no English for ${k}`).toBe(true);
    }
    // a translation uses the values the Vietnamese is given; a period's or a date's parts are all given
    const periodParts = ['day', 'dayNumber', 'month', 'monthName', 'quarter', 'roman', 'year'];
    for (const k of messageKeys('en'))
      if (vi.has(k))
        for (const p of placeholders('en', k))
          expect([...placeholders('vi', k), ...periodParts], `${k}: $${p}`).toContain(p);
  });

  it('English names every indicator, and nothing English lacks reaches an English reader', () => {
    for (const k of messageKeys('en').filter((k) => !vi.has(k)))
      expect(k, 'an English-only key is a name').toMatch(/^(indicator_|place_national)/);
  });

  it('the language of a Telegram client; administrators’ messages stay Vietnamese', () => {
    expect(msgFor('en-US', 'media_voice')).toContain('voice messages');
    expect(msgFor('vi', 'media_voice')).toContain('tin nhắn thoại');
    expect(msgFor(undefined, 'stale_preview')).toBe(msg('stale_preview'));
    expect(msgFor('en', 'stale_preview')).toBe(msg('stale_preview'));
  });

  it('fills its placeholders, numbers as given, and refuses an unknown key or a missing value', () => {
    expect(msg('report_no_place', { count: 3 })).toContain('Trích được 3 số liệu');
    expect(t('vi', 'coverage', { from: 2018, to: 2025, latest: 'tháng 12/2025' })).toBe(
      'Số liệu từ năm 2018 đến năm 2025; kỳ mới nhất: tháng 12/2025.',
    );
    expect(() => msg('no_such_message')).toThrow(/no message/);
    // English counts through Fluent's plural rules; a number is never grouped ("2020", not "2,020")
    expect(t('en', 'more_periods', { n: 1 })).toBe(' and 1 other period');
    expect(t('en', 'more_periods', { n: 3 })).toBe(' and 3 other periods');
    expect(t('en', 'place_figures', { place: 'Đà Nẵng', n: 2020 })).toBe(
      'Figures for Đà Nẵng (2020 figures)',
    );
    expect(() => t('en', 'coverage', { from: 2018 })).toThrow(/coverage/);
  });
});
