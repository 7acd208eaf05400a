/**
 * Extracts the figures a report states, in the store's terms (contract: ASK.md,
 * `npm run extract -- --json FILES`). Each sentence is scanned into mentions (mentions.ts) and
 * read by the clause grammar (clause-reader.ts); the figures are then placed in time (draft.ts)
 * and one figure said in two sentences ("tăng 5,1% so với tháng trước … So với cùng kỳ … tăng
 * 3,6%") becomes one.
 */
import { type Period, periodKey } from '../domain/period.js';
import { normalize } from '../normalize/fold.js';
import { lexicon } from '../domain/lexicon.js';
import { readEntities } from '../understand/entities.js';
import { ClauseReader } from './clause-reader.js';
import { type Draft, hasData, type ReportTime, resolvePeriod } from './draft.js';
import { type Mention, scanMentions } from './mentions.js';
import type { PeriodRef } from './period-words.js';
import { readReportText, sentencesOf } from './report-text.js';
import { reportWords } from './report-words.js';
import { type TextTable, findTables } from './table-text.js';
import { tableFigures } from './tables.js';
import { foldAligned, tokenize } from './tokens.js';

export { parseViNumber } from './amounts.js';

export interface ExtractedFigure {
  place: string | null;
  indicator: string;
  period: Period;
  value: number | null;
  unit: string;
  mom_pct: number | null;
  yoy_pct: number | null;
  plan_pct: number | null;
  estimate: boolean;
  approx: 'hơn' | 'gần' | 'khoảng' | null;
  kind: 'actual' | 'target';
  scope: 'qua-dia-ban' | 'tru-dau-tho' | null;
  /**
   * [start, end) in the file as given (UTF-16 offsets) of the sentence the figure was read from.
   */
  evidence: [number, number];
  /** What was inferred rather than read ("năm lấy từ ngày đăng"), or null. */
  note: string | null;
  /** A table figure's table, row and column, with their labels (not part of the CLI contract). */
  where?: string;
}

/** The place a report is about: the province or city it names most (exact names only). */
export function reportPlace(text: string): string | null {
  const counts = new Map<string, number>();
  // "(tỉnh Bình Định tăng 9%)" is another place's figure, not what the report is about
  for (const sentence of text.replace(/\([^()]*\)/g, ' ').split(/[.\n]/)) {
    for (const p of readEntities(normalize(sentence), lexicon(), { fuzzy: false }).places)
      if (p !== 'ca-nuoc') counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

interface ScannedSentence {
  readonly mentions: Mention[];
  readonly evidence: [number, number];
  /** The sentence is a row of a table: its figures are the table reader's. */
  readonly inTable: boolean;
}

function fixed(t: string): string {
  return lexicon().extraction.textFixups.reduce(
    (acc, [a, b]) => acc.split(a).join(b),
    t.normalize('NFC'),
  );
}

function scan(body: string, offset: number, tables: readonly TextTable[]): ScannedSentence[] {
  return sentencesOf(body).map((part) => {
    const [start, end] = [offset + part.start, offset + part.end];
    const inTable = tables.some((t) => start < t.end && end > t.start);
    return { mentions: scanMentions(tokenize(fixed(part.text))), evidence: [start, end], inTable };
  });
}

/** A table's own time: the period its caption names ("Biểu 2 … tháng 10 năm 2025"). */
function tableTime(t: TextTable, time: ReportTime): ReportTime {
  const named = [...t.caption]
    .reverse()
    .flatMap((line) => scanMentions(tokenize(fixed(line))))
    .flatMap((m) => (m.k === 'period' ? [m.p] : []))[0];
  const month = named && named.type !== 'year' && named.type !== 'quarter' ? named.n : null;
  return { ...time, year: named?.year ?? time.year, month: month ?? time.month };
}

function periodsOf(sentences: readonly ScannedSentence[]): PeriodRef[] {
  return sentences.flatMap((s) => s.mentions.flatMap((m) => (m.k === 'period' ? [m.p] : [])));
}

/** The month a report is about: the latest month or span it names, else the one before its date. */
function reportMonth(periods: readonly PeriodRef[], date: string | null): number | null {
  const named = periods.filter((p) => p.type !== 'year' && p.type !== 'quarter' && p.n);
  if (named.length) return Math.max(...named.map((p) => p.n!));
  const month = date && date.length >= 7 ? Number(date.slice(5, 7)) : null;
  // a page of December reviews the year; one of another month, the month before
  return month ? (month === 1 || month === 12 ? 12 : month - 1) : null;
}

/** For a number whose sentence names no indicator: the one the report names most, per unit. */
function topicOf(sentences: readonly ScannedSentence[]): (unit: 'usd' | 'vnd') => string | null {
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const m of s.mentions)
      if (m.k === 'indicator') counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return (unit) => ranked.find((id) => reportWords().unitOf(id) === unit) ?? null;
}

function reportTime(sentences: readonly ScannedSentence[], date: string | null): ReportTime {
  const periods = periodsOf(sentences);
  const dateYear = date ? Number(date.slice(0, 4)) : null;
  const dateMonth = date && date.length >= 7 ? Number(date.slice(5, 7)) : null;
  // with no page date, a year the text names anywhere (as a headline would) beats none
  const firstYear = dateYear ? null : (periods.find((p) => p.year)?.year ?? null);
  return { year: firstYear, month: reportMonth(periods, date), dateYear, dateMonth };
}

export function extractFigures(input: string, placeGiven?: string | null): ExtractedFigure[] {
  const doc = readReportText(input.replace(/[\u00a0\u202f]/g, ' '));
  const place = placeGiven !== undefined ? placeGiven : (doc.place ?? reportPlace(doc.body));
  const tables = findTables(doc.body, doc.offset);
  const sentences = scan(doc.body, doc.offset, tables);
  const time = reportTime(sentences, doc.date);
  const notes: string[] = [];
  const reader = new ClauseReader({
    ...{ place, indicator: null, topic: topicOf(sentences) },
    defaultPeriod: {
      type: /tinh chung|luy ke|cong don/.test(foldAligned(doc.body)) ? 'month' : 'ytd',
      n: null,
      year: null,
    },
    resolve: (p) => resolvePeriod(p, time, notes),
  });
  const out: ExtractedFigure[] = [];
  for (const s of sentences) {
    if (s.inTable) continue;
    const stated = s.mentions.flatMap((m) => (m.k === 'period' && m.p.year ? [m.p.year] : []));
    if (stated.length) time.year = stated[0]!;
    for (const d of reader.readSentence(s.mentions)) out.push(...emit(d, time, s.evidence));
    if (stated.length) time.year = stated.at(-1)!;
  }
  for (const t of tables) {
    const own = tableTime(t, { ...time, year: time.year ?? reportTime(sentences, doc.date).year });
    for (const f of tableFigures(t, place, own)) out.push(...emit(f.draft, own, f.evidence));
  }
  return mergeSameFigure(out);
}

const UNIT = { usd: 'triệu USD', vnd: 'tỷ đồng' } as const;

function emit(d: Draft, time: ReportTime, evidence: [number, number]): ExtractedFigure[] {
  const ind = d.indicator ? lexicon().indicators.get(d.indicator) : undefined;
  if (!ind || !d.period || !hasData(d)) return [];
  const notes = [...d.notes];
  const resolved = resolvePeriod(d.period, time, notes);
  if (!resolved) return [];
  const period: Period = d.target ? { type: 'year', year: resolved.year } : resolved;
  const value = ind.growthOnly ? null : d.value;
  if (value === null && d.mom === null && d.yoy === null && d.plan === null) return [];
  const figure = {
    ...{
      indicator: ind.id,
      period,
      value,
      unit: value !== null && d.unit ? UNIT[d.unit] : ind.unit,
    },
    ...{ mom_pct: d.mom, yoy_pct: d.yoy, plan_pct: d.plan, estimate: d.estimate },
    ...{
      approx: value !== null ? d.approx : null,
      kind: d.target ? ('target' as const) : ('actual' as const),
    },
    ...{ scope: d.scope, evidence, note: noteOf(notes) },
  };
  const where = d.where ? { where: d.where } : {};
  return (d.places.length ? d.places : [null]).map((place) => ({ place, ...figure, ...where }));
}

/** The notes of a figure in one line, within the 300 characters a stored note may have. */
function noteOf(notes: readonly string[]): string | null {
  const line = [...new Set(notes)].join('; ');
  return !line ? null : line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

const SLOTS = ['value', 'mom_pct', 'yoy_pct', 'plan_pct'] as const;

const keyOf = (f: ExtractedFigure) =>
  [f.place, f.indicator, periodKey(f.period), f.kind, f.scope].join('|');

function compatible(a: ExtractedFigure, b: ExtractedFigure): boolean {
  return SLOTS.every((k) => a[k] === null || b[k] === null || a[k] === b[k]);
}

/** One figure stated across two sentences is one figure; one said twice is said once. */
function mergeSameFigure(figures: readonly ExtractedFigure[]): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  for (const f of figures) {
    const same = out.find((o) => keyOf(o) === keyOf(f) && compatible(o, f));
    if (!same) {
      out.push({ ...f });
      continue;
    }
    for (const k of SLOTS) if (same[k] === null) same[k] = f[k];
    same.estimate ||= f.estimate;
    if (same.value === f.value) same.approx ??= f.approx;
  }
  return out;
}
