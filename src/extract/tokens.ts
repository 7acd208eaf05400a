/**
 * A report sentence as words: folded (lower case, no diacritics, đ -> d) one character for one,
 * split into words, numbers and marks. Numbers keep their separators ("3.611,46", "4,148.4");
 * reading them is `readNumber`'s job, because reports write both Vietnamese and English forms.
 */

export interface Token {
  /** The folded word, the number as written, or the mark. */
  readonly w: string;
  readonly num: boolean;
}

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f === undefined) {
    const base = c
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    f = base.length === 1 ? base : c.toLowerCase();
    foldCache.set(c, f);
  }
  return f;
}

/** Lower case without diacritics, the same length as the input (NFC). */
export function foldAligned(s: string): string {
  let out = '';
  for (const c of s) out += foldChar(c);
  return out;
}

const TOKEN = /\d+(?:[.,]\d+)*|[a-z]+|[^\s\p{L}\p{N}]/gu;

export function tokenize(sentence: string): Token[] {
  const folded = foldAligned(sentence.normalize('NFC'))
    // "year-on-year", "d'USD", "l'année": joined words read as separate words
    .replace(/(?<=[a-z])[-'’](?=[a-z])/g, ' ')
    .replace(/[’']/g, ' ');
  return [...folded.matchAll(TOKEN)].map((m) => ({ w: m[0], num: /^\d/.test(m[0]) }));
}

/**
 * A number as reports write it: "3.611,46" and "4,148.4" (the last separator is the decimal
 * mark when both appear), "309.633" (dots grouping thousands), "526.6" and "7,9" (decimals).
 */
export function readNumber(s: string): number {
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) {
    const decimal = dot > comma ? '.' : ',';
    const group = decimal === '.' ? /,/g : /\./g;
    return Number(s.replace(group, '').replace(decimal, '.'));
  }
  if (comma >= 0) return Number(s.replace(/,/g, (_m, i: number) => (i === comma ? '.' : '')));
  if (dot >= 0 && /^\d{1,3}(?:\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  return Number(s);
}

export const isYear = (t: Token | undefined): boolean =>
  !!t && t.num && /^(?:19|20)\d\d$/.test(t.w);
