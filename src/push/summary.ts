/**
 * The monthly summary a subscriber receives: for each subscription, the place's figures
 * for the month (the month and its cumulative total) with every comparison, what moved
 * most, a chart of the main series, and the sources.
 */
import { periodEnd } from '../domain/period.js';
import { type ChartSpec, chartSource } from '../answer/reply.js';
import { cap, fullFigure } from '../answer/figure.js';
import { bold, escapeHtml, italic, sourceText } from '../answer/format.js';
import { seriesFor } from '../answer/resolve.js';
import { drawnValues, sameShape } from '../answer/series-shape.js';
import { vi, type Words } from '../answer/words.js';
import type { Lang } from '../messages.js';
import type { KeyValueStore } from '../storage/storage.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import { lexicon } from '../domain/lexicon.js';
/** Where a chat's language is kept (written when it subscribes), read when its bulletin is composed. */
export const CHAT_LANGUAGE = 'lang';
/** A chat's language is kept a year after it last subscribed. */
export const CHAT_LANGUAGE_TTL_MS = 366 * 86_400_000;

/** The language a chat's bulletin is written in: the one it subscribed in, else Vietnamese. */
export const chatLanguage =
  (state: Pick<KeyValueStore, 'get'>) =>
  async (chatId: number): Promise<Lang> =>
    (await state.get<Lang>(CHAT_LANGUAGE, String(chatId))) === 'en' ? 'en' : 'vi';

/** What a bulletin reads of a subscription. */
type Subscription = { readonly place: string; readonly indicator: string | null };

export interface Month {
  readonly year: number;
  readonly month: number;
}

export const monthKey = (m: Month) => `${m.year}-${String(m.month).padStart(2, '0')}`;
export const parseMonthKey = (k: string): Month => ({
  year: Number(k.slice(0, 4)),
  month: Number(k.slice(5, 7)),
});

/** The latest month the store has a monthly or cumulative figure for. */
export function latestMonth(idx: FactIndex): Month | null {
  let best = -1;
  for (const f of idx.facts)
    if (f.kind === 'actual' && (f.period.type === 'month' || f.period.type === 'ytd'))
      best = Math.max(best, periodEnd(f.period));
  return best < 0 ? null : { year: Math.floor(best / 12), month: (best % 12) + 1 };
}

export interface Summary {
  readonly html: string;
  readonly chart: ChartSpec | null;
  readonly chartKey: string | null;
}

function indicatorsOf(idx: FactIndex, sub: Subscription): string[] {
  return sub.indicator
    ? [sub.indicator]
    : [...new Set(idx.forPlace(sub.place).map((f) => f.indicator))].filter(
        (i) => !lexicon().indicators.get(i)?.parent,
      );
}

/** The place's latest month (for the subscribed indicators) not after the campaign's month. */
export function placeMonth(idx: FactIndex, sub: Subscription, upTo: Month): Month | null {
  const limit = upTo.year * 12 + upTo.month - 1;
  let best = -1;
  for (const ind of indicatorsOf(idx, sub)) {
    for (const f of seriesFor(idx, sub.place, ind, null).series) {
      const end = periodEnd(f.period);
      if ((f.period.type === 'month' || f.period.type === 'ytd') && end <= limit)
        best = Math.max(best, end);
    }
  }
  return best < 0 ? null : { year: Math.floor(best / 12), month: (best % 12) + 1 };
}

/** A chat's own latest month: the latest month any of its subscriptions has figures for. */
export function latestMonthFor(
  idx: FactIndex,
  subs: readonly Subscription[],
  upTo: Month | null = latestMonth(idx),
): Month | null {
  if (!upTo) return null;
  const months = subs.map((s) => placeMonth(idx, s, upTo)).filter((m): m is Month => !!m);
  return months.sort((a, b) => b.year * 12 + b.month - (a.year * 12 + a.month))[0] ?? null;
}

/**
 * A campaign started by new figures of some places: only the subscriptions of those places count
 * (a Hải Phòng upload sends nothing to Kiên Giang's subscribers); all of them otherwise.
 */
export function concerned(
  subs: readonly Subscription[],
  places: readonly string[] | null | undefined,
): Subscription[] {
  return places ? subs.filter((s) => places.includes(s.place)) : [...subs];
}

/** The subscription's place has figures (single month or cumulative) for month m. */
export function hasMonth(idx: FactIndex, sub: Subscription, m: Month): boolean {
  return factsFor(idx, sub, m).length > 0;
}

function factsFor(idx: FactIndex, sub: Subscription, m: Month): Fact[] {
  const indicators = indicatorsOf(idx, sub);
  const out: Fact[] = [];
  for (const ind of indicators) {
    // the place's own series, or the one it publishes instead ("qua địa bàn")
    const scope = seriesFor(idx, sub.place, ind, null).scope;
    for (const type of ['month', 'ytd'] as const) {
      const f = idx.get(sub.place, ind, { type, year: m.year, month: m.month }, { scope });
      if (f) out.push(f);
    }
  }
  return out;
}

/**
 * The bulletin of month m for one chat: only the subscriptions whose own place has that
 * month's figures (null when none has: a campaign never sends an empty bulletin).
 */
export function monthlySummary(
  idx: FactIndex,
  all: readonly Subscription[],
  m: Month,
  w: Words = vi(),
): Summary | null {
  const subs = all.filter((s) => hasMonth(idx, s, m));
  if (!subs.length) return null;
  const month = w.period({ type: 'month', year: m.year, month: m.month });
  const lines = [bold(w.t('bulletin_title', { period: month }))];
  const sources = new Set<string>();
  let chart: { spec: ChartSpec; key: string } | null = null;
  for (const sub of subs) {
    const facts = factsFor(idx, sub, m);
    lines.push('', ...subscriptionLines(w, idx, sub, m, facts));
    for (const f of facts) sources.add(sourceText(f.source, w));
    // the first figure whose own kind of span has a series to draw
    for (const f of facts) chart ??= bulletinChart(w, idx, sub, f, m);
  }
  if (sources.size) lines.push('', italic(`${w.t('source_label')} ${[...sources].join('; ')}`));
  lines.push(italic(w.t('bulletin_stop')));
  return { html: lines.join('\n'), chart: chart?.spec ?? null, chartKey: chart?.key ?? null };
}

function subscriptionLines(
  w: Words,
  idx: FactIndex,
  sub: Subscription,
  m: Month,
  facts: Fact[],
): string[] {
  const what = sub.indicator ? w.indicator(sub.indicator) : w.t('main_indicators_title');
  const lines = [bold(`${w.place(sub.place)} – ${what}`)];
  for (const f of facts) {
    const span =
      f.period.type === 'ytd'
        ? w.t('bulletin_ytd', { month: f.period.month, monthName: w.t(`month_${f.period.month}`) })
        : w.t(`month_${m.month}`);
    const label = cap(`${w.short(f.indicator)} ${span}`);
    lines.push(`• ${escapeHtml(`${label}: ${fullFigure(w, f)}`)}${idx.warning(f) ? ' ⚠️' : ''}`);
  }
  const move = biggestMove(w, facts);
  if (move) lines.push(italic(move));
  return lines;
}

function biggestMove(w: Words, facts: readonly Fact[]): string | null {
  if (facts.length < 2) return null;
  const top = facts
    .filter((f) => f.mom_pct !== null || f.yoy_pct !== null)
    .map((f) => ({
      f,
      by: f.mom_pct ?? f.yoy_pct!,
      against: f.mom_pct !== null ? ('mom' as const) : ('yoy' as const),
    }))
    .sort((a, b) => Math.abs(b.by) - Math.abs(a.by))[0];
  if (!top) return null;
  const change = w.changeSentence(top.by, top.against);
  return w.t('bulletin_biggest', { indicator: w.indicatorNoun(top.f.indicator), change });
}

/**
 * The main series of the bulletin: one kind of span only (single months, or cumulative totals),
 * never the two joined on one line; the last twelve points; the period in the title.
 */
function bulletinChart(
  w: Words,
  idx: FactIndex,
  sub: Subscription,
  main: Fact,
  m: Month,
): { spec: ChartSpec; key: string } | null {
  const all = seriesFor(idx, sub.place, main.indicator, main.scope).series;
  // one kind of span, cumulative totals at the same month: never a saw-tooth of 2-, 4- and 9-month
  const { facts: series, growth } = drawnValues(sameShape(all, main.period).slice(-12));
  if (series.length < 2) return null;
  const span = w.t(`series_${main.period.type}`).toLowerCase();
  const title = w.t('bulletin_chart_title', {
    indicator: w.indicator(main.indicator),
    place: w.place(sub.place),
    span,
    until: w.period({ type: 'month', year: m.year, month: m.month }),
  });
  return {
    spec: {
      kind: 'line',
      lang: w.lang,
      title,
      unit: growth ? w.t('unit_yoy') : w.unit(main.unit),
      source: chartSource(w, series),
      series: [
        {
          name: w.indicator(main.indicator),
          points: series.map((f) => ({
            label: w.period(f.period),
            value: (growth ? f.yoy_pct : f.value)!,
            at: periodEnd(f.period),
          })),
        },
      ],
    },
    key: `${sub.place}|${main.indicator}|${monthKey(m)}`,
  };
}
