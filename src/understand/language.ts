/**
 * The shapes of questions that are patterns rather than word lists (intents/vi/patterns.json):
 * read once, each compiled and its capture groups counted at load, so that a pattern edited into
 * something the code cannot read stops the start with the file and the pattern named.
 */
import { z } from 'zod';
import { intentsDir, readIntents } from '../domain/intents.js';

const FILE = 'vi/patterns.json';

const Pattern = z.object({ re: z.string().min(1), groups: z.number().int().min(0) });
const Rewrite = Pattern.extend({ previous: z.string().min(1) });

const PERIOD_KEYS = [
  'year',
  'ytdShort',
  'ytdMonths',
  'monthRange',
  'monthShort',
  'monthNumber',
  'monthShortYear',
  'monthSlash',
  'quarterNumber',
  'quarterWord',
  'cumulativeTo',
  'monthWordStart',
] as const;

const PatternsSchema = z.object({
  period: z.object(
    Object.fromEntries(PERIOD_KEYS.map((k) => [k, Pattern])) as Record<
      (typeof PERIOD_KEYS)[number],
      typeof Pattern
    >,
  ),
  comparisons: z.array(z.string().min(1)).min(1),
  comparedWith: z.object({ month: Rewrite, year: Rewrite }),
});

export type PeriodPattern = (typeof PERIOD_KEYS)[number];

export interface Language {
  readonly period: Readonly<Record<PeriodPattern, RegExp>>;
  /** "so với tháng trước", "so cùng kỳ năm 2019": comparisons, not the period asked for. */
  readonly comparisons: readonly RegExp[];
  /** "so với tháng 3" about April, "so với năm 2019" about 2020: the previous one, by name. */
  readonly comparedWith: { readonly month: RewriteRule; readonly year: RewriteRule };
}

export interface RewriteRule {
  readonly re: RegExp;
  readonly previous: string;
}

/** A pattern compiled; a pattern that does not compile is named with its file. */
function compile(name: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new Error(`intents/${FILE}: ${name}: ${(err as Error).message}`);
  }
}

/** A pattern compiled, with exactly the capture groups the code reads. */
function compiled(name: string, p: { re: string; groups: number }, flags: string): RegExp {
  const re = compile(name, p.re, flags);
  // an alternative that matches the empty string makes every group show in the match
  const groups = new RegExp(`${p.re}|`).exec('')!.length - 1;
  if (groups !== p.groups)
    throw new Error(
      `intents/${FILE}: ${name}: ${groups} capture groups, the code reads ${p.groups}`,
    );
  return re;
}

/** The patterns of an intents folder (the project's, or SOLIEU_INTENTS_DIR), checked. */
export function loadLanguage(dir = intentsDir()): Language {
  const raw = readIntents(FILE, PatternsSchema, dir);
  const period = Object.fromEntries(
    PERIOD_KEYS.map((k) => [k, compiled(`period.${k}`, raw.period[k], '')]),
  ) as Record<PeriodPattern, RegExp>;
  // comparisons are only removed: their groups are not read
  const comparisons = raw.comparisons.map((re, i) => compile(`comparisons.${i}`, re, 'g'));
  const rewrite = (k: 'month' | 'year') => ({
    re: compiled(`comparedWith.${k}`, raw.comparedWith[k], 'giu'),
    previous: raw.comparedWith[k].previous,
  });
  return { period, comparisons, comparedWith: { month: rewrite('month'), year: rewrite('year') } };
}

let cached: Language | null = null;

export function language(): Language {
  cached ??= loadLanguage();
  return cached;
}
