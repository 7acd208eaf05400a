/**
 * A report as the extractor reads it: the front matter a forwarded message or an admin adds
 * (place, publication date), the body, its sentences with their offsets in the file as given
 * (so a reviewer can be shown the words a figure came from), and the year the report is about.
 */
import { readEntities } from '../understand/entities.js';
import { lexicon } from '../domain/lexicon.js';
import { normalize } from '../normalize/fold.js';

export interface ReportText {
  /** The text after the front matter, and where it starts in the file. */
  readonly body: string;
  readonly offset: number;
  /** The place the front matter names (an id), or null. */
  readonly place: string | null;
  /** The publication date of the front matter: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly date: string | null;
}

const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function placeId(name: string): string | null {
  const lex = lexicon();
  const trimmed = name.trim();
  if (lex.places.has(trimmed)) return trimmed;
  return readEntities(normalize(trimmed), lex, { fuzzy: false }).places[0] ?? null;
}

export function readReportText(input: string): ReportText {
  const m = FRONT.exec(input);
  if (!m) return { body: input, offset: 0, place: null, date: null };
  const fields = new Map<string, string>();
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^\s*([a-z_]+)\s*:\s*(.*?)\s*$/i.exec(line);
    if (kv) fields.set(kv[1]!.toLowerCase(), kv[2]!);
  }
  const date = fields.get('date') ?? null;
  return {
    body: input.slice(m[0].length),
    offset: m[0].length,
    place: fields.has('place') ? placeId(fields.get('place')!) : null,
    date: date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) ? date : null,
  };
}

export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// a full stop ends a sentence after a word, or after a number when a capital follows ("năm 2020.
// Kim")
// "TP. Hồ Chí Minh", "Tp. Huế": an abbreviation's full stop ends nothing
const SENTENCE_END =
  /(?<=[^\d\s])(?<!(?:^|[\s(])(?:TP|Tp|tp|TX|Tx|TT|Th\.S|ThS|TS|GS|PGS))\.(?=\s)|(?<=\d)\.(?=\s+\p{Lu})|\.(?=\s*\n)|\n+/gu;

/** Sentences with their [start, end) in the body, trimmed of surrounding spaces. */
export function sentencesOf(body: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = body.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: start + lead, end: start + lead + text.length });
  };
  for (const m of body.matchAll(SENTENCE_END)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(body.length);
  return out;
}

/**
 * The year a report is about: the year it names most; else the publication date's (a report
 * published in January about "tháng 12" is the year before); never today's.
 */
export function reportYearOf(
  body: string,
  date: string | null,
): { year: number | null; fromDate: boolean } {
  const counts = new Map<number, number>();
  for (const m of body.matchAll(/(?:năm|\/|-)\s*((?:19|20)\d\d)\b/giu))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const named = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (named) return { year: named, fromDate: false };
  if (!date) return { year: null, fromDate: false };
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : null;
  const aboutDecember = /tháng\s*(12|mười hai)\b/i.test(body);
  return { year: month === 1 && aboutDecember ? year - 1 : year, fromDate: true };
}
