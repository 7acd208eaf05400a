/**
 * What reading cannot catch, checked before a report's figures land: a span from January below
 * a shorter one (an 11-month total under the 9-month one), a month above its own span from
 * January, a growth whose sign disagrees with the two levels it compares. Each figure is checked
 * against the other figures of the same report first, then against the store.
 */
import type { Period } from '../domain/period.js';
import { formatNumber, periodText } from '../answer/format.js';
import { msg } from '../messages.js';
import type { Fact } from '../store/schema.js';
import type { FactSource } from '../storage/storage.js';

/** The store as the checks see it: one figure by place, indicator and period. */
export type FigureLookup = (place: string, indicator: string, period: Period) => Fact | undefined;

/** Below this relative gap two levels are the same figure rounded: no sign to disagree with. */
const ROUNDING = 0.005;

function lookupOf(report: readonly Fact[], store: FigureLookup): FigureLookup {
  return (place, indicator, period) =>
    report.find(
      (f) =>
        f.kind === 'actual' &&
        f.place === place &&
        f.indicator === indicator &&
        JSON.stringify(f.period) === JSON.stringify(period),
    ) ?? store(place, indicator, period);
}

const level = (f: Fact) => `${formatNumber(f.value!)} ${f.unit}`;

/** The months from January a period spans, when it is such a span (a year, the first quarter). */
function spanMonths(p: Period): number | null {
  if (p.type === 'ytd') return p.month;
  if (p.type === 'year') return 12;
  return p.type === 'quarter' && p.quarter === 1 ? 3 : null;
}

/** The stored or stated span from January through `month`, in any of its forms. */
function spanOf(find: FigureLookup, f: Fact, year: number, month: number): Fact | undefined {
  const forms: Period[] =
    month === 12
      ? [{ type: 'year', year }]
      : month === 3
        ? [
            { type: 'ytd', year, month },
            { type: 'quarter', year, quarter: 1 },
          ]
        : month === 1
          ? [{ type: 'month', year, month }]
          : [{ type: 'ytd', year, month }];
  for (const p of forms) {
    const hit = find(f.place, f.indicator, p);
    if (hit?.value != null && hit !== f) return hit;
  }
  return undefined;
}

/** "11 tháng 2025 = 100 < 9 tháng 2025 = 120": a span shorter than another but larger. */
function spanFlags(f: Fact, find: FigureLookup): string[] {
  const months = spanMonths(f.period);
  if (f.value === null || months === null) return [];
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const other = m === months ? undefined : spanOf(find, f, f.period.year, m);
    if (!other || (m < months ? other.value! <= f.value : other.value! >= f.value)) continue;
    out.push(msg('check_span_order', { span: periodText(other.period), other: level(other) }));
  }
  return out;
}

/** A month above the span from January that ends with it, or a span below its last month. */
function monthFlags(f: Fact, find: FigureLookup): string[] {
  if (f.value === null) return [];
  if (f.period.type === 'month' && f.period.month > 1) {
    const own = spanOf(find, f, f.period.year, f.period.month);
    if (own && own.value! < f.value)
      return [msg('check_month_above_span', { span: periodText(own.period), other: level(own) })];
  }
  const months = spanMonths(f.period);
  if (!months || months === 1) return [];
  const last = find(f.place, f.indicator, { type: 'month', year: f.period.year, month: months });
  if (last?.value == null || last.value <= f.value) return [];
  return [msg('check_span_below_month', { month: periodText(last.period), other: level(last) })];
}

function earlier(p: Period, measure: 'yoy' | 'mom'): Period | null {
  if (measure === 'yoy') return { ...p, year: p.year - 1 } as Period;
  if (p.type === 'month')
    return p.month === 1
      ? { type: 'month', year: p.year - 1, month: 12 }
      : { ...p, month: p.month - 1 };
  if (p.type === 'quarter')
    return p.quarter === 1
      ? { type: 'quarter', year: p.year - 1, quarter: 4 }
      : { ...p, quarter: p.quarter - 1 };
  return null;
}

/** "tăng 5%" while the level is below the one it is compared with. */
function signFlags(f: Fact, find: FigureLookup): string[] {
  if (f.value === null) return [];
  const out: string[] = [];
  for (const [measure, pct] of [
    ['yoy', f.yoy_pct],
    ['mom', f.mom_pct],
  ] as const) {
    const p = pct === null ? null : earlier(f.period, measure);
    const before = p ? find(f.place, f.indicator, p) : undefined;
    if (!before?.value || pct === null || pct === 0) continue;
    const gap = (f.value - before.value) / before.value;
    if (Math.abs(gap) > ROUNDING && Math.sign(gap) !== Math.sign(pct))
      out.push(
        msg('check_sign', {
          pct: formatNumber(pct),
          period: periodText(before.period),
          other: level(before),
        }),
      );
  }
  return out;
}

/** For each figure of a report, the contradictions found (none: an empty list). */
export function consistencyFlags(report: readonly Fact[], store: FigureLookup): string[][] {
  const find = lookupOf(report, store);
  return report.map((f) =>
    f.kind === 'actual'
      ? [...spanFlags(f, find), ...monthFlags(f, find), ...signFlags(f, find)]
      : [],
  );
}

/**
 * The flags against the stored series of the report's places: read whole for those places (the
 * files hold everything; on a large PostgreSQL store the question digest would miss them).
 */
export async function storeFlags(store: FactSource, report: readonly Fact[]): Promise<string[][]> {
  const index = await store.indexForPlaces([...new Set(report.map((f) => f.place))]);
  return consistencyFlags(report, (p, ind, per) => index.get(p, ind, per));
}
