/**
 * Ranks places on one indicator for one period: the same period for every place (a month is
 * never ranked against a cumulative figure, a target never as a result), saying how many of
 * the 63 (or, after the merger, 34) units have it.
 */
import { type Period, periodEnd, periodKey, withYear } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { shortFigure } from './figure.js';
import { bold, escapeHtml, italic } from './format.js';
import { type ChartSpec, chartSource, type Reply, reply } from './reply.js';
import { sameSpans } from './resolve.js';
import { type Words, wordsOf } from './words.js';

/** Per period key: the chosen figure of every province (national unit apart). */
function byPeriod(idx: FactIndex, indicator: string): Map<string, Fact[]> {
  return idx.memo(`rank:${indicator}`, () => groupByPeriod(idx, indicator));
}

function groupByPeriod(idx: FactIndex, indicator: string): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const f of idx.forIndicator(indicator)) {
    if (idx.catalogue.isNational(f.place)) continue;
    const k = spanKey(f.period);
    out.set(k, [...(out.get(k) ?? []), f]);
  }
  return out;
}

/**
 * The asked period; with its year open, the latest year most places have; with none, the best
 * covered.
 */
function pickPool(
  q: Query,
  idx: FactIndex,
  indicator: string,
): { period: Period | null; pool: Fact[] } {
  const groups = byPeriod(idx, indicator);
  if (q.period && q.period.year !== null) {
    const period = withYear(q.period, q.period.year);
    return { period, pool: groups.get(spanKey(period)) ?? [] };
  }
  const asked = q.period;
  // the groups best covered first (most places, then the latest), once per indicator
  const ordered = idx.memo(`rank-order:${indicator}`, () =>
    [...groups.values()].sort(
      (a, b) => b.length - a.length || periodEnd(b[0]!.period) - periodEnd(a[0]!.period),
    ),
  );
  const best = ordered.find(
    (list) => !asked || shapeOf(list[0]!.period) === shapeOf({ ...asked, year: 0 } as Period),
  );
  if (!best) return { period: null, pool: [] };
  return { period: best[0]!.period, pool: best };
}

const shapeOf = (p: Period) => spanKey({ ...p, year: 0 } as Period);

/** One key for one span ("quý I" and "3 tháng đầu năm" rank together). */
const spanKey = (p: Period) =>
  periodKey(sameSpans(p).at(-1)!.type === 'quarter' ? sameSpans(p).at(-1)! : sameSpans(p)[0]!);

function rankChart(
  w: Words,
  head: string,
  unit: string,
  shown: readonly { f: Fact; score: number }[],
): ChartSpec | null {
  if (shown.length < 2) return null;
  return {
    source: chartSource(
      w,
      shown.map((x) => x.f),
    ),
    kind: 'bar',
    title: head,
    unit,
    series: [
      { name: head, points: shown.map((x) => ({ label: w.place(x.f.place), value: x.score })) },
    ],
  };
}

export function rankReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const { period, pool } = pickPool(q, idx, indicator);
  const withValue = pool.filter((f) => f.value !== null);
  const byValue = withValue.length > 0 && withValue.length >= pool.length - withValue.length;
  const score = (f: Fact) => (byValue ? f.value : f.yoy_pct);
  const ranked = pool
    .filter((f) => score(f) !== null)
    .map((f) => ({ f, score: score(f)! }))
    .sort((a, b) => (q.rankOrder === 'asc' ? a.score - b.score : b.score - a.score));
  const order = q.rankOrder === 'asc' ? ` ${w.t('rank_lowest_first')}` : '';
  const head = `${w.t('rank_title', { indicator: w.indicatorNoun(indicator) })}${period ? `, ${w.period(period)}` : ''}${byValue ? '' : ` ${w.t('rank_by_growth')}`}${order}`;
  if (!ranked.length) return noRankReply(w, q, idx, period, head);
  const shown = q.rankLimit && q.rankLimit > 0 ? ranked.slice(0, q.rankLimit) : ranked;
  const lines = [bold(head), ...positionLine(w, q, idx, ranked, period)];
  const warning = ` ⚠️ ${escapeHtml(w.t('unit_warning_title'))}`;
  shown.forEach(({ f }, i) => {
    const figure = escapeHtml(shortFigure(w, f));
    lines.push(`${i + 1}. ${bold(w.place(f.place))}: ${figure}${idx.warning(f) ? warning : ''}`);
  });
  if (shown.length < ranked.length)
    lines.push(italic(w.t('rank_shown', { shown: shown.length, of: ranked.length })));
  const unranked = pool.filter((f) => score(f) === null);
  if (unranked.length) {
    const list = unranked.map((f) => `${w.place(f.place)} ${shortFigure(w, f)}`).join('; ');
    lines.push(escapeHtml(w.t('rank_unranked', { list })));
  }
  lines.push(coverageLine(w, idx, period, ranked.length));
  if (ranked.length < 3) lines.push(...otherPeriodsLines(w, idx, indicator, period));
  const unit = byValue ? w.unit(idx.catalogue.indicator(indicator).unit) : '%';
  return reply(lines, { period, chart: rankChart(w, head, unit, shown) });
}

/** "Hải Phòng đứng thứ mấy": the place's own position first, or that it is not in the table. */
function positionLine(
  w: Words,
  q: Query,
  idx: FactIndex,
  ranked: readonly { f: Fact }[],
  period: Period | null,
): string[] {
  const asked = q.places[0];
  if (q.places.length !== 1 || !asked) return [];
  const unit = idx.catalogue.unitFor(asked, period).place;
  const at = ranked.findIndex(({ f }) => f.place === asked || f.place === unit);
  const when = period ? w.period(period) : '';
  return [
    escapeHtml(
      at >= 0
        ? w.t('rank_position', {
            place: w.place(ranked[at]!.f.place),
            n: at + 1,
            of: ranked.length,
            when,
          })
        : w.t('rank_absent', { place: w.place(asked), when }),
    ),
  ];
}

function coverageLine(w: Words, idx: FactIndex, period: Period | null, n: number): string {
  const cat = idx.catalogue;
  const after = period ? cat.isAfterMerger(period) : false;
  const said = w.t(period ? 'rank_coverage' : 'rank_coverage_any', {
    n,
    total: cat.unitsFor(period).length,
    merger: after ? w.t('rank_after_merger', { date: w.mergerDate() }) : '',
    period: period ? w.period(period) : '',
  });
  return italic(said);
}

/** "(12 nơi)": each period a ranking could be made for, with how many places it has. */
const periodsWithCounts = (w: Words, groups: readonly Fact[][]) =>
  groups.map((g) => `${w.period(g[0]!.period)} ${w.t('places_count', { n: g.length })}`).join('; ');

function noRankReply(
  w: Words,
  q: Query,
  idx: FactIndex,
  period: Period | null,
  head: string,
): Reply {
  const indicator = q.indicator!;
  const groups = [...byPeriod(idx, indicator).values()]
    .filter((list) => list.length >= 2)
    .sort((a, b) => periodEnd(b[0]!.period) - periodEnd(a[0]!.period))
    .slice(0, 4);
  const none = period ? w.t('rank_none', { period: w.period(period) }) : w.t('rank_none_any');
  const lines = [bold(head), escapeHtml(none)];
  if (groups.length) {
    const periods = periodsWithCounts(w, groups);
    lines.push(escapeHtml(w.t('rank_possible', { indicator: w.indicator(indicator), periods })));
  }
  const steps = groups.slice(0, 2).map((g) => ({
    label: w.period(g[0]!.period),
    question: w.question(q.rankOrder === 'asc' ? 'ask_rank_lowest' : 'ask_rank', {
      indicator,
      period: g[0]!.period,
    }),
  }));
  return reply(lines, { period, nextSteps: steps });
}

/** When a ranking covers few places: the periods that have more, so nothing is mixed silently. */
function otherPeriodsLines(
  w: Words,
  idx: FactIndex,
  indicator: string,
  period: Period | null,
): string[] {
  const others = [...byPeriod(idx, indicator).values()]
    .filter((list) => !period || spanKey(list[0]!.period) !== spanKey(period))
    .sort((a, b) => b.length - a.length || periodEnd(b[0]!.period) - periodEnd(a[0]!.period))
    .slice(0, 4);
  if (!others.length) return [];
  return [italic(w.t('rank_other_periods', { periods: periodsWithCounts(w, others) }))];
}
