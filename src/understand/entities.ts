/**
 * Finds the indicator and the places a question names: exact dictionary hits first
 * (longest phrase wins), then fuzzy matching of the words left over.
 */
import type { NormalizedText } from '../normalize/fold.js';
import { FuzzyMatcher } from './fuzzy.js';
import type { Lexicon } from './lexicon.js';

export interface Correction {
  readonly typed: string;
  readonly read: string;
  readonly kind: 'place' | 'indicator';
}

export interface Entities {
  readonly places: string[];
  readonly indicators: string[];
  readonly corrections: Correction[];
  /** Places a typo could be: more than one equally close. */
  readonly ambiguousPlaces: string[];
  /** Word positions claimed by a place or indicator. */
  readonly taken: boolean[];
  /** Word positions claimed by a place (not to be read as intent words). */
  readonly placeTaken: boolean[];
}

const matchers = new WeakMap<Lexicon, { places: FuzzyMatcher; indicators: FuzzyMatcher }>();
function fuzzyFor(lex: Lexicon) {
  let m = matchers.get(lex);
  if (!m) {
    m = {
      places: new FuzzyMatcher(lex.placeNames),
      indicators: new FuzzyMatcher(lex.indicatorNames),
    };
    matchers.set(lex, m);
  }
  return m;
}

const isNumber = (t: string) => /^\d/.test(t);
const MAX_FUZZY_LOOKUPS = 12;

/** "diễn biến" (trend) folds like "Điện Biên": tell them apart by accents, or by what follows. */
function isFalseFriend(
  text: NormalizedText,
  lex: Lexicon,
  start: number,
  end: number,
  taken: readonly boolean[],
  placeCount: number,
): boolean {
  const folded = text.tokens.slice(start, end).join(' ');
  const word = lex.placeFalseFriends.get(folded);
  if (!word) return false;
  const typed = text.accented?.slice(start, end).join(' ');
  if (typed === word) return true;
  if (typed !== undefined && typed !== folded) return false; // typed with the place's own accents
  return taken[end] === true || placeCount > 1;
}

export function readEntities(
  text: NormalizedText,
  lex: Lexicon,
  opts: { fuzzy?: boolean } = {},
): Entities {
  const { tokens, original } = text;
  const taken = new Array<boolean>(tokens.length).fill(false);
  const indicators: string[] = [];
  const places: string[] = [];
  const corrections: Correction[] = [];
  const ambiguousPlaces: string[] = [];

  for (const hit of lex.indicatorIndex.scan(tokens)) {
    for (let k = hit.start; k < hit.end; k++) taken[k] = true;
    if (!indicators.includes(hit.value)) indicators.push(hit.value);
  }
  const placeTaken = new Array<boolean>(tokens.length).fill(false);
  const placeHits = lex.placeIndex.scan(tokens, taken);
  for (const hit of placeHits) {
    if (isFalseFriend(text, lex, hit.start, hit.end, taken, placeHits.length)) continue;
    if (hit.value.abbreviation) {
      // "KG" is also kilograms: only trust a short form written in capitals, or next to an indicator
      const typed = original[hit.start]!;
      const upper = typed.length > 1 && typed === typed.toUpperCase();
      const afterNumber = hit.start > 0 && isNumber(tokens[hit.start - 1]!);
      if (!upper && (indicators.length === 0 || afterNumber)) continue;
    }
    for (let k = hit.start; k < hit.end; k++) taken[k] = placeTaken[k] = true;
    if (!places.includes(hit.value.id)) places.push(hit.value.id);
  }

  // fuzzy pass over runs of unclaimed, unknown words
  const fuzzy = fuzzyFor(lex);
  // no place or indicator word is longer than 12 letters: longer tokens are noise, not typos
  const free = tokens.map(
    (t, i) => !taken[i] && !isNumber(t) && t.length >= 2 && t.length <= 14 && !lex.stopwords.has(t),
  );
  let lookups = 0;
  for (let i = 0; i < tokens.length && lookups < MAX_FUZZY_LOOKUPS && opts.fuzzy !== false; i++) {
    if (!free[i]) continue;
    let run = i;
    while (run < tokens.length && free[run]) run++;
    // within the run [i, run): try the widest windows first
    let j = i;
    while (j < run && lookups < MAX_FUZZY_LOOKUPS) {
      let matched = 0;
      for (let n = Math.min(4, run - j); n >= 1 && !matched && lookups < MAX_FUZZY_LOOKUPS; n--) {
        const phrase = tokens.slice(j, j + n).join(' ');
        if (phrase.length < 4) continue;
        lookups++;
        const place = fuzzy.places.match(phrase);
        if (place.id) {
          if (!places.includes(place.id)) places.push(place.id);
          for (let k = j; k < j + n; k++) placeTaken[k] = true;
          corrections.push({ typed: phrase, read: place.id, kind: 'place' });
          matched = n;
          continue;
        }
        if (place.candidates.length > 1) {
          ambiguousPlaces.push(...place.candidates);
          matched = n;
          continue;
        }
        if (n >= 2 && indicators.length === 0) {
          const ind = fuzzy.indicators.match(phrase);
          if (ind.id) {
            indicators.push(ind.id);
            corrections.push({ typed: phrase, read: ind.id, kind: 'indicator' });
            matched = n;
          }
        }
      }
      for (let k = j; k < j + matched; k++) taken[k] = true;
      j += matched || 1;
    }
    i = run;
  }
  return { places, indicators, corrections, ambiguousPlaces, taken, placeTaken };
}
