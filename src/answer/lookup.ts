/** Replies to a question about one figure: the stated one, a derived one, or an honest "no". */
import { averageAnswer } from './average.js';
import { type Period, type PeriodQuery, withYear } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { derive } from './derive.js';
import { cap, figureBlock, shortFigure, sourceLine } from './figure.js';
import { bold, escapeHtml, italic } from './format.js';
import { partsReply } from './merged-unit.js';
import { type NextStep, type Reply, reply } from './reply.js';
import { htmlToPlain } from './format.js';
import { nearestPeriods, type Resolution, resolve } from './resolve.js';
import { type Words, wordsOf } from './words.js';

export function mergerNote(w: Words, from: string, into: string): string {
  return w.t('note_merged_into', {
    date: w.mergerDate(),
    from: w.place(from),
    into: w.place(into),
  });
}

function title(w: Words, indicator: string, place: string, period: Period | PeriodQuery | null) {
  return `${w.indicator(indicator)} – ${w.place(place)}${period ? `, ${w.period(period)}` : ''}`;
}

export function nextStepsFor(
  w: Words,
  idx: FactIndex,
  indicator: string,
  place: string,
  period: Period | null,
): NextStep[] {
  const parts = { indicator, place };
  const steps: NextStep[] = [];
  if (idx.seriesLength(place, indicator) > 1)
    steps.push({ label: w.t('step_chart'), question: w.question('ask_chart', parts) });
  if (period && (period.type === 'month' || period.type === 'ytd')) {
    const type = period.type === 'month' ? ('ytd' as const) : ('month' as const);
    const other = { type, year: period.year, month: period.month };
    if (idx.get(place, indicator, other))
      steps.push({
        label: w.t(type === 'ytd' ? 'step_ytd' : 'step_month', {
          month: period.month,
          monthName: w.t(`month_${period.month}`),
        }),
        question: w.question('ask_figure', { ...parts, period: other }),
      });
  }
  // a comparison offered only with a place that has the same figure for the same period
  const peer = period
    ? idx.provincesWith(indicator).find((p) => p !== place && idx.get(p, indicator, period))
    : undefined;
  if (peer && period)
    steps.push({
      label: w.t('step_compare', { other: w.place(peer) }),
      question: w.question('ask_compare', { ...parts, other: peer, period }),
    });
  steps.push({ label: w.t('step_subscribe'), question: w.question('ask_subscribe', parts) });
  return steps;
}

/** Notes on what the answer is about: merger, open year, products, a unit before it grew. */
function contextNotes(w: Words, q: Query, r: Resolution, idx: FactIndex): string[] {
  const cat = idx.catalogue;
  const notes: string[] = [];
  if (q.commodity) notes.push(w.t('note_commodity', { commodity: q.commodity }));
  const period = r.period && r.period.year !== null ? withYear(r.period, r.period.year) : null;
  const merger = { date: w.mergerDate(), place: w.place(r.place) };
  const absorbed = cat.absorbedBy(r.place).map((p) => p.name);
  if (r.mergedFrom) notes.push(mergerNote(w, r.mergedFrom, r.place));
  else if (period && absorbed.length && cat.isAfterMerger(period))
    notes.push(w.t('note_new_unit', { ...merger, parts: absorbed.join(', ') }));
  else if (period && absorbed.length)
    notes.push(w.t('note_before_merger', { ...merger, parts: absorbed.join(', ') }));
  if (r.yearChosen && r.period) notes.push(w.t('note_year_chosen', { year: r.period.year ?? '' }));
  if (r.scope && !q.scope) notes.push(w.t('note_scope', { scope: w.scope(r.scope, true) }));
  return notes.map(escapeHtml);
}

/**
 * The answer to the comparison asked ("so với cùng kỳ?", "tăng hay giảm?", "vượt kế hoạch không?").
 */
function focusAnswer(w: Words, q: Query, facts: readonly Fact[], idx: FactIndex): string | null {
  const f = facts[0];
  if (!f) return null;
  if (q.focus.plan) return planAnswer(w, q, f);
  const against = q.focus.yoy ? 'yoy' : q.focus.mom ? 'mom' : q.focus.direction ? 'any' : null;
  if (!against) return null;
  const yoy = f.yoy_pct;
  const mom = f.mom_pct;
  const pct = against === 'yoy' ? yoy : against === 'mom' ? mom : (yoy ?? mom);
  const versus = against === 'mom' || (against === 'any' && yoy === null) ? 'mom' : 'yoy';
  if (pct === null) return missingComparison(w, against, f, idx);
  const sentence = w.changeSentence(pct, versus);
  if (!q.yesNo) return cap(sentence);
  const yes = q.asksFall ? pct < 0 : pct > 0;
  return w.t(yes ? 'answer_yes' : 'answer_no', { sentence });
}

function planAnswer(w: Words, q: Query, f: Fact): string {
  const period = w.period(f.period);
  // the share of plan never alone when the change on a year earlier is known
  const change = f.yoy_pct === null ? null : w.changeSentence(f.yoy_pct, 'yoy');
  if (f.plan_pct === null) {
    const yoy = change === null ? '' : w.t('plan_unstated_yoy', { change });
    return w.t('plan_unstated', { period, yoy });
  }
  const yoy = change === null ? '' : w.t('plan_yoy', { change });
  const share = w.t('plan_share', { pct: w.number(f.plan_pct) });
  if (!q.yesNo) return w.t('plan_stated', { share: cap(share), period, yoy });
  return f.plan_pct >= 100
    ? w.t('plan_yes', { share, yoy, over: w.number(Math.round((f.plan_pct - 100) * 100) / 100) })
    : w.t('plan_not_yet', { share, period, yoy });
}

/** The comparison asked is not published: say so, and offer the one that is. */
function missingComparison(
  w: Words,
  asked: 'yoy' | 'mom' | 'any',
  f: Fact,
  idx: FactIndex,
): string {
  const period = w.period(f.period);
  const cumulative = asked === 'mom' ? null : cumulativeChange(w, f, idx);
  if (cumulative) return w.t(`missing_change_${asked}`, { period, offer: cumulative });
  const has =
    f.mom_pct !== null && asked !== 'mom'
      ? w.changeSentence(f.mom_pct, 'mom')
      : f.yoy_pct !== null && asked !== 'yoy'
        ? w.changeSentence(f.yoy_pct, 'yoy')
        : f.plan_pct !== null
          ? w.t('plan_share', { pct: w.number(f.plan_pct) })
          : null;
  const offer = has === null ? '' : w.t('source_has', { what: has });
  return w.t(`missing_change_${asked}`, { period, offer });
}

/** A month without its year-on-year change: the cumulative total to that month may state one. */
function cumulativeChange(w: Words, f: Fact, idx: FactIndex): string | null {
  if (f.period.type !== 'month') return null;
  const ytd = { type: 'ytd' as const, year: f.period.year, month: f.period.month };
  const total = idx.get(f.place, f.indicator, ytd, { scope: f.scope });
  if (!total || total.yoy_pct === null) return null;
  const what = w.changeSentence(total.yoy_pct, 'yoy');
  return w.t('span_has', { period: w.period(total.period), what });
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
  const w = wordsOf(q);
  const facts = statesFocusFirst(q, withPlanSpan(q, r, idx, indicator));
  const blocks = facts.map((f) => figureBlock(w, f, idx));
  const period = facts[0]?.period ?? r.period;
  const lines = [bold(title(w, indicator, r.place, period)), ...contextNotes(w, q, r, idx)];
  const answer = averageAnswer(w, q, facts[0]) ?? focusAnswer(w, q, facts, idx);
  // an index's headline is its change: a focus line would only repeat it
  const headline = blocks[0]?.[0];
  if (answer && (headline === undefined || !htmlToPlain(headline).startsWith(answer)))
    lines.push(`👉 ${escapeHtml(answer)}`);
  facts.forEach((f, i) => {
    if (facts.length > 1) lines.push('', bold(cap(w.period(f.period))));
    lines.push(...blocks[i]!);
  });
  return reply(lines, {
    period,
    nextSteps: nextStepsFor(w, idx, indicator, r.place, facts[0]!.period),
  });
}

function derivedReply(q: Query, r: Resolution, idx: FactIndex, indicator: string, period: Period) {
  const d = derive(idx, r.place, indicator, period, r.scope ?? q.scope);
  if (!d) return null;
  const w = wordsOf(q);
  const [whole, before] = d.inputs as [Fact, Fact];
  const lines = [
    bold(title(w, indicator, r.place, period)),
    ...contextNotes(w, q, r, idx),
    bold(`${w.amount(d.value, d.unit)} ${w.t('computed_mark')}`),
    escapeHtml(
      w.t('derived_how', {
        whole: w.period(whole.period),
        wholeFigure: shortFigure(w, whole),
        before: w.period(before.period),
        beforeFigure: shortFigure(w, before),
      }),
    ),
    sourceLine(w, whole),
  ];
  if (before.source !== whole.source) lines.push(sourceLine(w, before));
  return reply(lines, { period, nextSteps: nextStepsFor(w, idx, indicator, r.place, period) });
}

export function lookupReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const r = resolve(idx, q.places[0]!, indicator, q.period, q.scope);
  // "An Giang mới" asked with no period: the old province's figures are not the new unit's
  if (r.facts.length && asksNewUnitOnlyOldHeld(q, r, idx))
    return noFigureReply(q, { ...r, facts: [], period: null }, idx, 'no_figure_new_unit');
  if (r.facts.length) return figuresReply(q, r, idx, indicator);
  const period = r.period && r.period.year !== null ? withYear(r.period, r.period.year) : null;
  if (period && q.newUnit && !idx.catalogue.isAfterMerger(period)) {
    const parts = partsReply(wordsOf(q), idx, r.place, indicator, period);
    if (parts) return parts;
  }
  return (period && derivedReply(q, r, idx, indicator, period)) || noFigureReply(q, r, idx);
}

function asksNewUnitOnlyOldHeld(q: Query, r: Resolution, idx: FactIndex): boolean {
  const cat = idx.catalogue;
  if (!q.newUnit || q.period !== null || !cat.absorbedBy(r.place).length) return false;
  return !r.facts.some((f) => cat.isAfterMerger(f.period));
}

/** No figure: say so, and what the store does hold for this place and indicator. */
function noFigureReply(q: Query, r: Resolution, idx: FactIndex, headline?: string): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const period = r.period && r.period.year !== null ? withYear(r.period, r.period.year) : null;
  const what = {
    indicator: w.indicatorNoun(indicator),
    scope: q.scope ? ` ${w.scope(q.scope)}` : '',
    place: w.placeInline(r.place),
    period: r.period ? w.period(r.period) : '',
  };
  const lines = [
    escapeHtml(w.t(headline ?? (r.period ? 'no_figure' : 'no_figure_any'), what)),
    ...contextNotes(w, q, { ...r, scope: null }, idx),
    ...targetOnlyLines(w, r, idx, indicator, period),
  ];
  const near = nearestPeriods(idx, r.place, indicator, period, 4, q.scope);
  const steps: NextStep[] = near.slice(0, 2).map((p) => ({
    label: w.period(p),
    question: w.question('ask_figure', { indicator, place: r.place, period: p }),
  }));
  if (near.length)
    lines.push(
      escapeHtml(w.t('held_periods', { ...what, periods: near.map(w.period).join('; ') })),
    );
  lines.push(...otherIndicatorsLines(w, idx, r.place, indicator, near.length > 0));
  return reply(lines, { period: r.period, nextSteps: steps });
}

/** An old province's plan for a later period, set before it merged, is still its own figure. */
function targetOnlyLines(
  w: Words,
  r: Resolution,
  idx: FactIndex,
  indicator: string,
  period: Period | null,
): string[] {
  const owners = r.mergedFrom ? [r.place, r.mergedFrom] : [r.place];
  return owners.flatMap((owner) => {
    const target = period ? idx.target(owner, indicator, period) : undefined;
    if (!target) return [];
    const said = w.t('target_only', {
      place: w.placeInline(owner),
      figure: shortFigure(w, target),
      publisher: target.source.publisher,
      date: w.sourceDate(target.source.date),
    });
    return [escapeHtml(said)];
  });
}

function otherIndicatorsLines(
  w: Words,
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
  if (others.length) {
    const list = others.map((i) => w.indicatorNoun(i)).join('; ');
    return [escapeHtml(w.t('other_indicators', { place: w.placeInline(place), indicators: list }))];
  }
  if (hasNear) return [];
  const placesWith = idx.provincesWith(indicator).filter((p) => p !== place);
  if (!placesWith.length) return [escapeHtml(w.t('indicator_empty'))];
  const shown = placesWith.slice(0, 12).map(w.place).join(', ');
  const more = placesWith.length > 12 ? w.t('more_places', { n: placesWith.length - 12 }) : '';
  return [italic(w.t('indicator_held_by', { places: shown, more }))];
}
