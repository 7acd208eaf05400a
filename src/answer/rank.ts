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

type Measure = Query['rankBy'];

/** The number a place is ranked by; for a level, the index's growth when no level is stated. */
function scoreOf(f: Fact, measure: Measure): number | null {
  if (measure === 'yoy') return f.yoy_pct;
  if (measure === 'mom') return f.mom_pct;
  if (measure === 'plan') return f.plan_pct;
  return f.value ?? f.yoy_pct;
}

/**
 * With no period asked, the latest year that several places have, and in it the period most
 * places have (a ranking of 2021 with every place falling is no answer in 2026).
 */
function bestCovered(groups: readonly Fact[][], measure: Measure): Fact[] | undefined {
  const covered = (list: readonly Fact[]) =>
    list.filter((f) => scoreOf(f, measure) !== null).length;
  const widest = Math.max(0, ...groups.map(covered));
  const enough = groups.filter((g) => covered(g) >= Math.min(3, widest) && covered(g) > 0);
  const latestYear = Math.max(...enough.map((g) => g[0]!.period.year));
  return enough
    .filter((g) => g[0]!.period.year === latestYear)
    .sort(
      (a, b) => covered(b) - covered(a) || periodEnd(b[0]!.period) - periodEnd(a[0]!.period),
    )[0];
}

/**
 * The asked period; with its year open, the latest year most places have; with none, the best
 * covered (see bestCovered).
 */
function pickPool(
  q: Query,
  idx: FactIndex,
  indicator: string,
): { period: Period | null; pool: Fact[]; chosen: boolean } {
  const groups = byPeriod(idx, indicator);
  if (q.period && q.period.year !== null) {
    const period = withYear(q.period, q.period.year);
    return { period, pool: groups.get(spanKey(period)) ?? [], chosen: false };
  }
  const asked = q.period;
  const shaped = [...groups.values()].filter(
    (list) => !asked || shapeOf(list[0]!.period) === shapeOf({ ...asked, year: 0 } as Period),
  );
  const best = bestCovered(shaped, q.rankBy);
  if (!best) return { period: null, pool: [], chosen: false };
  return { period: best[0]!.period, pool: best, chosen: true };
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
    lang: w.lang,
    title: head,
    unit,
    series: [
      { name: head, points: shown.map((x) => ({ label: w.place(x.f.place), value: x.score })) },
    ],
  };
}

const BY_MEASURE = { yoy: 'rank_by_growth', mom: 'rank_by_mom', plan: 'rank_by_plan' } as const;

export function rankReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const { period, pool, chosen } = pickPool(q, idx, indicator);
  const withValue = pool.filter((f) => f.value !== null);
  const byValue =
    q.rankBy === 'level' &&
    withValue.length > 0 &&
    withValue.length >= pool.length - withValue.length;
  const measure: Measure = byValue ? 'level' : q.rankBy === 'level' ? 'yoy' : q.rankBy;
  const score = (f: Fact) => scoreOf(f, measure);
  const ranked = pool
    .filter((f) => score(f) !== null)
    .map((f) => ({ f, score: score(f)! }))
    .sort((a, b) => (q.rankOrder === 'asc' ? a.score - b.score : b.score - a.score));
  const order = q.rankOrder === 'asc' ? ` ${w.t('rank_lowest_first')}` : '';
  const by = measure === 'level' ? '' : ` ${w.t(BY_MEASURE[measure])}`;
  const head = `${w.t('rank_title', { indicator: w.indicatorNoun(indicator) })}${period ? `, ${w.period(period)}` : ''}${by}${order}`;
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
    // by level, what is left out states only a change; by a change, only a level
    const why = measure === 'level' ? 'rank_unranked' : 'rank_unranked_no_change';
    lines.push(escapeHtml(w.t(why, { list })));
  }
  lines.push(coverageLine(w, idx, period, ranked.length));
  if (chosen && period)
    lines.push(
      italic(w.t('rank_period_chosen', { period: w.period(period), count: ranked.length })),
    );
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
