/** What the store holds: for a place, for an indicator (and period), and the list of sources. */
import {
  canonicalPeriod,
  type Period,
  periodEnd,
  periodKey,
  periodMonths,
  withYear,
} from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { cap, shortFigure } from './figure.js';
import { exampleQuestions } from './guide.js';
import { bold, escapeHtml, italic } from './format.js';
import { type Reply, reply } from './reply.js';
import { type Words, wordsOf } from './words.js';

const newestFirst = (a: Fact, b: Fact) => periodEnd(b.period) - periodEnd(a.period);

/** A place's indicators, each with its latest figure and the periods held, newest first. */
export function overview(w: Words, idx: FactIndex, place: string): Reply {
  const facts = idx.forPlace(place);
  if (!facts.length) {
    const withData = idx.allPlaces().filter((p) => !idx.catalogue.isNational(p));
    return reply([
      escapeHtml(w.t('place_empty', { place: w.placeInline(place) })),
      italic(w.t('places_held', { n: withData.length })),
    ]);
  }
  const groups = new Map<string, Fact[]>();
  for (const f of [...facts].sort(newestFirst)) {
    const k = `${f.indicator}|${f.scope ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const lines = [bold(w.t('place_figures', { place: w.place(place), n: facts.length }))];
  for (const list of groups.values()) lines.push(indicatorLine(w, list));
  const questions = [...groups.values()]
    .slice(0, 3)
    .map((list) =>
      w.question('ask_figure', { indicator: list[0]!.indicator, place, period: list[0]!.period }),
    );
  lines.push(escapeHtml(w.t('ask_details', { example: questions[0]! })));
  return reply(lines, { nextSteps: questions.map((q) => ({ label: q, question: q })) });
}

function indicatorLine(w: Words, list: readonly Fact[]): string {
  const latest = list[0]!;
  const scope = latest.scope ? ` (${w.scope(latest.scope)})` : '';
  const periods = [...new Set(list.map((f) => w.period(f.period)))];
  const more = periods.length > 4 ? w.t('more_periods', { n: periods.length - 4 }) : '';
  const said = w.t('indicator_latest', {
    period: w.period(latest.period),
    figure: shortFigure(w, latest),
    periods: periods.slice(0, 4).join('; '),
    more,
  });
  return `• ${bold(`${cap(w.indicatorNoun(latest.indicator))}${scope}`)}: ${escapeHtml(said)}`;
}

/** "tỉnh nào có số liệu xuất khẩu năm 2024": the places, with the periods each has. */
export function placesWithReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const period = q.period && q.period.year !== null ? withYear(q.period, q.period.year) : null;
  const facts = idx
    .forIndicator(indicator)
    .filter((f) => !idx.catalogue.isNational(f.place) && inPeriod(f, period));
  const byPlace = new Map<string, Fact[]>();
  for (const f of [...facts].sort(newestFirst))
    byPlace.set(f.place, [...(byPlace.get(f.place) ?? []), f]);
  const what = `${w.indicatorNoun(indicator)}${period ? ` ${w.period(period)}` : ''}`;
  if (!byPlace.size) return reply([escapeHtml(w.t('no_place_has', { what }))], { period });
  const lines = [bold(w.t('places_have', { n: byPlace.size, what }))];
  for (const [place, list] of byPlace) {
    const periods = [...new Set(list.map((f) => w.period(f.period)))];
    const more = periods.length > 3 ? ` (+${periods.length - 3})` : '';
    lines.push(`• ${bold(w.place(place))}: ${escapeHtml(periods.slice(0, 3).join('; '))}${more}`);
  }
  const national = idx
    .forIndicator(indicator)
    .filter((f) => idx.catalogue.isNational(f.place) && inPeriod(f, period));
  if (national.length) lines.push(italic(w.t('national_periods', { n: national.length })));
  return reply(lines, { period });
}

/**
 * A figure "of 2024" is one whose period lies in 2024; a month asks for that very period
 * (`exact`: the year too asks for the year's own figure).
 */
function inPeriod(f: Fact, period: Period | null, exact = false): boolean {
  if (!period) return true;
  if (period.type === 'year' && !exact) return f.period.year === period.year;
  return periodKey(canonicalPeriod(f.period)) === periodKey(canonicalPeriod(period));
}

/** "Số liệu từ năm 2018 đến năm 2025; mới nhất: tháng 12/2025." */
function coverageLine(w: Words, idx: FactIndex): string {
  return idx.memo(`coverage:${w.lang}`, () => {
    const actual = idx.facts.filter((f) => f.kind === 'actual');
    if (!actual.length) return w.t('coverage_empty');
    const years = actual.map((f) => f.period.year);
    // the latest end, and of those the shortest span: "tháng 12/2025" rather than "năm 2025"
    const later = (a: Fact, b: Fact) =>
      periodEnd(b.period) - periodEnd(a.period) || periodMonths(a.period) - periodMonths(b.period);
    const latest = actual.reduce((a, b) => (later(a, b) > 0 ? b : a));
    return w.t('coverage', {
      from: Math.min(...years),
      to: Math.max(...years),
      latest: w.period(latest.period),
    });
  });
}

/** What the store holds as a whole: its years, each indicator with how many places, the places. */
export function storeOverview(w: Words, idx: FactIndex): Reply {
  const places = idx.allPlaces().filter((p) => !idx.catalogue.isNational(p));
  const lines = [
    bold(w.t('store_title', { figures: idx.size, places: places.length })),
    escapeHtml(coverageLine(w, idx)),
  ];
  for (const i of idx.catalogue.indicators().filter((x) => !x.parent)) {
    const n = idx.provincesWith(i.id).length;
    if (n) lines.push(`• ${bold(w.indicator(i.id))}: ${escapeHtml(w.t('store_places', { n }))}`);
  }
  const named = places.map(w.place).join(', ');
  lines.push(escapeHtml(w.t('help_places', { places: named })));
  const examples = exampleQuestions(w, idx, 3);
  return reply(lines, { nextSteps: examples });
}

/** The sources the store cites, most used first, and the rule that picks one. */
export function sourcesReply(w: Words, idx: FactIndex): Reply {
  const top = idx.memo('sources', () => {
    const count = new Map<string, number>();
    for (const f of idx.facts)
      count.set(f.source.publisher, (count.get(f.source.publisher) ?? 0) + 1);
    return [...count].sort((a, b) => b[1] - a[1]);
  });
  return reply([
    bold(w.t('sources_title', { publishers: top.length, figures: idx.size })),
    escapeHtml(coverageLine(w, idx)),
    ...top.slice(0, 15).map(([p, n]) => `• ${escapeHtml(p)}: ${n}`),
    top.length > 15 ? italic(w.t('more_sources', { n: top.length - 15 })) : null,
    escapeHtml(w.t('sources_rule')),
    escapeHtml(w.t('sources_every_answer')),
  ]);
}

/** An indicator with no place: ask which, listing the places that have it. */
export function noPlaceReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const places = idx.provincesWith(indicator);
  const shown = places.slice(0, 15).map(w.place).join(', ');
  const more = places.length > 15 ? w.t('more_places', { n: places.length - 15 }) : '';
  return reply(
    [
      escapeHtml(w.t('which_place', { indicator: w.indicatorNoun(indicator) })),
      escapeHtml(
        places.length ? w.t('help_places_more', { places: shown, more }) : w.t('indicator_empty'),
      ),
    ],
    {
      nextSteps: ['ca-nuoc', ...places.slice(0, 2)].map((p) => ({
        label: w.place(p),
        question: w.question('ask_figure', { indicator, place: p, period: q.period }),
      })),
    },
  );
}

/** A place and a period, no indicator: the figures of that very period, or which periods exist. */
export function periodOverview(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const place = q.places[0]!;
  const period = q.period && q.period.year !== null ? withYear(q.period, q.period.year) : null;
  if (!period) return overview(w, idx, place);
  const named = { place: w.placeInline(place), period: w.period(period) };
  const facts = idx.forPlace(place).filter((f) => inPeriod(f, period, true));
  if (!facts.length) {
    const periods = [
      ...new Set([...idx.forPlace(place)].sort(newestFirst).map((f) => w.period(f.period))),
    ];
    return reply(
      [
        escapeHtml(w.t('place_period_empty', named)),
        periods.length
          ? escapeHtml(w.t('periods_held', { periods: periods.slice(0, 6).join('; ') }))
          : null,
      ],
      { period },
    );
  }
  const lines = [bold(w.t('place_period_figures', named))];
  for (const f of facts)
    lines.push(`• ${bold(cap(w.indicatorNoun(f.indicator)))}: ${escapeHtml(shortFigure(w, f))}`);
  return reply(lines, { period });
}
