/**
 * What a report table's column holds, read from its header: a level or a comparison (with the
 * comparison's reference: the same span a year before, the month before, the year's plan), the
 * period it is about ("Ước tính tháng 10 năm 2023", "Cộng dồn từ đầu năm đến cuối tháng báo
 * cáo", "Thực hiện tháng trước"), whether it is an estimate, and whether its numbers are an index
 * (112,3 for +12,3%) or a change.
 */
import { foldPhrase } from '../normalize/fold.js';
import { lexicon } from '../domain/lexicon.js';
import { referenceAt } from './amount-words.js';
import { spanBefore } from './draft.js';
import { type PeriodRef, periodAt } from './period-words.js';
import { reportWords } from './report-words.js';
import { tokenize, type Token } from './tokens.js';

export type ColumnMeasure = 'value' | 'yoy' | 'mom' | 'plan' | 'target' | 'unit' | 'label';

export interface Column {
  readonly header: string;
  readonly measure: ColumnMeasure;
  /** The period the column is about; null: the one of the column before it. */
  readonly period: PeriodRef | null;
  readonly estimate: boolean;
  /** "Tăng/giảm (%)": a change; otherwise a comparison above 40 is an index. */
  readonly change: boolean;
}

const has = (words: string, phrases: readonly string[]) =>
  phrases.some((p) => ` ${words} `.includes(` ${p} `));

export function fixedText(t: string): string {
  return lexicon().extraction.textFixups.reduce(
    (acc, [a, b]) => acc.split(a).join(b),
    t.normalize('NFC'),
  );
}

function comparisonStart(toks: readonly Token[]): number {
  return toks.findIndex(
    (t, i) => t.w === 'so' && ['voi', 'cung', 'ke', 'thang', 'ky'].includes(toks[i + 1]?.w ?? ''),
  );
}

/** The period a header's own words name ("tháng 10 năm 2023", "tháng báo cáo", "lũy kế"). */
function ownPeriod(
  toks: readonly Token[],
  words: string,
  reportMonth: number | null,
): PeriodRef | null {
  const t = reportWords().tables;
  const cumulated = has(words, t.fromJanuary);
  for (let i = 0; i < toks.length; i++) {
    const p = periodAt(toks, i)?.value;
    // "Cộng dồn từ đầu năm đến cuối tháng 10": the span through that month
    if (p) return cumulated && p.type === 'month' ? { ...p, type: 'ytd' } : p;
  }
  if (cumulated) return { type: 'ytd', n: null, year: null };
  if (has(words, t.previousMonth) && reportMonth)
    return reportMonth === 1 ? null : { type: 'month', n: reportMonth - 1, year: null };
  if (has(words, t.reportMonth)) return { type: 'month', n: null, year: null };
  return null;
}

function measureFrom(toks: readonly Token[], cmp: number, own: PeriodRef | null, words: string) {
  const t = reportWords().tables;
  if (cmp < 0) return has(words, t.plans) && !words.includes('thuc hien') ? 'target' : 'value';
  const after = toks
    .slice(cmp)
    .map((x) => x.w)
    .join(' ');
  if (has(after, t.plans)) return 'plan';
  const ref = referenceAt(toks, cmp)?.value;
  if (ref?.measure) return ref.measure;
  return ref?.ref && own && spanBefore(own.type, own.n, ref.ref) ? 'mom' : 'yoy';
}

/** A column of a report table, from its header's words. */
export function readColumn(header: string, reportMonth: number | null): Column {
  const text = fixedText(header);
  const words = foldPhrase(text);
  const t = reportWords().tables;
  const base = { header, estimate: false, change: false, period: null };
  if (!words) return { ...base, measure: 'label' };
  if (t.unitLabels.includes(words)) return { ...base, measure: 'unit' };
  const toks = tokenize(text);
  const cmp = comparisonStart(toks);
  const own = ownPeriod(cmp < 0 ? toks : toks.slice(0, cmp), words.split(' so ')[0]!, reportMonth);
  return {
    header,
    measure: measureFrom(toks, cmp, own, words),
    period: own,
    estimate: /(^| )(uoc|du uoc)( |$)/.test(words),
    change: has(words, t.pctChange) || /\+\s*\/\s*-|\(\s*\+\s*\)/.test(text),
  };
}
