/**
 * Typo-tolerant matching for the words the dictionaries did not claim. fuse.js finds the
 * candidates; a per-word edit-distance check then decides, so that near names
 * (Bình Dương / Bình Định, Quảng Nam / Quảng Ninh, Thái Bình / Ninh Bình) never collapse:
 * every word must keep its first letter and be at most one edit away (two for long words),
 * and when two different places are equally close the reading is ambiguous, not a guess.
 */
import Fuse from 'fuse.js';

export interface FuzzyName {
  readonly key: string;
  readonly id: string;
}
export interface FuzzyResult {
  readonly id: string | null;
  readonly candidates: readonly string[];
  readonly distance: number;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1,
    cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}

/** Word-by-word closeness of a typed phrase to a dictionary phrase; null when too far. */
export function wordwiseDistance(typed: string, known: string): number | null {
  const tw = typed.split(' '),
    kw = known.split(' ');
  if (tw.length !== kw.length) {
    // "kiengian" for "kien giang": compare without spaces, stricter
    const a = tw.join(''),
      b = kw.join('');
    if (a.length < 6 || a[0] !== b[0]) return null;
    const d = editDistance(a, b, 1);
    return d <= 1 ? d + 0.5 : null;
  }
  let total = 0;
  for (let i = 0; i < tw.length; i++) {
    const t = tw[i]!,
      k = kw[i]!;
    if (t === k) continue;
    if (t[0] !== k[0] || t.length < 3) return null;
    const allowed = k.length >= 7 ? 2 : 1;
    const d = editDistance(t, k, allowed);
    if (d > allowed) return null;
    total += d;
  }
  return total;
}

export class FuzzyMatcher {
  /** One small fuse index per first letter: every accepted reading keeps its first letter. */
  private readonly byInitial = new Map<string, Fuse<FuzzyName>>();
  private readonly cache = new Map<string, FuzzyResult>();

  constructor(names: readonly FuzzyName[]) {
    const groups = new Map<string, FuzzyName[]>();
    for (const n of names) {
      const list = groups.get(n.key[0]!);
      if (list) list.push(n);
      else groups.set(n.key[0]!, [n]);
    }
    for (const [initial, list] of groups) {
      this.byInitial.set(
        initial,
        new Fuse(list, { keys: ['key'], threshold: 0.4, includeScore: true, ignoreLocation: true }),
      );
    }
  }

  /** Best reading of `phrase` (folded words), or the tied candidates when it is ambiguous. */
  match(phrase: string): FuzzyResult {
    const hit = this.cache.get(phrase);
    if (hit) return hit;
    const best = new Map<string, number>();
    const fuse = this.byInitial.get(phrase[0]!);
    for (const r of fuse ? fuse.search(phrase, { limit: 8 }) : []) {
      const d = wordwiseDistance(phrase, r.item.key);
      if (d === null || d === 0) continue;
      const prev = best.get(r.item.id);
      if (prev === undefined || d < prev) best.set(r.item.id, d);
    }
    let min = Infinity;
    for (const d of best.values()) min = Math.min(min, d);
    const candidates = [...best].filter(([, d]) => d === min).map(([id]) => id);
    const result: FuzzyResult = {
      id: candidates.length === 1 ? candidates[0]! : null,
      candidates,
      distance: min,
    };
    if (this.cache.size > 20000) this.cache.clear();
    this.cache.set(phrase, result);
    return result;
  }
}
