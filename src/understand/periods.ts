/**
 * Reads the period a question asks for: tháng 4, tháng tư, T4/2020, 04/2020, 4T/2020,
 * lũy kế 4 tháng, 4 tháng đầu năm, nửa đầu năm, 9 tháng, quý I / quý 1, cả năm, năm 2020,
 * tính đến tháng 4, từ đầu năm đến hết tháng 4, tháng trước, năm ngoái... Words come from
 * intents/vi/periods.json and intents/vi/patterns.json; only the number shapes are here. All regexes are linear (no nested
 * quantifiers) so hostile input cannot make them backtrack.
 */
import type { PeriodQuery } from '../domain/period.js';
import type { Lexicon } from '../domain/lexicon.js';
import { language } from './language.js';

export interface Today {
  readonly year: number;
  readonly month: number;
}

export interface PeriodReading {
  readonly period: PeriodQuery | null;
  /** The period came from a relative phrase (tháng trước, năm nay...). */
  readonly relative: boolean;
  /** The text asked for the cumulative form of whatever month it names. */
  readonly cumulative: boolean;
  /** "6 tháng cuối năm": the second half of `period`'s year (period is that year). */
  readonly secondHalf?: boolean;
  /** "tháng 13", "quý 5": a period that does not exist, in words for the reply. */
  readonly invalid?: InvalidPeriod;
}

/** The number shapes of periods (intents/vi/patterns.json), compiled once. */
const P = () => language().period;

function validMonth(n: number): number | null {
  return n >= 1 && n <= 12 ? n : null;
}

/**
 * Removes "so với tháng trước", "so cùng kỳ năm 2019"...: comparisons, not the period asked for.
 */
export function stripComparisons(flat: string): string {
  return language().comparisons.reduce((text, re) => text.replace(re, ' '), flat);
}

function wordMonth(rest: string, lex: Lexicon): number | null {
  // longest word first: "muoi mot" before "muoi"
  const two = rest.split(' ', 2).join(' ');
  const one = rest.split(' ', 1)[0] ?? '';
  return lex.periods.monthWords[two] ?? lex.periods.monthWords[one] ?? null;
}

function hasAny(text: string, phrases: readonly string[]): boolean {
  for (const p of phrases) {
    const at = text.indexOf(p);
    if (
      at >= 0 &&
      (at === 0 || text[at - 1] === ' ') &&
      (at + p.length === text.length || /[\s/]/.test(text[at + p.length]!))
    )
      return true;
  }
  return false;
}

function relativePeriod(
  text: string,
  lex: Lexicon,
  today: Today,
): { unit: string; year: number; month: number; quarter: number } | null {
  for (const [phrase, rel] of Object.entries(lex.periods.relative)) {
    if (!hasAny(text, [phrase])) continue;
    let idx = today.year * 12 + today.month - 1;
    if (rel.unit === 'month') idx += rel.offset;
    if (rel.unit === 'quarter') idx += rel.offset * 3;
    if (rel.unit === 'year') idx += rel.offset * 12;
    const year = Math.floor(idx / 12),
      month = (idx % 12) + 1;
    return { unit: rel.unit, year, month, quarter: Math.floor((month - 1) / 3) + 1 };
  }
  return null;
}

/** "lũy kế 4 tháng", "4T", "6 tháng đầu năm", "nửa đầu năm", "chín tháng": months from January. */
function cumulativeMonths(text: string, lex: Lexicon): number | null {
  const m =
    P().cumulativeTo.exec(text) ??
    P().ytdShort.exec(text) ??
    P().ytdMonths.exec(text) ??
    P().monthRange.exec(text);
  if (m) return validMonth(Number(m[1]));
  if (hasAny(text, lex.periods.halfYear)) return 6;
  const w =
    /(?:^|\s)([a-z]+(?: [a-z]+)?) thang dau nam/.exec(text) ??
    /(?:^|\s)(sau|chin) thang(?:\s|$)/.exec(text);
  return w ? (wordMonth(w[1]!.split(' ').slice(-1)[0]!, lex) ?? wordMonth(w[1]!, lex)) : null;
}

function quarterOf(text: string, lex: Lexicon): number | null {
  const q = P().quarterNumber.exec(text);
  const qw = q ? null : P().quarterWord.exec(text);
  const quarter = q ? Number(q[1]) : qw ? (lex.periods.quarterWords[qw[1]!] ?? null) : null;
  return quarter && quarter >= 1 && quarter <= 4 ? quarter : null;
}

/** A month in figures ("T4/20", "04/2020", "tháng 4") or in words ("tháng tư"), with its year. */
function monthOf(
  text: string,
  lex: Lexicon,
  year: number | null,
): { month: number | null; year: number | null } {
  const short = P().monthShortYear.exec(text);
  if (short && year === null)
    return { month: validMonth(Number(short[1])), year: 2000 + Number(short[2]) };
  const slash = P().monthSlash.exec(text);
  if (slash) return { month: validMonth(Number(slash[1])), year: year ?? Number(slash[2]) };
  const m = P().monthNumber.exec(text) ?? P().monthShort.exec(text);
  if (m) return { month: validMonth(Number(m[1])), year };
  return { month: monthWord(text, lex), year };
}

function monthWord(text: string, lex: Lexicon): number | null {
  const at = text.search(P().monthWordStart);
  if (at < 0) return null;
  const start = text.indexOf('thang', at);
  // "các tháng năm 2024" are the months of 2024, not May
  const before = text.slice(0, start).trim().split(' ').at(-1) ?? '';
  if (lex.periods.monthPlurals.includes(before)) return null;
  const rest = text.slice(start + 6);
  // "hàng tháng Hải Phòng" is no February: a month word that starts a place name is the place
  const startsPlace = (lex.placeIndex.scan(rest.split(' ').slice(0, 4))[0]?.start ?? -1) === 0;
  if (startsPlace || lex.periods.notMonthWords.some((w) => rest === w || rest.startsWith(`${w} `)))
    return null;
  return wordMonth(rest, lex);
}

/** "tháng 13/2020", "quý 5", "T0": written as a period, but there is no such month or quarter. */
/** "tháng 13", "quý 5": a period that cannot exist, and which part of it is wrong. */
export interface InvalidPeriod {
  readonly unit: 'month' | 'quarter';
  readonly n: number;
}

function impossible(text: string): InvalidPeriod | null {
  const month = /(?:^|\s)(?:thang|t)\s?(\d{1,3})(?:\/|\s|$)/.exec(text);
  if (month && (Number(month[1]) > 12 || Number(month[1]) === 0))
    return { unit: 'month', n: Number(month[1]) };
  const quarter = /(?:^|\s)(?:quy|q)\s?(\d{1,2})(?:\/|\s|$)/.exec(text);
  if (quarter && (Number(quarter[1]) > 4 || Number(quarter[1]) === 0))
    return { unit: 'quarter', n: Number(quarter[1]) };
  return null;
}

/** A month that does not exist, or the second half of a year: read before anything else. */
function specialSpan(text: string, lex: Lexicon): PeriodReading | null {
  const invalid = impossible(text);
  if (invalid) return { period: null, relative: false, cumulative: false, invalid };
  if (!hasAny(text, lex.periods.secondHalf)) return null;
  const y = P().year.exec(text);
  const year = y ? Number(y[1]) : null;
  return { period: { type: 'year', year }, relative: false, cumulative: false, secondHalf: true };
}

export function readPeriod(flatInput: string, lex: Lexicon, today: Today): PeriodReading {
  const text = stripComparisons(flatInput);
  const special = specialSpan(text, lex);
  if (special) return special;
  const rel = relativePeriod(text, lex, today);
  const yearMatch = P().year.exec(text);
  let year: number | null = yearMatch ? Number(yearMatch[1]) : null;
  if (year === null && rel?.unit === 'year') year = rel.year;
  const cumulative = hasAny(text, lex.periods.cumulativeMarkers);
  const relative = !!rel;
  const ytd = cumulativeMonths(text, lex);
  if (ytd !== null)
    return { period: { type: 'ytd', year, month: ytd }, relative, cumulative: true };
  const quarter = quarterOf(text, lex);
  if (quarter) return { period: { type: 'quarter', year, quarter }, relative, cumulative };
  if (rel?.unit === 'quarter')
    return {
      period: { type: 'quarter', year: rel.year, quarter: rel.quarter },
      relative,
      cumulative,
    };
  const found = monthOf(text, lex, year);
  const month = found.month;
  year = found.year;
  if (month === null && rel?.unit === 'month') {
    const type = cumulative ? 'ytd' : 'month';
    return { period: { type, year: rel.year, month: rel.month }, relative: true, cumulative };
  }
  if (month !== null)
    return {
      period: { type: cumulative ? 'ytd' : 'month', year, month },
      relative: !!rel,
      cumulative,
    };

  if (
    year !== null ||
    hasAny(
      text,
      lex.periods.wholeYear.filter((w) => w !== 'nam'),
    )
  ) {
    return { period: { type: 'year', year }, relative: !!rel, cumulative };
  }
  return { period: null, relative: false, cumulative };
}
