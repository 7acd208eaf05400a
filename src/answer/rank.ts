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
import {
  bold,
  escapeHtml,
  indicatorName,
  indicatorNoun,
  italic,
  periodText,
  placeName,
} from './format.js';
import { type ChartSpec, chartSource, type Reply, reply } from './reply.js';
import { msg } from '../messages.js';
import { sameSpans } from './resolve.js';

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
  head: string,
  unit: string,
  shown: readonly { f: Fact; score: number }[],
): ChartSpec | null {
  if (shown.length < 2) return null;
  return {
    source: chartSource(shown.map((x) => x.f)),
    kind: 'bar',
    title: head,
    unit,
    series: [
      { name: head, points: shown.map((x) => ({ label: placeName(x.f.place), value: x.score })) },
    ],
  };
}

export function rankReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const { period, pool } = pickPool(q, idx, indicator);
  const withValue = pool.filter((f) => f.value !== null);
  const byValue = withValue.length > 0 && withValue.length >= pool.length - withValue.length;
  const score = (f: Fact) => (byValue ? f.value : f.yoy_pct);
  const ranked = pool
    .filter((f) => score(f) !== null)
    .map((f) => ({ f, score: score(f)! }))
    .sort((a, b) => (q.rankOrder === 'asc' ? a.score - b.score : b.score - a.score));
  const head = `Xếp hạng ${indicatorNoun(indicator)}${period ? `, ${periodText(period)}` : ''}${byValue ? '' : ' (theo tốc độ tăng so với cùng kỳ)'}`;
  if (!ranked.length) return noRankReply(q, idx, indicator, period, head);
  const shown = q.rankLimit && q.rankLimit > 0 ? ranked.slice(0, q.rankLimit) : ranked;
  const lines = [bold(head), ...positionLine(q, idx, ranked, period)];
  shown.forEach(({ f }, i) => {
    const warn = idx.warning(f);
    lines.push(
      `${i + 1}. ${bold(placeName(f.place))}: ${escapeHtml(shortFigure(f))}${warn ? ` ⚠️ ${escapeHtml(warn)}` : ''}`,
    );
  });
  if (shown.length < ranked.length)
    lines.push(italic(`(Hiển thị ${shown.length} trong ${ranked.length} địa phương có số liệu.)`));
  const unranked = pool.filter((f) => score(f) === null);
  if (unranked.length)
    lines.push(
      escapeHtml(
        `Không xếp hạng (nguồn chỉ nêu tốc độ tăng): ${unranked.map((f) => `${placeName(f.place)} ${shortFigure(f)}`).join('; ')}.`,
      ),
    );
  lines.push(coverageLine(idx, period, ranked.length));
  if (ranked.length < 3) lines.push(...otherPeriodsLines(idx, indicator, period));
  const unit = byValue ? idx.catalogue.indicator(indicator).unit : '%';
  return reply(lines, { period, chart: rankChart(head, unit, shown) });
}

/** "Hải Phòng đứng thứ mấy": the place's own position first, or that it is not in the table. */
function positionLine(
  q: Query,
  idx: FactIndex,
  ranked: readonly { f: Fact }[],
  period: Period | null,
): string[] {
  const asked = q.places[0];
  if (q.places.length !== 1 || !asked) return [];
  const unit = idx.catalogue.unitFor(asked, period).place;
  const at = ranked.findIndex(({ f }) => f.place === asked || f.place === unit);
  const when = period ? periodText(period) : '';
  return [
    escapeHtml(
      at >= 0
        ? msg('rank_position', {
            place: placeName(ranked[at]!.f.place),
            n: at + 1,
            of: ranked.length,
            when,
          })
        : msg('rank_absent', { place: placeName(asked), when }),
    ),
  ];
}

function coverageLine(idx: FactIndex, period: Period | null, n: number): string {
  const cat = idx.catalogue;
  const after = period ? cat.isAfterMerger(period) : false;
  const total = cat.unitsFor(period).length;
  return italic(
    `Bảng xếp hạng gồm ${n} trên ${total} tỉnh, thành phố${after ? ` (sau sáp nhập ${cat.mergerLabel})` : ''} có số liệu ${period ? periodText(period) : ''} trong kho; cùng một kỳ cho mọi nơi.`.replace(
      '  ',
      ' ',
    ),
  );
}

function noRankReply(
  q: Query,
  idx: FactIndex,
  indicator: string,
  period: Period | null,
  head: string,
): Reply {
  const groups = [...byPeriod(idx, indicator).values()]
    .filter((list) => list.length >= 2)
    .sort((a, b) => periodEnd(b[0]!.period) - periodEnd(a[0]!.period))
    .slice(0, 4);
  const short = idx.catalogue.indicator(indicator).short;
  const lines = [
    bold(head),
    `Chưa có số liệu${period ? ` ${escapeHtml(periodText(period))}` : ''} của các tỉnh, thành phố để xếp hạng.`,
  ];
  if (groups.length)
    lines.push(
      escapeHtml(
        `Có thể xếp hạng ${indicatorName(indicator)} cho: ${groups.map((g) => `${periodText(g[0]!.period)} (${g.length} nơi)`).join('; ')}.`,
      ),
    );
  const steps = groups.slice(0, 2).map((g) => ({
    label: periodText(g[0]!.period),
    question: `xếp hạng ${short} ${periodText(g[0]!.period)}${q.rankOrder === 'asc' ? ' thấp nhất' : ''}`,
  }));
  return reply(lines, { period, nextSteps: steps });
}

/** When a ranking covers few places: the periods that have more, so nothing is mixed silently. */
function otherPeriodsLines(idx: FactIndex, indicator: string, period: Period | null): string[] {
  const others = [...byPeriod(idx, indicator).values()]
    .filter((list) => !period || spanKey(list[0]!.period) !== spanKey(period))
    .sort((a, b) => b.length - a.length || periodEnd(b[0]!.period) - periodEnd(a[0]!.period))
    .slice(0, 4);
  if (!others.length) return [];
  const text = others.map((g) => `${periodText(g[0]!.period)} (${g.length} nơi)`).join('; ');
  return [italic(`Kỳ khác có số liệu: ${text}.`)];
}
