/** Ranks places on one indicator over what the store holds, saying how many it covers. */
import { type Period, isAfterMerger, periodKey, samePeriod, withYear } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { lexicon } from '../understand/lexicon.js';
import { shortFigure } from './figure.js';
import {
  bold,
  escapeHtml,
  indicatorName,
  italic,
  periodText,
  placeName,
  indicatorNoun,
} from './format.js';
import { type Reply, reply } from './reply.js';

function latestPerPlace(facts: readonly Fact[]): Fact[] {
  const m = new Map<string, Fact>();
  for (const f of facts) m.set(f.place, f); // facts are sorted oldest period first
  return [...m.values()];
}

export function rankReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const all = idx.forIndicator(indicator).filter((f) => f.place !== 'ca-nuoc');
  const period: Period | null =
    q.period && q.period.year !== null ? withYear(q.period, q.period.year) : null;
  let pool = period ? all.filter((f) => samePeriod(f.period, period)) : [];
  let mixed = false;
  if (period && pool.length < 2 && period.type === 'year') {
    // "2020": every place's latest figure within that year
    const inYear = latestPerPlace(all.filter((f) => f.period.year === period.year));
    if (inYear.length > pool.length) {
      pool = inYear;
      mixed = true;
    }
  }
  if (!period) {
    pool = latestPerPlace(all);
    mixed = true;
  }
  const withValue = pool.filter((f) => f.value !== null);
  const byValue = withValue.length >= Math.max(1, pool.length - withValue.length);
  const growthOnly = byValue ? pool.filter((f) => f.value === null) : [];
  const score = (f: Fact) =>
    (byValue ? f.value : (f.yoy_pct ?? f.value)) ?? Number.NEGATIVE_INFINITY;
  const ranked = pool
    .filter((f) => score(f) !== Number.NEGATIVE_INFINITY)
    .sort((a, b) => (q.rankOrder === 'asc' ? score(a) - score(b) : score(b) - score(a)));
  const head = `Xếp hạng ${indicatorNoun(indicator)}${period ? `, ${periodText(period)}` : ''}${byValue ? '' : ' (theo tốc độ tăng so với cùng kỳ)'}`;
  if (!ranked.length) {
    const have = [...new Set(all.map((f) => f.place))].map(placeName);
    return reply(
      [
        bold(head),
        `Chưa có số liệu${period ? ` ${escapeHtml(periodText(period))}` : ''} để xếp hạng.`,
        have.length
          ? escapeHtml(`Chỉ tiêu này có số liệu của: ${have.join(', ')} (các kỳ khác).`)
          : '',
      ],
      { period },
    );
  }
  const lines = [bold(head)];
  const shown = q.rankLimit && q.rankLimit > 0 ? ranked.slice(0, q.rankLimit) : ranked;
  shown.forEach((f, i) => {
    const warn = idx.warning(f);
    lines.push(
      `${i + 1}. ${bold(placeName(f.place))}${mixed ? ` (${escapeHtml(periodText(f.period))})` : ''}: ${escapeHtml(shortFigure(f))}${warn ? ` ⚠️ ${escapeHtml(warn)}` : ''}`,
    );
  });
  if (shown.length < ranked.length)
    lines.push(italic(`(Hiển thị ${shown.length} trong ${ranked.length} địa phương có số liệu.)`));
  if (growthOnly.length)
    lines.push(
      escapeHtml(
        `Không xếp hạng (nguồn chỉ nêu tốc độ tăng): ${growthOnly.map((f) => `${placeName(f.place)} ${shortFigure(f)}`).join('; ')}.`,
      ),
    );
  const after = period ? isAfterMerger(period) : false;
  const total = [...lexicon().places.values()].filter(
    (p) => !p.national && (after ? p.era === 'both' : true),
  ).length;
  lines.push(
    italic(
      `Bảng xếp hạng chỉ gồm ${ranked.length} trên ${total} tỉnh, thành phố${after ? ' (sau sáp nhập 01/07/2025)' : ''}: những nơi có số liệu trong kho.`,
    ),
  );
  if (mixed && new Set(ranked.map((f) => periodKey(f.period))).size > 1)
    lines.push(italic('Lưu ý: số liệu thuộc các kỳ khác nhau, chỉ mang tính tham khảo.'));
  const unit = lexicon().indicators.get(indicator)!.unit;
  const chart =
    shown.length >= 2
      ? {
          kind: 'bar' as const,
          title: head,
          unit: byValue ? unit : '%',
          series: [
            {
              name: indicatorName(indicator),
              points: shown.map((f) => ({ label: placeName(f.place), value: score(f) })),
            },
          ],
        }
      : null;
  return reply(lines, { period, chart });
}
