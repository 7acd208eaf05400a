/** Longest-match dictionary lookup over folded word sequences. */
import { foldPhrase } from './fold.js';

export interface PhraseHit<T> {
  readonly start: number;
  readonly end: number; // exclusive
  readonly value: T;
}

export class PhraseIndex<T> {
  private readonly map = new Map<string, T>();
  /** For each first word, the lengths (in words) of the phrases it starts, longest first. */
  private readonly lengths = new Map<string, number[]>();

  /** Adds a phrase (any form: diacritics, case and punctuation are folded). First entry wins. */
  add(phrase: string, value: T): void {
    const key = foldPhrase(phrase);
    if (!key || this.map.has(key)) return;
    this.map.set(key, value);
    const words = key.split(' ');
    const list = this.lengths.get(words[0]!) ?? [];
    if (!list.includes(words.length)) list.push(words.length);
    list.sort((a, b) => b - a);
    this.lengths.set(words[0]!, list);
  }

  get(phrase: string): T | undefined {
    return this.map.get(foldPhrase(phrase));
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  /**
   * Scans left to right, taking at each position the longest phrase that starts there.
   * `taken[i]` true skips word i (already claimed by another matcher).
   */
  scan(tokens: readonly string[], taken?: readonly boolean[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = this.longestAt(tokens, i, taken);
      if (found) {
        hits.push(found);
        i = found.end;
      } else i++;
    }
    return hits;
  }

  /** The longest phrase starting at word i, trying only lengths some phrase of that word has. */
  private longestAt(
    tokens: readonly string[],
    i: number,
    taken?: readonly boolean[],
  ): PhraseHit<T> | null {
    for (const n of this.lengths.get(tokens[i]!) ?? []) {
      if (i + n > tokens.length) continue;
      let free = true;
      for (let k = i; k < i + n; k++)
        if (taken?.[k]) {
          free = false;
          break;
        }
      if (!free) continue;
      const value = this.map.get(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '));
      if (value !== undefined) return { start: i, end: i + n, value };
    }
    return null;
  }
}

export function hasPhrase(joined: string, phrase: string): boolean {
  const at = joined.indexOf(phrase);
  if (at < 0) return false;
  let from = at;
  while (from >= 0) {
    const before = from === 0 || joined[from - 1] === ' ';
    const after = from + phrase.length === joined.length || joined[from + phrase.length] === ' ';
    if (before && after) return true;
    from = joined.indexOf(phrase, from + 1);
  }
  return false;
}
