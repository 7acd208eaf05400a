/** The lines that state one figure: value and unit, every comparison, flags and source. */
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import { likelyIntended } from '../store/plausibility.js';
import { bold, escapeHtml, italic, sourceHtml } from './format.js';
import type { Words } from './words.js';

/** "(qua địa bàn)", "(giá hiện hành)", "(ước tính)": what kind of figure this is. */
function qualifiers(w: Words, f: Fact): string {
  const parts = [w.scope(f.scope), w.priceBasis(f.price_basis), f.estimate ? w.t('estimate') : ''];
  return parts
    .filter(Boolean)
    .map((p) => ` (${p})`)
    .join('');
}

/** "43,7 triệu USD (ước tính)" or, for growth-only figures, the growth itself. */
export function headline(w: Words, f: Fact): string {
  const value = w.value(f);
  const q = qualifiers(w, f);
  if (value) return `${value}${q}`;
  if (f.yoy_pct !== null) return `${w.approx(f.approx)}${w.changeSentence(f.yoy_pct, 'yoy')}${q}`;
  if (f.mom_pct !== null) return `${w.approx(f.approx)}${w.changeSentence(f.mom_pct, 'mom')}${q}`;
  return `${w.t('plan_share', { pct: w.number(f.plan_pct ?? 0) })}${q}`;
}

/** Comparisons not already said by the headline. */
export function comparisons(w: Words, f: Fact): string[] {
  const out: string[] = [];
  const growthHeadline = f.value === null;
  if (f.mom_pct !== null && !(growthHeadline && f.yoy_pct === null))
    out.push(cap(w.changeSentence(f.mom_pct, 'mom')));
  if (f.yoy_pct !== null && !growthHeadline) out.push(cap(w.changeSentence(f.yoy_pct, 'yoy')));
  if (f.plan_pct !== null && !(growthHeadline && f.yoy_pct === null && f.mom_pct === null))
    out.push(cap(w.t('plan_share', { pct: w.number(f.plan_pct) })));
  return out;
}

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One-line summary used in lists (comparison, ranking, trend). */
export function shortFigure(w: Words, f: Fact): string {
  const parts = [headline(w, f)];
  if (f.value !== null && f.yoy_pct !== null) parts.push(w.changeSentence(f.yoy_pct, 'yoy'));
  else if (f.value !== null && f.mom_pct !== null) parts.push(w.changeSentence(f.mom_pct, 'mom'));
  if (f.plan_pct !== null && f.value !== null)
    parts.push(w.t('plan_share_short', { pct: w.number(f.plan_pct) }));
  return parts.join(', ');
}

/** A figure with every change it states: on the month before, a year before, and the plan. */
export function fullFigure(w: Words, f: Fact): string {
  const parts = [headline(w, f)];
  if (f.mom_pct !== null) parts.push(w.changeSentence(f.mom_pct, 'mom'));
  if (f.yoy_pct !== null && (f.value !== null || f.mom_pct !== null))
    parts.push(w.changeSentence(f.yoy_pct, 'yoy'));
  if (f.plan_pct !== null && f.value !== null)
    parts.push(w.t('plan_share_short', { pct: w.number(f.plan_pct) }));
  return parts.join(', ');
}

/** A sub-series in a "Trong đó" line: its level, or its bare change against last year. */
function partHeadline(w: Words, p: Fact): string {
  const plain = { ...p, estimate: false };
  if (p.value === null && p.yoy_pct !== null)
    return `${w.approx(p.approx)}${w.change(p.yoy_pct)}${qualifiers(w, plain)}`;
  return headline(w, plain);
}

/** "Trong đó: bán lẻ hàng hóa …; dịch vụ …" when the store has the sub-series. */
function partsLine(w: Words, f: Fact, idx: FactIndex): string | null {
  const children = idx.catalogue.indicators().filter((i) => i.parent === f.indicator);
  const parts = children.map((c) => idx.get(f.place, c.id, f.period)).filter((x) => !!x);
  if (!parts.length) return null;
  const text = parts.map((p) => `${w.short(p.indicator)} ${partHeadline(w, p)}`);
  return escapeHtml(w.t('parts_line', { parts: text.join('; ') }));
}

/** Other sources that state another figure for the same thing, named. */
export function otherSourcesLine(w: Words, f: Fact, idx: FactIndex): string | null {
  const others = idx.alternatives(f);
  if (!others.length) return null;
  const said = others.slice(0, 3).map((o) =>
    w.t('other_source_said', {
      publisher: o.source.publisher,
      date: w.sourceDate(o.source.date),
      what: o.value !== null ? `${w.value(o)}${qualifiers(w, o)}` : headline(w, o),
    }),
  );
  return italic(w.t('other_sources', { said: said.join('; ') }));
}

/** "⚠️ Số liệu nguồn có thể sai đơn vị: nguồn ghi “gần 19 triệu USD” … Có thể là 19 tỷ USD?" */
function unitWarningLine(w: Words, f: Fact, idx: FactIndex): string {
  const meant = likelyIntended(f, idx.series(f.place, f.indicator));
  const guess =
    meant === null ? '' : ` ${w.t('unit_guess', { value: w.value({ ...f, value: meant }) ?? '' })}`;
  const said = w.t('unit_warning', { value: w.value(f) ?? '' }) + guess;
  return `⚠️ ${escapeHtml(cap(w.t('unit_warning_title')))}: ${escapeHtml(said)}`;
}

/** The full block for one figure, with its target, sub-series, warning and sources. */
export function figureBlock(w: Words, f: Fact, idx: FactIndex): string[] {
  const lines = [`${bold(cap(headline(w, f)))}`];
  for (const c of comparisons(w, f)) lines.push(`• ${escapeHtml(c)}`);
  const target = idx.target(f.place, f.indicator, f.period);
  if (target) lines.push(`• ${escapeHtml(targetText(w, target))}`);
  const parts = partsLine(w, f, idx);
  if (parts) lines.push(parts);
  if (idx.warning(f)) lines.push(unitWarningLine(w, f, idx));
  const others = otherSourcesLine(w, f, idx);
  if (others) lines.push(others);
  lines.push(sourceLine(w, f));
  return lines;
}

/**
 * One source line for several figures: each source once, the first `max` named, then how many
 * more; null when there is none.
 */
export function sourcesLine(w: Words, facts: readonly Fact[], max = Infinity): string | null {
  const sources = [...new Set(facts.map((f) => sourceHtml(f.source, w)))];
  if (!sources.length) return null;
  const more =
    sources.length > max
      ? `;${escapeHtml(w.t('and_more_sources', { n: sources.length - max }))}`
      : '';
  return `<i>${escapeHtml(w.t('source_label'))} ${sources.slice(0, max).join('; ')}${more}</i>`;
}

/** "Nguồn: publisher, “title”, date" with the link in Telegram and the URL in plain text. */
export function sourceLine(w: Words, f: Fact): string {
  return `<i>${escapeHtml(w.t('source_label'))} ${sourceHtml(f.source, w)}</i>`;
}

export function targetText(w: Words, target: Fact): string {
  const v = w.value(target);
  if (v) return w.t('target_value', { value: v });
  if (target.yoy_pct !== null)
    return w.t('target_change', { change: w.changeSentence(target.yoy_pct, 'yoy') });
  return w.t('target_exists');
}
