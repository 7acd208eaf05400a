/**
 * A source as an admin writes it: `/nguon them URL Kiên Giang "Sở Công Thương" mỗi 6 giờ tin cậy`
 * (the chat) or flags (`npm run sources -- add URL --place … --every 6h --trusted`). The words
 * are those of intents/sources.json; what is wrong comes back as a reason in the catalogue's words.
 */
import { msg } from '../messages.js';
import { foldPhrase, normalize } from '../normalize/fold.js';
import { readEntities } from '../understand/entities.js';
import { lexicon } from '../domain/lexicon.js';
import { sourceWords } from './source-words.js';
import { INTERVAL_LIMITS, type NewSource, NewSourceSchema } from './watched.js';

export type SourceParse = { ok: true; source: NewSource } | { ok: false; reason: string };

const hasWord = (folded: string, words: readonly string[]) =>
  words.some((w) => ` ${folded} `.includes(` ${w} `));

/** "6 giờ", "mỗi 2 ngày", "30p", "12h": minutes; undefined when not said, null when unreadable. */
export function intervalOf(text: string): number | null | undefined {
  const units = sourceWords().intervalUnits;
  const m = /(\d{1,5})\s*([a-z]+)\b/.exec(foldPhrase(text).replace(/(\d)([a-z])/g, '$1 $2'));
  if (!m) return undefined;
  const per = units[m[2]!];
  return per ? Number(m[1]) * per : null;
}

/** The place a text names, or null; "tự nhận" and nothing said mean: read from each article. */
export function placeIn(text: string): string | null {
  return readEntities(normalize(text), lexicon(), { fuzzy: false }).places[0] ?? null;
}

/** The checked source, or the first reason it cannot be watched. */
export function checkSource(
  raw: Omit<NewSource, 'intervalMin'> & { intervalMin?: number | null },
): SourceParse {
  if (raw.intervalMin === null) return { ok: false, reason: msg('source_bad_interval', limits()) };
  const parsed = NewSourceSchema.safeParse({
    ...raw,
    intervalMin: raw.intervalMin ?? INTERVAL_LIMITS.defaultMin,
  });
  if (parsed.success) return { ok: true, source: parsed.data };
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  if (field === 'url') return { ok: false, reason: msg('source_bad_url') };
  if (field === 'intervalMin') return { ok: false, reason: msg('source_bad_interval', limits()) };
  return { ok: false, reason: msg('source_usage') };
}

const limits = () => ({
  min: INTERVAL_LIMITS.minMin,
  max: INTERVAL_LIMITS.maxMin / (24 * 60),
});

/** The words after `/nguon them`. */
export function parseAddCommand(args: string, addedBy: string): SourceParse {
  const url = /\b[a-z][\w+.-]*:\/\/\S+/i.exec(args)?.[0];
  if (!url) return { ok: false, reason: msg('source_usage') };
  const quoted = /["“]([^"”]{1,200})["”]/.exec(args)?.[1]?.trim();
  const rest = args.replace(url, ' ').replace(/["“][^"”]*["”]/, ' ');
  const folded = foldPhrase(rest);
  const c = sourceWords().command;
  const detect = hasWord(folded, c.detect);
  return checkSource({
    url,
    place: detect ? null : placeIn(rest),
    publisher: quoted ?? (URL.canParse(url) ? new URL(url).hostname : url),
    intervalMin: intervalOf(rest),
    trusted: hasWord(folded, c.trusted),
    addedBy,
  });
}

/** What `/nguon …` asks: add, remove N, poll now, or the list. */
export function sourceAction(
  args: string,
):
  | { act: 'add'; rest: string }
  | { act: 'remove'; id: number | null }
  | { act: 'poll' }
  | { act: 'list' } {
  const c = sourceWords().command;
  const folded = foldPhrase(args);
  const first = (words: readonly string[]) =>
    words.find((w) => folded === w || folded.startsWith(`${w} `));
  // the add word needs no removal: the address is found anywhere, the other words are options
  if (first(c.add)) return { act: 'add', rest: args };
  if (first(c.remove)) {
    const n = /(\d{1,9})/.exec(folded)?.[1];
    return { act: 'remove', id: n ? Number(n) : null };
  }
  if (first(c.poll)) return { act: 'poll' };
  return { act: 'list' };
}
