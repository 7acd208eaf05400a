/**
 * Figures from report tables: rows are indicators, sectors or places ("Tổng số", "Khai khoáng",
 * "Kim ngạch xuất khẩu", "Kiên Giang"), columns are periods and comparisons (table-columns.ts).
 * The unit comes from the caption ("Đơn vị tính: triệu USD"), a unit column or the row's label;
 * the table's indicator from its caption or its first row. A total row and its parts stay apart:
 * a part is its own series, or nothing. Every figure says where it came from ("Biểu 2, dòng 3,
 * cột 4") beside the row's and the column's labels.
 */
import { foldPhrase } from '../normalize/fold.js';
import { msg } from '../messages.js';
import { type Draft, type ReportTime, resolvePeriod } from './draft.js';
import type { PeriodRef } from './period-words.js';
import { reportWords } from './report-words.js';
import { type Column, fixedText, readColumn } from './table-columns.js';
import type { TableCell, TextTable } from './table-text.js';
import { readNumber, tokenize } from './tokens.js';

export interface TableFigure {
  readonly draft: Draft;
  readonly evidence: [number, number];
}

type Unit = readonly ['usd' | 'vnd', number];

interface TableContext {
  readonly place: string | null;
  readonly time: ReportTime;
  seq: number;
}

/** The first sense a label's words carry: an indicator, a part, a place, a total. */
function senseOf(label: string): { kind: string; id: string | null } | null {
  const clean = fixedText(label).replace(/^\s*(?:[IVX]+|\d+|[a-zđ])[.)]\s+/i, '');
  if (reportWords().tables.totals.includes(foldPhrase(clean))) return { kind: 'total', id: null };
  const words = tokenize(clean).map((t) => t.w);
  for (let i = 0; i < words.length; i++) {
    const hit = reportWords().senses.at(words, i);
    if (!hit) continue;
    const s = hit.value;
    if (s.kind === 'indicator' || s.kind === 'part' || s.kind === 'place')
      return { kind: s.kind, id: s.id };
    if (s.kind === 'other' || s.kind === 'weak')
      return { kind: s.kind, id: s.kind === 'weak' ? s.id : null };
  }
  return null;
}

function unitIn(text: string): Unit | null {
  const words = tokenize(fixedText(text)).map((t) => t.w);
  for (let i = 0; i < words.length; i++) {
    const hit = reportWords().tables.units.at(words, i);
    if (hit) return hit.value;
  }
  return null;
}

function cellNumber(cell: TableCell | undefined): number | null {
  const m = /([-+−]?)\s*(\d[\d.,]*)/.exec(cell?.text ?? '');
  if (!m || /[a-zA-Z]{3,}/.test(cell!.text.replace(/[.,\d\s%+\-−()]/g, ''))) return null;
  const n = readNumber(m[2]!.replace(/[.,]$/, ''));
  return Number.isFinite(n) ? (m[1] ? -n : n) : null;
}

/** Header rows: those before the first row with a number beside its label. */
function headerCount(t: TextTable): number {
  const n = t.rows.findIndex((row) => row.slice(1).some((c) => cellNumber(c) !== null));
  return n <= 0 ? 1 : n;
}

function columnsOf(t: TextTable, heads: number, reportMonth: number | null): Column[] {
  const width = Math.max(...t.rows.map((r) => r.length));
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of t.rows.slice(0, heads)) {
      const text = row[c]?.text ?? '';
      if (text && parts.at(-1) !== text) parts.push(text);
    }
    columns.push(readColumn(parts.join(' '), reportMonth));
  }
  // a comparison without its own period is about the column before it
  return columns.map((col, c) =>
    col.period || col.measure === 'label' || col.measure === 'unit'
      ? col
      : {
          ...col,
          period:
            columns
              .slice(0, c)
              .reverse()
              .find((x) => x.period)?.period ?? null,
        },
  );
}

/** An index (112,3) as a change (+12,3) unless the column says it holds changes. */
function asChange(col: Column, values: readonly (number | null)[], v: number): number {
  const index = !col.change && values.every((x) => x === null || x >= 40);
  return index ? Math.round((v - 100) * 1e6) / 1e6 : v;
}

function tableIndicator(t: TextTable, heads: number): string | null {
  // the caption line nearest the table first: lines further up may be prose
  for (const line of [...t.caption].reverse()) {
    const s = senseOf(line);
    if (s?.kind === 'indicator') return s.id;
  }
  for (const row of t.rows.slice(heads)) {
    const s = senseOf(row[0]?.text ?? '');
    if (s?.kind === 'indicator') return s.id;
  }
  return null;
}

function rowIndicator(
  label: string,
  table: string | null,
): { indicator: string; place: string | null } | null {
  const s = senseOf(label);
  if (!s) return null;
  if (s.kind === 'indicator' && s.id) return { indicator: s.id, place: null };
  if ((s.kind === 'total' || s.kind === 'weak') && table) return { indicator: table, place: null };
  if (s.kind === 'place' && table) return { indicator: table, place: s.id };
  // a sector is its own series under the table's indicator, else no figure of ours
  if (s.kind === 'part' && s.id && table && s.id.startsWith(table.split('_')[0]!))
    return { indicator: s.id, place: null };
  return null;
}

interface RowFigures {
  readonly t: TextTable;
  readonly r: number;
  readonly columns: readonly Column[];
  readonly unit: Unit | null;
  readonly indicator: string;
  readonly place: string | null;
}

function periodKey(p: PeriodRef | null): string {
  return p ? `${p.type}:${p.n}:${p.year}` : '-';
}

function draftFor(ctx: TableContext, row: RowFigures, period: PeriodRef, c: number): Draft {
  const label = row.t.rows[row.r]![0]?.text ?? '';
  const where = msg('table_where', {
    ...{ table: row.t.index, row: row.r + 1, col: c + 1 },
    ...{ label, header: row.columns[c]!.header },
  });
  return {
    ...{
      places: [row.place ?? ctx.place].filter((p): p is string => !!p),
      indicator: row.indicator,
    },
    ...{ period, periodStated: true, value: null, unit: null, approx: null },
    ...{ mom: null, yoy: null, plan: null, estimate: false, target: false, scope: null },
    ...{ notes: [where], seq: ctx.seq++, where },
  };
}

function fillCell(
  d: Draft,
  row: RowFigures,
  c: number,
  v: number,
  values: (number | null)[],
): void {
  const col = row.columns[c]!;
  const words = reportWords();
  if (col.measure === 'value' || col.measure === 'target') {
    const unit = row.unit ?? [words.unitOf(row.indicator), 1];
    if (words.growthOnly(row.indicator) || unit[0] !== words.unitOf(row.indicator)) return;
    Object.assign(d, { value: Math.round(v * unit[1] * 1e6) / 1e6, unit: unit[0] });
    d.target ||= col.measure === 'target';
  } else if (col.measure === 'plan') d.plan = v;
  else if (col.measure === 'yoy' || col.measure === 'mom')
    d[col.measure] = asChange(col, values, v);
  d.estimate ||= col.estimate;
}

function rowFigures(
  ctx: TableContext,
  row: RowFigures,
  columnValues: (number | null)[][],
): TableFigure[] {
  const byPeriod = new Map<string, Draft>();
  row.columns.forEach((col, c) => {
    const v = cellNumber(row.t.rows[row.r]![c]);
    if (v === null || !col.period || ['label', 'unit'].includes(col.measure)) return;
    const key = periodKey(col.period) + (col.measure === 'target' ? ':target' : '');
    const d = byPeriod.get(key) ?? draftFor(ctx, row, col.period, c);
    byPeriod.set(key, d);
    fillCell(d, row, c, v, columnValues[c]!);
  });
  const line = row.t.lines[row.r]!;
  return [...byPeriod.values()]
    .filter((d) => d.value !== null || d.yoy !== null || d.mom !== null || d.plan !== null)
    .map((draft) => ({ draft, evidence: [line[0], line[1]] }));
}

function tableUnit(t: TextTable): Unit | null {
  for (const line of [...t.caption].reverse()) {
    const u = unitIn(line);
    if (u) return u;
  }
  return null;
}

/** The figures of one table of a report. */
export function tableFigures(t: TextTable, place: string | null, time: ReportTime): TableFigure[] {
  const ctx: TableContext = { place, time, seq: 1_000_000 * t.index };
  const heads = headerCount(t);
  const columns = columnsOf(t, heads, time.month);
  const indicator = tableIndicator(t, heads);
  const unitColumn = columns.findIndex((c) => c.measure === 'unit');
  const values = columns.map((_, c) => t.rows.slice(heads).map((row) => cellNumber(row[c])));
  const out: TableFigure[] = [];
  for (let r = heads; r < t.rows.length; r++) {
    const label = t.rows[r]![0]?.text ?? '';
    const found = rowIndicator(label, indicator);
    if (!found) continue;
    const unit =
      unitIn(label) ??
      (unitColumn >= 0 ? unitIn(t.rows[r]![unitColumn]?.text ?? '') : null) ??
      tableUnit(t);
    const row = { t, r, columns, unit, ...found };
    out.push(...rowFigures(ctx, row, values));
  }
  return out.filter((f) => resolvePeriod(f.draft.period!, time, []) !== null);
}
