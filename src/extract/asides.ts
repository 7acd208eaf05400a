/**
 * What stands beside a figure rather than in it: a parenthesis naming its own place or period
 * ("Đồng Nai (35,01 tỷ USD)", "(cả nước tăng 8,3%)") is a figure aside, one that does not
 * ("(tăng 18,6% so với cùng kỳ)") goes on the open figure; the same span a year before
 * ("(cùng kỳ năm 2024 tăng 6,5%)"); the year's plan ("(kế hoạch năm là 23%)"); a list of years
 * ("các năm 2020-2024 lần lượt tăng …"); and the parts after "trong đó".
 */
import type { ClauseReader } from './clause-reader.js';
import type { Mention } from './mentions.js';
import type { PeriodRef } from './period-words.js';
import { reportWords } from './report-words.js';
import { NONE, named } from './subject.js';

const DATA = new Set<Mention['k']>(['amount', 'change', 'pct', 'plan']);

export function openParen(r: ClauseReader, i: number): void {
  const inside: Mention[] = [];
  for (let j = i + 1; j < r.mentions.length && r.mentions[j]!.k !== 'close'; j++)
    inside.push(r.mentions[j]!);
  const data = inside.some((m) => DATA.has(m.k));
  const names = inside.some((m) => m.k === 'place' || m.k === 'period');
  const attributive = r.mentions[i - 1]?.k === 'place' && data;
  if (!data || (!names && !attributive)) {
    r.inlineParens += 1;
    return;
  }
  r.frames.push({ subject: { ...r.s }, fig: r.fig, attributive });
  r.fig = null;
  r.s.estimate = false;
}

export function closeParen(r: ClauseReader): void {
  if (r.inlineParens > 0 && !r.frames.length) {
    r.inlineParens -= 1;
    return;
  }
  const frame = r.frames.pop();
  if (!frame) return;
  r.close();
  r.s = frame.subject;
  r.fig = frame.fig;
  if (frame.attributive) r.s.places = r.s.previous;
}

/** A figure of its own beside the open one, which stays open. */
function aside(r: ClauseReader, fields: Partial<ReturnType<ClauseReader['newFig']>>): void {
  const open = r.fig;
  const fig = r.newFig();
  r.fig = open;
  Object.assign(fig, fields);
  r.drafts.push(fig);
}

/**
 * "(cùng kỳ năm 2024 tăng 6,5%)": the same span a year before; "so với 4,8% … trong tháng
 * 3/2024": the span it names.
 */
export function prior(
  r: ClauseReader,
  pct: number,
  year: number | null,
  period: PeriodRef | null,
): void {
  const base = period ?? r.fig?.period ?? r.s.period;
  const resolved = r.ctx.resolve(base);
  const indicator = r.fig?.indicator ?? named(r.s);
  if (!resolved || !indicator || indicator === NONE) return;
  const shifted = year ?? (period ? resolved.year : resolved.year - 1);
  aside(r, { indicator, period: { ...base, year: shifted }, periodStated: true, yoy: pct });
}

/** "(kế hoạch năm là 23%)": the growth planned for the year, a target of its own. */
export function planIs(r: ClauseReader, pct: number): void {
  const indicator = r.fig?.indicator ?? named(r.s);
  if (!indicator || !reportWords().growthOnly(indicator)) return;
  const period = r.fig?.period ?? r.s.period;
  aside(r, { indicator, period, target: true, estimate: false, yoy: pct });
}

/** "các năm 2020-2024 lần lượt tăng 3,3%; 4,7%; …": each value for the next year. */
export function seriesValue(r: ClauseReader, pct: number): void {
  const year = r.s.series!.shift()!;
  r.close();
  const fig = r.newFig();
  Object.assign(fig, { period: { type: 'year', n: null, year }, periodStated: true, yoy: pct });
  r.close();
}

/** "… qua các cửa khẩu đạt 1.209,5 triệu USD. Trong đó xuất khẩu …": its parts, same scope. */
export function breakdown(r: ClauseReader): void {
  const whole = r.fig ?? r.drafts.at(-1);
  r.close();
  r.s.breakdownOf = r.s.indicator;
  r.s.indicator = NONE;
  if (!whole) return;
  r.s.scope = whole.scope;
  r.s.baseEstimate = whole.estimate;
  r.s.estimate ||= whole.estimate;
}
