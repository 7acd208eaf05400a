/** Replies to a question about one figure (or, with no indicator, a place's overview). */
import { type Period, type PeriodQuery, isAfterMerger } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Query } from '../understand/query.js';
import { figureBlock, shortFigure } from './figure.js';
import { bold, escapeHtml, indicatorName, periodText, placeName, indicatorNoun } from './format.js';
import { type NextStep, type Reply, reply } from './reply.js';
import { nearestPeriods, resolve } from './resolve.js';
import { lexicon } from '../understand/lexicon.js';

export function mergerNote(from: string, into: string): string {
  return `ℹ️ Từ 01/07/2025, ${placeName(from)} đã hợp nhất vào ${placeName(into)} (mới); số liệu từ kỳ này là của ${placeName(into)} (mới).`;
}

function title(indicator: string, place: string, period: Period | PeriodQuery | null): string {
  return `${indicatorName(indicator)} – ${placeName(place)}${period ? `, ${periodText(period)}` : ''}`;
}

export function nextStepsFor(
  idx: FactIndex,
  indicator: string,
  place: string,
  period: Period | null,
): NextStep[] {
  const ind = lexicon().indicators.get(indicator)!;
  const name = placeName(place);
  const steps: NextStep[] = [];
  if (idx.series(place, indicator).length > 1)
    steps.push({ label: '📈 Xem biểu đồ', question: `biểu đồ ${ind.short} ${name}` });
  if (period && (period.type === 'month' || period.type === 'ytd')) {
    const other =
      period.type === 'month'
        ? { type: 'ytd' as const, year: period.year, month: period.month }
        : { type: 'month' as const, year: period.year, month: period.month };
    if (idx.get(place, indicator, other))
      steps.push({
        label:
          period.type === 'month' ? `Lũy kế ${period.month} tháng` : `Riêng tháng ${period.month}`,
        question: `${ind.short} ${name} ${periodText(other)}`,
      });
  }
  const peer = idx.placesWith(indicator).find((p) => p !== place && p !== 'ca-nuoc');
  if (peer)
    steps.push({
      label: `So với ${placeName(peer)}`,
      question: `so sánh ${ind.short} ${name} và ${placeName(peer)}`,
    });
  steps.push({ label: '🔔 Đăng ký nhận tin', question: `đăng ký nhận tin ${ind.short} ${name}` });
  return steps;
}

export function noPlaceReply(idx: FactIndex, indicator: string): Reply {
  const places = idx.placesWith(indicator).map(placeName);
  return reply(
    [
      `Bạn muốn xem ${escapeHtml(indicatorNoun(indicator))} của tỉnh, thành phố nào?`,
      places.length
        ? `Đang có số liệu của: ${escapeHtml(places.join(', '))}.`
        : 'Kho dữ liệu chưa có số liệu nào của chỉ tiêu này.',
    ],
    {
      nextSteps: idx
        .placesWith(indicator)
        .slice(0, 3)
        .map((p) => ({
          label: placeName(p),
          question: `${lexicon().indicators.get(indicator)!.short} ${placeName(p)}`,
        })),
    },
  );
}

/** A place with no indicator: its latest figures, one line each. */
export function overview(idx: FactIndex, place: string): Reply {
  const facts = idx.forPlace(place);
  if (!facts.length) {
    const withData = idx.allPlaces().map(placeName);
    return reply([
      `Chưa có số liệu nào của ${escapeHtml(placeName(place))} trong kho dữ liệu.`,
      `Đang có số liệu của: ${escapeHtml(withData.join(', '))}.`,
    ]);
  }
  const latestByIndicator = new Map<string, (typeof facts)[number]>();
  for (const f of facts) latestByIndicator.set(f.indicator, f);
  const lines = [bold(`Số liệu mới nhất của ${placeName(place)}`)];
  for (const f of latestByIndicator.values())
    lines.push(
      `• ${escapeHtml(`${indicatorName(f.indicator)} (${periodText(f.period)}): ${shortFigure(f)}`)}`,
    );
  lines.push(
    'Hỏi chi tiết một chỉ tiêu, ví dụ: ' +
      escapeHtml(
        `“${lexicon().indicators.get([...latestByIndicator.keys()][0]!)!.short} ${placeName(place)}”`,
      ),
  );
  return reply(lines);
}

export function lookupReply(q: Query, idx: FactIndex): Reply {
  const askedPlace = q.places[0]!;
  const indicator = q.indicator!;
  const resolved = resolve(idx, askedPlace, indicator, q.period);
  // "đạt bao nhiêu % kế hoạch", "so với cùng kỳ": the figure that states it comes first
  const states = (f: (typeof resolved.facts)[number]) =>
    (q.focus.plan && f.plan_pct !== null) ||
    (q.focus.yoy && f.yoy_pct !== null) ||
    (q.focus.mom && f.mom_pct !== null);
  const facts = [...resolved.facts].sort((a, b) => Number(states(b)) - Number(states(a)));
  const r = { ...resolved, facts, period: facts[0]?.period ?? resolved.period };
  const notes: string[] = [];
  if (q.commodity)
    notes.push(
      escapeHtml(
        `(Chưa có số liệu riêng cho mặt hàng “${q.commodity}”; dưới đây là số liệu chung của cả chỉ tiêu.)`,
      ),
    );
  if (r.mergedFrom) notes.push(escapeHtml(mergerNote(r.mergedFrom, r.place)));
  else if (r.period && r.period.year !== null && isAfterMerger(r.period as Period)) {
    const absorbed = [...lexicon().places.values()]
      .filter((p) => p.mergedInto === r.place)
      .map((p) => p.name);
    if (absorbed.length)
      notes.push(
        escapeHtml(
          `ℹ️ Từ 01/07/2025, ${placeName(r.place)} (mới) gồm cả ${absorbed.join(', ')} cũ.`,
        ),
      );
  }
  if (r.yearChosen && r.period)
    notes.push(
      escapeHtml(`(Câu hỏi không nêu năm: dùng năm ${r.period.year}, năm gần nhất có số liệu.)`),
    );

  if (r.facts.length) {
    const lines = [bold(title(indicator, r.place, r.period)), ...notes];
    for (const f of r.facts) {
      if (r.facts.length > 1)
        lines.push('', bold(periodText(f.period).replace(/^./, (c) => c.toUpperCase())));
      lines.push(...figureBlock(f, idx));
    }
    const main = r.facts[0]!;
    return reply(lines, {
      period: r.period,
      nextSteps: nextStepsFor(idx, indicator, r.place, main.period),
    });
  }

  // no figure: say so, and what the store does hold
  const period = r.period && r.period.year !== null ? (r.period as Period) : null;
  const lines = [
    `Hiện chưa có số liệu ${escapeHtml(indicatorNoun(indicator))} của ${escapeHtml(placeName(r.place))}${r.period ? ` ${escapeHtml(periodText(r.period))}` : ''} trong kho dữ liệu.`,
    ...notes,
  ];
  const target = period ? idx.get(r.place, indicator, period, 'target') : undefined;
  if (target)
    lines.push(
      escapeHtml(
        `Nguồn chỉ nêu kế hoạch/mục tiêu cho kỳ này: ${shortFigure(target)} (${target.source.publisher}).`,
      ),
    );
  const near = nearestPeriods(idx, r.place, indicator, period);
  const steps: NextStep[] = [];
  if (near.length) {
    lines.push(
      escapeHtml(
        `Có số liệu ${indicatorNoun(indicator)} của ${placeName(r.place)} cho: ${near.map(periodText).join('; ')}.`,
      ),
    );
    for (const p of near.slice(0, 2))
      steps.push({
        label: periodText(p),
        question: `${lexicon().indicators.get(indicator)!.short} ${placeName(r.place)} ${periodText(p)}`,
      });
  }
  const others = [...new Set(idx.forPlace(r.place).map((f) => f.indicator))].filter(
    (i) => i !== indicator,
  );
  if (others.length)
    lines.push(
      escapeHtml(
        `Các chỉ tiêu khác của ${placeName(r.place)}: ${others.map((i) => indicatorNoun(i)).join('; ')}.`,
      ),
    );
  if (!near.length && !others.length) {
    const placesWith = idx
      .placesWith(indicator)
      .filter((p) => p !== r.place)
      .map(placeName);
    lines.push(
      placesWith.length
        ? escapeHtml(`Chỉ tiêu này đang có số liệu của: ${placesWith.join(', ')}.`)
        : 'Kho dữ liệu chưa có chỉ tiêu này.',
    );
  }
  return reply(lines, { period: r.period, nextSteps: steps });
}
