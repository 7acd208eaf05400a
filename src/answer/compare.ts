/**
 * Side-by-side figures for two or more places, saying so when their periods differ. Against
 * the whole country, a province's share is computed from two stated figures of the same
 * period and labelled as computed.
 */
import { type Period, type PeriodQuery, periodEnd, samePeriod } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { shortFigure, sourcesLine } from './figure.js';
import { bold, escapeHtml, italic } from './format.js';
import { mergerNote } from './lookup.js';
import { type ChartSpec, chartSource, type Reply, reply } from './reply.js';
import { nearestPeriods, resolve, seriesFor } from './resolve.js';
import { type Words, wordsOf } from './words.js';

interface Row {
  readonly place: string;
  readonly fact: Fact | null;
  readonly note: string | null;
}
type Found = Row & { readonly fact: Fact };

/** With no period asked: the latest period that every place has, if any. */
function commonPeriod(q: Query, idx: FactIndex, indicator: string): Period | null {
  const sets = q.places.map((p) =>
    seriesFor(idx, p, indicator, q.scope).series.map((f) => f.period),
  );
  if (sets.some((s) => !s.length)) return null;
  const shared = sets[0]!.filter((p) => sets.every((s) => s.some((x) => samePeriod(p, x))));
  return shared.sort((a, b) => periodEnd(b) - periodEnd(a))[0] ?? null;
}

function rowFor(
  w: Words,
  q: Query,
  idx: FactIndex,
  asked: string,
  period: Period | PeriodQuery | null,
): Row {
  const r = resolve(idx, asked, q.indicator!, period, q.scope);
  // with no shared period, a cumulative figure (from January) compares better than a single month
  const fact =
    r.facts.find((f) => f.value !== null && f.period.type !== 'month') ??
    r.facts.find((f) => f.value !== null) ??
    r.facts[0] ??
    null;
  const note = r.mergedFrom ? mergerNote(w, r.mergedFrom, r.place) : null;
  return { place: r.place, fact, note };
}

/** The latest periods a place has for the indicator: offered when the one asked is missing. */
function heldPeriods(w: Words, idx: FactIndex, place: string, indicator: string): string {
  const held = nearestPeriods(idx, place, indicator, null, 3).map(w.period);
  return held.length ? w.t('row_held', { periods: held.join('; ') }) : '';
}

function rowLine(
  w: Words,
  row: Row,
  idx: FactIndex,
  period: Period | PeriodQuery | null,
  indicator: string,
): string {
  const name = bold(w.place(row.place));
  if (!row.fact) {
    const missing = w.t(period ? 'row_missing' : 'row_missing_any', {
      period: period ? w.period(period) : '',
      held: heldPeriods(w, idx, row.place, indicator),
    });
    return `• ${name}: ${escapeHtml(missing)}`;
  }
  const warning = idx.warning(row.fact) ? ` ⚠️ ${escapeHtml(w.t('unit_warning_title'))}` : '';
  return `• ${name} (${escapeHtml(w.period(row.fact.period))}): ${escapeHtml(shortFigure(w, row.fact))}${warning}`;
}

/** "Kiên Giang gấp 1,5 lần Hải Phòng", or a province's share of the whole country. */
function relationLine(w: Words, found: readonly Found[], idx: FactIndex): string | null {
  if (found.length !== 2 || found.some((r) => r.fact.value === null || r.fact.value <= 0))
    return null;
  const [a, b] = found as [Found, Found];
  const national = [a, b].find((r) => idx.catalogue.isNational(r.place));
  if (national) {
    const province = national === a ? b : a;
    const share = (province.fact.value! / national.fact.value!) * 100;
    const said = w.t('national_share', {
      place: w.place(province.place),
      share: w.number(Math.round(share * 100) / 100),
      indicator: w.indicatorNoun(province.fact.indicator),
    });
    return escapeHtml(said);
  }
  const [big, small] = a.fact.value! >= b.fact.value! ? [a, b] : [b, a];
  const ratio = Math.round((big.fact.value! / small.fact.value!) * 100) / 100;
  const names = { big: w.place(big.place), small: w.place(small.place) };
  return escapeHtml(w.t('times_larger', { ...names, ratio: w.number(ratio) }));
}

function compareChart(
  w: Words,
  found: readonly Found[],
  indicator: string,
  idx: FactIndex,
): ChartSpec | null {
  const values = found.filter((r) => r.fact.value !== null || r.fact.yoy_pct !== null);
  if (values.length < 2) return null;
  const useGrowth = found.some((r) => r.fact.value === null);
  const first = values[0]!.fact.period;
  // the period in the title when shared; otherwise each bar says its own
  const when = values.every((r) => samePeriod(r.fact.period, first))
    ? w.period(first)
    : w.t('each_own_period');
  const growth = useGrowth ? ` ${w.t('chart_growth_mark')}` : '';
  return {
    source: chartSource(
      w,
      values.map((r) => r.fact),
    ),
    kind: 'bar',
    lang: w.lang,
    title: `${w.indicator(indicator)}${growth}, ${when}`,
    unit: useGrowth ? '%' : w.unit(idx.catalogue.indicator(indicator).unit),
    series: [
      {
        name: w.indicator(indicator),
        points: values.map((r) => ({
          label: `${w.place(r.place)} (${w.period(r.fact.period)})`,
          value: useGrowth ? (r.fact.yoy_pct ?? 0) : r.fact.value!,
        })),
      },
    ],
  };
}

/** "bên nào nhiều hơn?": the answer in one line, or why it cannot be told. */
function whichMoreLine(w: Words, rows: readonly Row[], samePeriods: boolean): string {
  const missing = rows.find((r) => !r.fact);
  if (missing) return w.t('which_more_missing', { place: w.place(missing.place) });
  if (!samePeriods) return w.t('which_more_periods');
  const found = rows as readonly Found[];
  const byValue = found.every((r) => r.fact.value !== null);
  const score = (r: Found) => (byValue ? r.fact.value : r.fact.yoy_pct);
  if (found.some((r) => score(r) === null)) return w.t('which_more_periods');
  const sorted = [...found].sort((a, b) => score(b)! - score(a)!);
  const [top, next] = [sorted[0]!, sorted[1]!];
  const values = { top: shortFigure(w, top.fact), next: shortFigure(w, next.fact) };
  const key = byValue ? 'which_more_higher' : 'which_more_growth';
  return w.t(key, { place: w.place(top.place), other: w.place(next.place), ...values });
}

export function compareReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const period = q.period ?? commonPeriod(q, idx, indicator);
  const own = q.periodsByPlace;
  const rows = q.places.map((asked, i) => rowFor(w, q, idx, asked, own?.[i] ?? period));
  const sameSpan = !own && period && period.year !== null;
  const heading = w.t('compare_title', { indicator: w.indicatorNoun(indicator) });
  const lines = [bold(`${heading}${sameSpan ? `, ${w.period(period)}` : ''}`)];
  rows.forEach((row, i) => {
    if (row.note) lines.push(escapeHtml(row.note));
    // a place missing its own period says which one it lacks
    lines.push(rowLine(w, row, idx, own?.[i] ?? period, indicator));
  });
  const found = rows.filter((r): r is Found => r.fact !== null);
  const samePeriods =
    found.length >= 2 && found.every((r) => samePeriod(r.fact.period, found[0]!.fact.period));
  if (q.whichMore) lines.unshift(`👉 ${escapeHtml(whichMoreLine(w, rows, samePeriods))}`);
  if (found.length >= 2 && !samePeriods) lines.push(italic(w.t('different_periods')));
  const relation = samePeriods ? relationLine(w, found, idx) : null;
  if (relation) lines.push(relation);
  const sources = sourcesLine(
    w,
    found.map((r) => r.fact),
  );
  if (sources) lines.push(sources);
  return reply(lines, {
    period: period && period.year !== null ? period : null,
    chart: compareChart(w, found, indicator, idx),
  });
}
