/**
 * English and mixed questions ("Kien Giang exports April 2020", "import LS first half"):
 * English phrases of intents/en/english.json are rewritten into the Vietnamese words the lexicon
 * knows, whole words only, longest first, before the question is understood.
 */
import { z } from 'zod';
import { readIntents } from '../domain/intents.js';

const EnglishSchema = z.object({
  phrases: z.record(z.string(), z.string()),
  needsYear: z.record(z.string(), z.string()),
  fillers: z.array(z.string()),
  vietnameseWords: z.array(z.string()),
  staysVietnamese: z.array(z.string()),
  yesNoOpeners: z.array(z.string()),
  englishWords: z.array(z.string()),
  vietnameseForms: z.array(z.string()),
});

interface EnglishRules {
  /** First words of every English phrase: a question with none of them is left alone at once. */
  readonly firstWords: ReadonlySet<string>;
  readonly phrases: RegExp;
  readonly table: ReadonlyMap<string, string>;
  readonly needsYear: RegExp;
  readonly needsYearTable: ReadonlyMap<string, string>;
  readonly fillers: RegExp;
  readonly vietnameseWords: ReadonlySet<string>;
  readonly staysVietnamese: ReadonlySet<string>;
  readonly yesNoOpeners: ReadonlySet<string>;
  /** Words only English has (fillers, openers, "where", "beach"): an English question. */
  readonly englishWords: ReadonlySet<string>;
  /** Forms only Vietnamese writes ("T4/2020", "4T/2020"): a question with one is mixed. */
  readonly vietnameseForms: RegExp;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');

function load(): EnglishRules {
  const raw = readIntents('en/english.json', EnglishSchema);
  const table = new Map(Object.entries(raw.phrases).map(([k, v]) => [k.toLowerCase(), v]));
  const needsYearTable = new Map(Object.entries(raw.needsYear));
  // \p{L} boundaries: "tháng" must not be cut inside a Vietnamese word
  const words = (list: readonly string[]) =>
    new RegExp(`(?<![\\p{L}\\p{N}])(${alternation(list)})(?![\\p{L}\\p{N}])`, 'giu');
  const firstWords = new Set(
    [...table.keys(), ...needsYearTable.keys()].map((k) => k.toLowerCase().split(' ')[0]!),
  );
  return {
    firstWords,
    phrases: words([...table.keys()]),
    table,
    needsYear: new RegExp(
      `(?<![\\p{L}])(${alternation([...needsYearTable.keys()])})(?=\\s*,?\\s*\\d{4})`,
      'giu',
    ),
    needsYearTable,
    fillers: words(raw.fillers),
    vietnameseWords: new Set(raw.vietnameseWords),
    staysVietnamese: new Set(raw.staysVietnamese),
    yesNoOpeners: new Set(raw.yesNoOpeners),
    englishWords: new Set([...raw.englishWords, ...raw.fillers, ...raw.yesNoOpeners]),
    vietnameseForms: new RegExp(raw.vietnameseForms.join('|'), 'iu'),
  };
}

let rules: EnglishRules | null = null;

/** The words English questions are made of that stay after rewriting (fillers, openers…). */
export function englishWords(): readonly string[] {
  rules ??= load();
  return [...rules.englishWords, ...rules.vietnameseWords, ...rules.staysVietnamese];
}

/** The question with its English words in Vietnamese; unchanged when it has none. */
export function rewriteEnglish(input: string): string {
  rules ??= load();
  const r = rules;
  const words = input.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (!words.some((w) => r.firstWords.has(w))) return input;
  let hits = 0;
  let out = input.replace(r.phrases, (m) => {
    hits++;
    return r.table.get(m.toLowerCase()) ?? m;
  });
  out = out.replace(r.needsYear, (m) => {
    hits++;
    return r.needsYearTable.get(m.toLowerCase()) ?? m;
  });
  return hits ? out.replace(r.fillers, ' ').replace(/\s+/g, ' ').trim() : input;
}

/** The question in the lexicon's words, and whether it was asked in English. */
export interface EnglishReading {
  readonly text: string;
  readonly english: boolean;
}

/**
 * One rewrite per question. Asked in English: no accented letter, at least one English phrase,
 * no Vietnamese word ("xuat khau Kien Giang April" is mixed, and mixed questions are answered in
 * Vietnamese), and not one of the words Vietnamese users type too ("help", commands). A turn with
 * no word of either language ("what about Kien Giang", "Da Nang?") keeps the conversation's
 * language (`englishBefore`).
 */
export function readEnglish(input: string, englishBefore = false): EnglishReading {
  rules ??= load();
  const r = rules;
  const rewritten = rewriteEnglish(input);
  const signal =
    rewritten !== input ||
    englishBefore ||
    (input.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => r.englishWords.has(w));
  // the costlier check only for a question that may be English
  const english = signal && writtenInEnglish(input, r);
  // "did … beat the plan?", "is it up?": a yes/no question, as "… không?" is in Vietnamese
  const opener = input.trim().toLowerCase().split(/\s+/)[0] ?? '';
  const alternative = / hay /.test(rewritten); // "up or down" asks which, not yes or no
  const yesNo = english && !alternative && rules.yesNoOpeners.has(opener);
  const text = yesNo ? `${rewritten} không` : rewritten;
  return { text, english };
}

function writtenInEnglish(input: string, r: EnglishRules): boolean {
  const trimmed = input.trim().toLowerCase();
  if (trimmed.startsWith('/') || r.staysVietnamese.has(trimmed.replace(/\W+$/, ''))) return false;
  if (/(?![a-zA-Z])\p{L}/u.test(input.normalize('NFC'))) return false;
  if (r.vietnameseForms.test(input)) return false;
  const words = trimmed.match(/[a-z]+/g) ?? [];
  return !words.some((w) => r.vietnameseWords.has(w));
}

export const isEnglishQuestion = (input: string): boolean => readEnglish(input).english;
