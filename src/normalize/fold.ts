/**
 * Text normalisation: the first step of the flow. Everything downstream matches on
 * folded text: NFC, lower case, Vietnamese diacritics removed, đ -> d, punctuation and
 * emoji turned into spaces. `tokens` and `original` stay aligned one to one so that a
 * matcher can look at the original casing (for abbreviations such as "KG").
 */

const MAX_INPUT = 600;

/** The general fold: decompose, drop the combining accents, đ -> d, compose again. */
export function foldByDecomposing(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .normalize('NFC');
}

/** Each precomposed Latin letter's fold, made once: every question folds its words. */
const LATIN_FOLD = new Map<number, string>();
const isPrecomposedLatin = (c: number) => c < 0x250 || (c >= 0x1e00 && c < 0x1f00);

/**
 * Folds one string: no diacritics, đ -> d, case kept; every other character kept. Text of ASCII
 * and precomposed Latin letters (all of Vietnamese once in NFC) folds letter by letter; anything
 * else (a combining accent typed apart, another script) goes the general way.
 */
export function foldDiacritics(s: string): string {
  const text = s.normalize('NFC');
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (!isPrecomposedLatin(c)) return foldByDecomposing(s);
    let folded = LATIN_FOLD.get(c);
    if (folded === undefined) {
      folded = foldByDecomposing(text[i]!);
      LATIN_FOLD.set(c, folded);
    }
    out += text.slice(from, i) + folded;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Folded, lower-cased words of a phrase, joined by single spaces (the dictionary key form). */
export function foldPhrase(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface NormalizedText {
  /** NFC input, trimmed, whitespace collapsed, cut to a sane length. */
  readonly clean: string;
  /** Folded lower-case text keeping digits, letters, '/', '%', ',' and '.' between digits. */
  readonly flat: string;
  /** Folded lower-case words (letters and digits only). */
  readonly tokens: readonly string[];
  /** The same words with their original case (diacritics folded). */
  readonly original: readonly string[];
  /** The same words in lower case with their diacritics, or null if they do not align. */
  readonly accented: readonly string[] | null;
}

export function normalize(input: string): NormalizedText {
  const clean = input
    .slice(0, MAX_INPUT * 4)
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_INPUT);
  const folded = foldDiacritics(clean);
  const original = folded.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const tokens = original.map((t) => t.toLowerCase());
  const flat = folded
    .toLowerCase()
    // a '.' or ',' survives only between two digits (a number's separator), always as ','
    .replace(/(?<!\d)[.,]|[.,](?!\d)|[^a-z0-9/%.,]+/g, ' ')
    .replace(/[.,]/g, ',')
    .replace(/ +/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
  let accented: readonly string[] | null | undefined;
  return {
    ...{ clean, flat, tokens, original },
    // read only to tell a place from its false friend ("Điện Biên", "diễn biến"): made then
    get accented() {
      if (accented === undefined) accented = accentedWordsOf(clean, tokens);
      return accented;
    },
  };
}

function accentedWordsOf(clean: string, tokens: readonly string[]): readonly string[] | null {
  const words = clean
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const aligned =
    words.length === tokens.length && words.every((w, i) => foldDiacritics(w) === tokens[i]);
  return aligned ? words : null;
}
