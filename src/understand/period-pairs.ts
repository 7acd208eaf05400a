/**
 * Comparisons that name a period per part: "Kiên Giang 4 tháng so với Lạng Sơn nửa năm" (a period
 * per place) and "xuất khẩu Kiên Giang quý 1/2020 so với quý 1/2019" (two periods of one place).
 * The parts are split on the comparison links of intents.json; only written periods count.
 */
import type { PeriodQuery } from '../domain/period.js';
import { foldDiacritics, foldPhrase, normalize } from '../normalize/fold.js';
import { rewriteEnglish } from './english.js';
import { readEntities } from './entities.js';
import type { Lexicon } from '../domain/lexicon.js';
import { readPeriod } from './periods.js';

// only written periods count here, never relative ones ("tháng trước")
const NO_TODAY = { year: 2000, month: 12 };
const splitters = new WeakMap<Lexicon, RegExp>();

/** The comparison links ("so với", "với", "và", "vs") and a comma, as one splitting pattern. */
function splitter(lex: Lexicon): RegExp {
  let re = splitters.get(lex);
  if (!re) {
    const links = [...lex.intents.compareLinks, 'and', 'with', 'versus', 'compared with']
      .map((l) => foldPhrase(l))
      .sort((a, b) => b.length - a.length)
      .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`\\s+(?:${[...new Set(links)].join('|')})\\s+|,\\s*`, 'gu');
    splitters.set(lex, re);
  }
  return re;
}

/** Two periods need two numbers or a span word: most comparisons name one period or none. */
function mayNameTwo(input: string): boolean {
  const spans =
    (input.match(/\d+/g)?.length ?? 0) + (/nửa|nua|cả năm|ca nam|quý|quy/i.test(input) ? 1 : 0);
  return spans >= 2;
}

/**
 * The parts between the links. The links are matched on the folded text ("với" and "voi" alike)
 * and the original is cut at the same places, so that "KG" keeps the case that makes it a name.
 */
function partsOf(input: string, lex: Lexicon): string[] {
  const text = rewriteEnglish(input);
  const folded = foldDiacritics(text).toLowerCase();
  // Vietnamese letters fold one to one; anything else is split as folded
  const source = folded.length === text.length ? text : folded;
  const parts: string[] = [];
  let from = 0;
  for (const m of folded.matchAll(splitter(lex))) {
    parts.push(source.slice(from, m.index));
    from = m.index + m[0].length;
  }
  parts.push(source.slice(from));
  return parts;
}

/** The parts of a comparison, each naming one place and possibly its own period. */
export function periodsPerPlace(
  input: string,
  places: readonly string[],
  asked: PeriodQuery | null,
  lex: Lexicon,
): (PeriodQuery | null)[] | null {
  if (places.length < 2 || !mayNameTwo(input)) return null;
  const byPlace = new Map<string, PeriodQuery | null>();
  for (const part of partsOf(input, lex)) {
    const text = normalize(part);
    const named = readEntities(text, lex, { fuzzy: false }).places;
    if (named.length !== 1) continue;
    const reading = readPeriod(text.flat, lex, NO_TODAY);
    byPlace.set(named[0]!, reading.relative ? null : reading.period);
  }
  const periods = places.map((p) => byPlace.get(p) ?? null);
  const distinct = new Set(periods.filter((p) => p).map((p) => JSON.stringify(p)));
  if (distinct.size < 2) return null;
  // a year named once ("… năm 2020") holds for every part that names none
  const year = asked?.year ?? null;
  return periods.map((p) => (p && p.year === null && year !== null ? { ...p, year } : p));
}

/**
 * "quý 1/2020 so với quý 1/2019", "2020 so với 2019", "tháng 4 với tháng 3 năm 2020": the two
 * periods of one place, as written (a year named once holds for both).
 */
export function periodsCompared(input: string, lex: Lexicon): [PeriodQuery, PeriodQuery] | null {
  if (!mayNameTwo(input)) return null;
  const parts = partsOf(input, lex);
  // most questions have no comparison link: nothing more to read
  if (parts.length < 2) return null;
  const periods = parts
    .map((part) => readPeriod(normalize(part).flat, lex, NO_TODAY))
    .filter((r) => r.period && !r.relative)
    .map((r) => r.period!);
  if (periods.length !== 2) return null;
  const [a, b] = periods as [PeriodQuery, PeriodQuery];
  const year = a.year ?? b.year;
  if (year === null) return null;
  const first = { ...a, year: a.year ?? year } as PeriodQuery;
  const second = { ...b, year: b.year ?? year } as PeriodQuery;
  return JSON.stringify(first) === JSON.stringify(second) ? null : [first, second];
}
