/**
 * What one turn says by itself, and the phrase lookups every reading step shares (memoised per
 * turn: intent, focus and follow-up ask about the same lists).
 */
import type { PeriodQuery } from '../domain/period.js';
import type { readEntities } from './entities.js';
import type { Lexicon } from '../domain/lexicon.js';
import { hasPhrase } from '../normalize/phrase-index.js';
import { phraseListsOf } from '../normalize/phrase-lists.js';
import type { InvalidPeriod } from './periods.js';
import type { Focus, Intent, Reused } from './query.js';

// one turn asks about the same lists several times (intent, focus, follow-up): answered once
let memoText = '';
let memo = new WeakMap<readonly string[], boolean>();

export function anyPhrase(joined: string, phrases: readonly string[]): boolean {
  // the lexicon's lists: one scan of the text answers for all of them
  const known = phraseListsOf(phrases);
  if (known) return known.says(joined, phrases);
  if (joined !== memoText) {
    memoText = joined;
    memo = new WeakMap();
  }
  let hit = memo.get(phrases);
  if (hit === undefined) {
    hit = phrases.some((p) => hasPhrase(joined, p));
    memo.set(phrases, hit);
  }
  return hit;
}

export function readFocus(joined: string, lex: Lexicon): Focus {
  const f = lex.intents.focus;
  return {
    mom: anyPhrase(joined, f.mom),
    yoy: anyPhrase(joined, f.yoy),
    plan: anyPhrase(joined, f.plan),
    direction: anyPhrase(joined, f.direction),
  };
}

/** What one turn says by itself, before any context. */
export interface Reading {
  readonly english: boolean;
  readonly secondHalf: boolean;
  readonly invalidPeriod: InvalidPeriod | null;
  readonly joined: string;
  readonly entities: ReturnType<typeof readEntities>;
  readonly relative: boolean;
  readonly tokens: readonly string[];
  intent: Intent;
  places: string[];
  indicator: string | null;
  period: PeriodQuery | null;
  readonly reused: Reused[];
  /** The ranking of the turn before goes on, ordered as it was. */
  rankingCarried?: boolean;
}
