/**
 * Finds the indicator and the places a question names: exact dictionary hits first
 * (longest phrase wins), then fuzzy matching of the words left over.
 */
import type { NormalizedText } from '../normalize/fold.js';
import type { PhraseHit } from '../normalize/phrase-index.js';
import { FuzzyMatcher } from './fuzzy.js';
import type { Lexicon } from '../domain/lexicon.js';

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
/** No place name is longer than this many words ("Bà Rịa - Vũng Tàu" folds to four). */
const MAX_PLACE_WORDS = 6;
/** Nor is an indicator's phrase longer than this. */
const MAX_PHRASE_WORDS = 10;
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
  // "Dien Bien xuat khau": every word capitalised, as a name is written
  if (text.original.slice(start, end).every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
  return taken[end] === true || placeCount > 1;
}

export function readEntities(
  text: NormalizedText,
  lex: Lexicon,
  opts: { fuzzy?: boolean } = {},
): Entities {
  const n = text.tokens.length;
  const e: Entities = {
    places: [],
    indicators: [],
    corrections: [],
    ambiguousPlaces: [],
    taken: new Array<boolean>(n).fill(false),
    placeTaken: new Array<boolean>(n).fill(false),
  };
  exactIndicators(text, lex, e);
  exactPlaces(text, lex, e);
  if (opts.fuzzy !== false) fuzzyPass(text, lex, e);
  return e;
}

function exactIndicators(text: NormalizedText, lex: Lexicon, e: Entities): void {
  for (const found of lex.indicatorIndex.scan(text.tokens)) {
    const hit = yieldingToPlace(text.tokens, narrowedToPart(text.tokens, found, lex), lex);
    for (let k = hit.start; k < hit.end; k++) e.taken[k] = true;
    if (!e.indicators.includes(hit.value)) e.indicators.push(hit.value);
  }
}

/**
 * "chỉ số IIP điện": the longest indicator at a word ("chỉ số IIP") overlaps a phrase of one of
 * its parts ("IIP điện", the power sector's): the question names the part.
 */
function narrowedToPart(tokens: readonly string[], hit: PhraseHit<string>, lex: Lexicon) {
  for (let k = hit.start + 1; k < hit.end; k++) {
    const part = lex.indicatorIndex.scan(tokens.slice(k, k + MAX_PHRASE_WORDS))[0];
    if (part?.start !== 0 || k + part.end <= hit.end) continue;
    if (lex.indicators.get(part.value)?.parent === hit.value)
      return { start: hit.start, end: k + part.end, value: part.value };
  }
  return hit;
}

/**
 * "IIP Điện Biên": the longest indicator ("IIP điện", the power sector's) ends inside a place
 * name. When the words before the place still name an indicator, the place keeps its words.
 */
function yieldingToPlace(tokens: readonly string[], hit: PhraseHit<string>, lex: Lexicon) {
  for (let k = hit.start + 1; k < hit.end; k++) {
    const place = lex.placeIndex.scan(tokens.slice(k, k + MAX_PLACE_WORDS))[0];
    if (place?.start !== 0 || k + place.end <= hit.end) continue;
    const shorter = lex.indicatorIndex.get(tokens.slice(hit.start, k).join(' '));
    if (shorter) return { start: hit.start, end: k, value: shorter };
  }
  return hit;
}

function exactPlaces(text: NormalizedText, lex: Lexicon, e: Entities): void {
  const { tokens, original } = text;
  const placeHits = lex.placeIndex.scan(tokens, e.taken);
  for (const hit of placeHits) {
    if (isFalseFriend(text, lex, hit.start, hit.end, e.taken, placeHits.length)) continue;
    if (hit.value.abbreviation) {
      // "KG" is also kilograms: only trust a short form written in capitals, or next to an
      // indicator
      const typed = original[hit.start]!;
      const upper = typed.length > 1 && typed === typed.toUpperCase();
      const afterNumber = hit.start > 0 && isNumber(tokens[hit.start - 1]!);
      if (!upper && (e.indicators.length === 0 || afterNumber)) continue;
    }
    for (let k = hit.start; k < hit.end; k++) e.taken[k] = e.placeTaken[k] = true;
    if (hit.value.shared) e.ambiguousPlaces.push(...hit.value.shared);
    else if (!e.places.includes(hit.value.id)) e.places.push(hit.value.id);
  }
}

/** Fuzzy matching over runs of unclaimed, unknown words, widest windows first. */
function fuzzyPass(text: NormalizedText, lex: Lexicon, e: Entities): void {
  const { tokens } = text;
  // no place or indicator word is longer than 12 letters: longer tokens are noise, not typos
  const free = tokens.map(
    (t, i) =>
      !e.taken[i] && !isNumber(t) && t.length >= 2 && t.length <= 14 && !lex.stopwords.has(t),
  );
  const budget = { lookups: 0 };
  for (let i = 0; i < tokens.length && budget.lookups < MAX_FUZZY_LOOKUPS; i++) {
    if (!free[i]) continue;
    let run = i;
    while (run < tokens.length && free[run]) run++;
    for (let j = i; j < run && budget.lookups < MAX_FUZZY_LOOKUPS; ) {
      const matched = matchWindow(tokens, j, run, lex, e, budget);
      for (let k = j; k < j + matched; k++) e.taken[k] = true;
      j += matched || 1;
    }
    i = run;
  }
}

/** The widest window at j (up to 4 words, within the run) that reads as a place or indicator. */
function matchWindow(
  tokens: readonly string[],
  j: number,
  run: number,
  lex: Lexicon,
  e: Entities,
  budget: { lookups: number },
): number {
  const fuzzy = fuzzyFor(lex);
  for (let n = Math.min(4, run - j); n >= 1 && budget.lookups < MAX_FUZZY_LOOKUPS; n--) {
    const phrase = tokens.slice(j, j + n).join(' ');
    if (phrase.length < 4) continue;
    budget.lookups++;
    const place = fuzzy.places.match(phrase);
    if (place.id) {
      if (!e.places.includes(place.id)) e.places.push(place.id);
      for (let k = j; k < j + n; k++) e.placeTaken[k] = true;
      e.corrections.push({ typed: phrase, read: place.id, kind: 'place' });
      return n;
    }
    if (place.candidates.length > 1) {
      e.ambiguousPlaces.push(...place.candidates);
      return n;
    }
    if (n >= 2 && e.indicators.length === 0) {
      const ind = fuzzy.indicators.match(phrase);
      if (ind.id) {
        e.indicators.push(ind.id);
        e.corrections.push({ typed: phrase, read: ind.id, kind: 'indicator' });
        return n;
      }
    }
  }
  return 0;
}
