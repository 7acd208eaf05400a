/** Replies to a question about one figure: the stated one, a derived one, or an honest "no". */
import type { Catalogue } from '../domain/catalogue.js';
import { type Period, type PeriodQuery, withYear } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { derive } from './derive.js';
import { cap, figureBlock, shortFigure, sourceLine } from './figure.js';
import {
  bold,
  changeSentence,
  escapeHtml,
  formatAmount,
  formatNumber,
  indicatorName,
  indicatorNoun,
  italic,
  periodText,
  placeName,
  scopeText,
  sourceDate,
} from './format.js';
import { partsReply } from './merged-unit.js';
import { type NextStep, type Reply, reply } from './reply.js';
import { htmlToPlain } from './format.js';
import { nearestPeriods, type Resolution, resolve } from './resolve.js';

export function mergerNote(cat: Catalogue, from: string, into: string): string {
  return `ℹ️ Từ ${cat.mergerLabel}, ${placeName(from)} đã hợp nhất vào ${placeName(into)} (mới); số liệu từ kỳ này là của ${placeName(into)} (mới).`;
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
  const short = idx.catalogue.indicator(indicator).short;
  const name = placeName(place);
  const steps: NextStep[] = [];
  if (idx.seriesLength(place, indicator) > 1)
    steps.push({ label: '📈 Xem biểu đồ', question: `biểu đồ ${short} ${name}` });
  if (period && (period.type === 'month' || period.type === 'ytd')) {
    const type = period.type === 'month' ? ('ytd' as const) : ('month' as const);
    const other = { type, year: period.year, month: period.month };
    if (idx.get(place, indicator, other))
      steps.push({
        label: type === 'ytd' ? `Lũy kế ${period.month} tháng` : `Riêng tháng ${period.month}`,
        question: `${short} ${name} ${periodText(other)}`,
      });
  }
  const peer = idx.provincesWith(indicator).find((p) => p !== place);
  if (peer)
    steps.push({
      label: `So với ${placeName(peer)}`,
      question: `so sánh ${short} ${name} và ${placeName(peer)}`,
    });
  steps.push({ label: '🔔 Đăng ký nhận tin', question: `đăng ký nhận tin ${short} ${name}` });
  return steps;
}

/** Notes on what the answer is about: merger, open year, products, a unit before it grew. */
function contextNotes(q: Query, r: Resolution, idx: FactIndex): string[] {
  const cat = idx.catalogue;
  const notes: string[] = [];
  if (q.commodity)
    notes.push(
      `(Chưa có số liệu riêng cho mặt hàng “${q.commodity}”; dưới đây là số liệu chung của cả chỉ tiêu.)`,
    );
  const period = r.period && r.period.year !== null ? withYear(r.period, r.period.year) : null;
  const absorbed = cat.absorbedBy(r.place).map((p) => p.name);
  if (r.mergedFrom) notes.push(mergerNote(cat, r.mergedFrom, r.place));
  else if (period && absorbed.length && cat.isAfterMerger(period))
    notes.push(
      `ℹ️ Từ ${cat.mergerLabel}, ${placeName(r.place)} (mới) gồm cả ${absorbed.join(', ')} cũ.`,
    );
  else if (period && absorbed.length)
    notes.push(
      `(Số liệu của ${placeName(r.place)} trước ${cat.mergerLabel}, chưa gồm ${absorbed.join(', ')}.)`,
    );
  if (r.yearChosen && r.period)
    notes.push(`(Câu hỏi không nêu năm: dùng năm ${r.period.year}, năm gần nhất có số liệu.)`);
  if (r.scope && !q.scope)
    notes.push(`(Nguồn chỉ nêu số liệu ${scopeText(r.scope, true)} cho kỳ này.)`);
  return notes.map(escapeHtml);
}

/**
 * The answer to the comparison asked ("so với cùng kỳ?", "tăng hay giảm?", "vượt kế hoạch không?").
 */
function focusAnswer(q: Query, facts: readonly Fact[]): string | null {
  const f = facts[0];
  if (!f) return null;
  if (q.focus.plan) return planAnswer(q, f);
  const against = q.focus.yoy ? 'yoy' : q.focus.mom ? 'mom' : q.focus.direction ? 'any' : null;
  if (!against) return null;
  const yoy = f.yoy_pct;
  const mom = f.mom_pct;
  const pct = against === 'yoy' ? yoy : against === 'mom' ? mom : (yoy ?? mom);
  const versus = against === 'mom' || (against === 'any' && yoy === null) ? 'mom' : 'yoy';
  if (pct === null) return missingComparison(against, f);
  const sentence = changeSentence(pct, versus);
  if (!q.yesNo) return cap(sentence);
  const asksRise = !/giam/.test(q.text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  const yes = asksRise ? pct > 0 : pct < 0;
  return `${yes ? 'Có' : 'Không'}: ${sentence}.`;
}

function planAnswer(q: Query, f: Fact): string {
  if (f.plan_pct === null)
    return `Nguồn không nêu tỷ lệ so với kế hoạch năm cho ${periodText(f.period)}${f.yoy_pct !== null ? `; so với cùng kỳ: ${changeSentence(f.yoy_pct, 'yoy')}` : ''}.`;
  const share = `đạt ${formatNumber(f.plan_pct)}% kế hoạch năm`;
  if (!q.yesNo) return `${cap(share)} (${periodText(f.period)}).`;
  return f.plan_pct >= 100
    ? `Có: ${share}, vượt ${formatNumber(Math.round((f.plan_pct - 100) * 100) / 100)}%.`
    : `Chưa: mới ${share} (${periodText(f.period)}).`;
}

/** The comparison asked is not published: say so, and offer the one that is. */
function missingComparison(asked: 'yoy' | 'mom' | 'any', f: Fact): string {
  const words = asked === 'mom' ? 'so với tháng trước' : 'so với cùng kỳ năm trước';
  const offer =
    f.mom_pct !== null && asked !== 'mom'
      ? `; nguồn có: ${changeSentence(f.mom_pct, 'mom')}`
      : f.yoy_pct !== null && asked !== 'yoy'
        ? `; nguồn có: ${changeSentence(f.yoy_pct, 'yoy')}`
        : f.plan_pct !== null
          ? `; nguồn có: đạt ${formatNumber(f.plan_pct)}% kế hoạch năm`
          : '';
  return `Nguồn không nêu mức tăng/giảm ${asked === 'any' ? '' : `${words} `}cho ${periodText(f.period)}${offer}.`.replace(
    '  ',
    ' ',
  );
}

/** "đạt bao nhiêu % kế hoạch", "so với cùng kỳ": the figure that states it comes first. */
function statesFocusFirst(q: Query, facts: readonly Fact[]): Fact[] {
  const states = (f: Fact) =>
    (q.focus.plan && f.plan_pct !== null) ||
    (q.focus.yoy && f.yoy_pct !== null) ||
    (q.focus.mom && f.mom_pct !== null) ||
    (q.focus.direction && (f.yoy_pct !== null || f.mom_pct !== null));
  return [...facts].sort((a, b) => Number(states(b)) - Number(states(a)));
}

/** Plan progress is stated on the cumulative figure: a month's question gets it from there. */
function withPlanSpan(q: Query, r: Resolution, idx: FactIndex, indicator: string): Fact[] {
  const facts = [...r.facts];
  const first = facts[0];
  if (!q.focus.plan || !first || facts.some((f) => f.plan_pct !== null)) return facts;
  if (first.period.type !== 'month') return facts;
  const ytd = { type: 'ytd' as const, year: first.period.year, month: first.period.month };
  const cumulative = idx.get(r.place, indicator, ytd, { scope: r.scope });
  return cumulative ? [cumulative, ...facts] : facts;
}

function figuresReply(q: Query, r: Resolution, idx: FactIndex, indicator: string): Reply {
  const facts = statesFocusFirst(q, withPlanSpan(q, r, idx, indicator));
  const blocks = facts.map((f) => figureBlock(f, idx));
  const period = facts[0]?.period ?? r.period;
  const lines = [bold(title(indicator, r.place, period)), ...contextNotes(q, r, idx)];
  const answer = focusAnswer(q, facts);
  // an index's headline is its change: a focus line would only repeat it
  const headline = blocks[0]?.[0];
  if (answer && (headline === undefined || htmlToPlain(headline) !== answer))
    lines.push(`👉 ${escapeHtml(answer)}`);
  facts.forEach((f, i) => {
    if (facts.length > 1) lines.push('', bold(cap(periodText(f.period))));
    lines.push(...blocks[i]!);
  });
  return reply(lines, {
    period,
    nextSteps: nextStepsFor(idx, indicator, r.place, facts[0]!.period),
  });
}

function derivedReply(q: Query, r: Resolution, idx: FactIndex, indicator: string, period: Period) {
  const d = derive(idx, r.place, indicator, period, r.scope ?? q.scope);
  if (!d) return null;
  const [whole, before] = d.inputs as [Fact, Fact];
  const lines = [
    bold(title(indicator, r.place, period)),
    ...contextNotes(q, r, idx),
    bold(`${formatAmount(d.value, d.unit)} (số liệu tính toán)`),
    escapeHtml(
      `Nguồn không nêu riêng kỳ này: tính bằng ${periodText(whole.period)} (${shortFigure(whole)}) trừ ${periodText(before.period)} (${shortFigure(before)}); không có tốc độ tăng cho số tính toán.`,
    ),
    sourceLine(whole),
  ];
  if (before.source !== whole.source) lines.push(sourceLine(before));
  return reply(lines, { period, nextSteps: nextStepsFor(idx, indicator, r.place, period) });
}

export function lookupReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const r = resolve(idx, q.places[0]!, indicator, q.period, q.scope);
  if (r.facts.length) return figuresReply(q, r, idx, indicator);
  const period = r.period && r.period.year !== null ? withYear(r.period, r.period.year) : null;
  if (period && q.newUnit && !idx.catalogue.isAfterMerger(period)) {
    const parts = partsReply(idx, r.place, indicator, period);
    if (parts) return parts;
  }
  return (period && derivedReply(q, r, idx, indicator, period)) || noFigureReply(q, r, idx);
}

/** No figure: say so, and what the store does hold for this place and indicator. */
function noFigureReply(q: Query, r: Resolution, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const period = r.period && r.period.year !== null ? withYear(r.period, r.period.year) : null;
  const lines = [
    `Hiện chưa có số liệu ${escapeHtml(indicatorNoun(indicator))}${q.scope ? ` ${escapeHtml(scopeText(q.scope))}` : ''} của ${escapeHtml(placeName(r.place))}${r.period ? ` ${escapeHtml(periodText(r.period))}` : ''} trong kho dữ liệu.`,
    ...contextNotes(q, { ...r, scope: null }, idx),
  ];
  // an old province's plan for a later period, set before it merged, is still its own figure
  const owners = r.mergedFrom ? [r.place, r.mergedFrom] : [r.place];
  for (const owner of owners) {
    const target = period ? idx.target(owner, indicator, period) : undefined;
    if (target)
      lines.push(
        escapeHtml(
          `Nguồn chỉ nêu kế hoạch/mục tiêu của ${placeName(owner)} cho kỳ này: ${shortFigure(target)} (${target.source.publisher}, ${sourceDate(target.source.date)}).`,
        ),
      );
  }
  const near = nearestPeriods(idx, r.place, indicator, period, 4, q.scope);
  const short = idx.catalogue.indicator(indicator).short;
  const steps: NextStep[] = near.slice(0, 2).map((p) => ({
    label: periodText(p),
    question: `${short} ${placeName(r.place)} ${periodText(p)}`,
  }));
  if (near.length)
    lines.push(
      escapeHtml(
        `Có số liệu ${indicatorNoun(indicator)} của ${placeName(r.place)} cho: ${near.map(periodText).join('; ')}.`,
      ),
    );
  lines.push(...otherIndicatorsLines(idx, r.place, indicator, near.length > 0));
  return reply(lines, { period: r.period, nextSteps: steps });
}

function otherIndicatorsLines(
  idx: FactIndex,
  place: string,
  indicator: string,
  hasNear: boolean,
): string[] {
  // in the catalogue's order: the same list whatever part of the data was read
  const held = new Set(idx.forPlace(place).map((f) => f.indicator));
  const others = idx.catalogue
    .indicators()
    .map((i) => i.id)
    .filter((i) => held.has(i) && i !== indicator);
  if (others.length)
    return [
      escapeHtml(
        `Các chỉ tiêu khác của ${placeName(place)}: ${others.map((i) => indicatorNoun(i)).join('; ')}.`,
      ),
    ];
  if (hasNear) return [];
  const placesWith = idx.provincesWith(indicator).filter((p) => p !== place);
  if (!placesWith.length) return ['Kho dữ liệu chưa có chỉ tiêu này.'];
  const shown = placesWith.slice(0, 12).map(placeName).join(', ');
  const more = placesWith.length > 12 ? ` và ${placesWith.length - 12} nơi khác` : '';
  return [italic(`Chỉ tiêu này đang có số liệu của: ${shown}${more}.`)];
}
