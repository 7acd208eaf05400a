/**
 * Understanding: normalised text -> Query (intent, places, indicator, period), with the
 * previous turn's context filling what a follow-up leaves open.
 */
import type { PeriodQuery } from '../domain/period.js';
import { normalize } from '../normalize/fold.js';
import { readEnglish } from './english.js';
import { readEntities } from './entities.js';
import { type Lexicon, lexicon } from './lexicon.js';
import { periodsCompared, periodsPerPlace } from './period-pairs.js';
import { hasPhrase } from './phrase-index.js';
import { type InvalidPeriod, readPeriod, type Today } from './periods.js';
import type { Context, Focus, Intent, Query, Reused, Scope } from './query.js';

// one turn asks about the same lists several times (intent, focus, follow-up): answered once
let memoText = '';
let memo = new WeakMap<readonly string[], boolean>();

function anyPhrase(joined: string, phrases: readonly string[]): boolean {
  if (joined !== memoText) {
    memoText = joined;
    memo = new WeakMap();
  }
  let hit = memo.get(phrases);
  if (hit === undefined) {
    hit = phrases.some((p) => hasPhrase(joined, p));
    memo.set(phrases, hit);
  }
  return hit;
}

/** "top 5", "5 tỉnh xuất khẩu nhiều nhất": a number next to the words of intents.json rankLimit. */
function readRankLimit(joined: string, lex: Lexicon): number | null {
  for (const w of lex.intents.rankLimit.before) {
    const m = new RegExp(`(?:^| )${w} (\\d{1,2})(?: |$)`).exec(joined);
    if (m) return Number(m[1]);
  }
  for (const w of lex.intents.rankLimit.after) {
    const m = new RegExp(`(?:^| )(\\d{1,2}) ${w}(?: |$)`).exec(joined);
    if (m) return Number(m[1]);
  }
  return null;
}

function readScope(joined: string, lex: Lexicon): Scope | null {
  for (const [scope, phrases] of Object.entries(lex.intents.scopes))
    if (anyPhrase(joined, phrases)) return scope as Scope;
  return null;
}

/** "mới" right after a place's words: the merged unit. */
function readsNewUnit(tokens: readonly string[], placeTaken: readonly boolean[], lex: Lexicon) {
  const after = tokens.filter((_, i) => placeTaken[i - 1] && !placeTaken[i]).join(' ');
  return lex.intents.newUnit.some((w) => after.startsWith(w) || hasPhrase(after, w));
}

function readFocus(joined: string, lex: Lexicon): Focus {
  const f = lex.intents.focus;
  return {
    mom: anyPhrase(joined, f.mom),
    yoy: anyPhrase(joined, f.yoy),
    plan: anyPhrase(joined, f.plan),
    direction: anyPhrase(joined, f.direction),
  };
}

/** What one turn says by itself, before any context. */
interface Reading {
  readonly english: boolean;
  readonly secondHalf: boolean;
  readonly invalidPeriod: InvalidPeriod | null;
  readonly joined: string;
  readonly entities: ReturnType<typeof readEntities>;
  readonly relative: boolean;
  readonly tokens: readonly string[];
  intent: Intent;
  places: string[];
  indicator: string | null;
  period: PeriodQuery | null;
  readonly reused: Reused[];
}

/**
 * "so với tháng 3" about a figure of April is "so với tháng trước" (and "so với năm 2019" about
 * 2020 is "so với năm trước"): the comparison the source states, asked by its period.
 */
function comparedWithPrevious(input: string, context: Context | null): string {
  const p = context?.period;
  if (!p || p.year === null) return input;
  const month = p.type === 'month' ? p.month : null;
  return input
    .replace(/\bso(?: v[ớo]i)? th[áa]ng (\d{1,2})(?![\d/])/giu, (m, n: string) =>
      month !== null && Number(n) === (month === 1 ? 12 : month - 1) ? 'so với tháng trước' : m,
    )
    .replace(/\bso(?: v[ớo]i)? (?:n[ăa]m )?(\d{4})(?![\d/])/giu, (m, y: string) =>
      Number(y) === p.year! - 1 ? 'so với cùng kỳ năm trước' : m,
    );
}

function readTurn(input: string, context: Context | null, today: Today, lex: Lexicon): Reading {
  const asked = readEnglish(comparedWithPrevious(input, context), context?.english ?? false);
  const text = normalize(asked.text);
  const entities = readEntities(text, lex);
  // intent words are read in what is left once place names are taken ("Điện Biên" is no "diễn
  // biến")
  const joined = text.tokens.filter((_, i) => !entities.placeTaken[i]).join(' ');
  const period = readPeriod(text.flat, lex, today);
  const places = [...entities.places];
  const indicator = entities.indicators[0] ?? null;
  const base = {
    ...{ joined, entities, relative: period.relative, tokens: text.tokens, reused: [] },
    ...{ secondHalf: !!period.secondHalf, invalidPeriod: period.invalid ?? null },
    english: asked.english,
  };
  const indicatorKnown = indicator !== null || !!context?.indicator;
  const intent = intentOf(joined, places, indicatorKnown, period.period, entities, lex);
  return { ...base, intent, places, indicator, period: period.period };
}

function intentOf(
  joined: string,
  places: readonly string[],
  indicatorKnown: boolean,
  period: PeriodQuery | null,
  entities: ReturnType<typeof readEntities>,
  lex: Lexicon,
): Intent {
  const named = places.length > 0 || entities.indicators.length > 0;
  const i = lex.intents;
  if (anyPhrase(joined, i.unsubscribe) || anyPhrase(joined, i.subscribe)) return 'subscribe';
  if (anyPhrase(joined, i.belongsTo) && places.length > 0) return 'lookup';
  if (!named && (anyPhrase(joined, i.thanks) || anyPhrase(joined, i.greetings))) return 'help';
  if (anyPhrase(joined, i.sources) && places.length === 0) return 'help';
  if (!named && (joined === '' || anyPhrase(joined, i.help))) return 'help';
  // "bot có dữ liệu gì", "có số liệu của những tỉnh nào": what the store holds as a whole
  if (!named && anyPhrase(joined, i.inventory)) return 'help';
  if (anyPhrase(joined, i.inventory) && named) return 'lookup';
  if (anyPhrase(joined, i.rank) && places.length <= 1 && indicatorKnown) return 'rank';
  if (anyPhrase(joined, i.trend)) return 'trend';
  if (places.length >= 2 || anyPhrase(joined, i.compare)) return 'compare';
  if (named || period !== null || entities.ambiguousPlaces.length > 0) return 'lookup';
  return 'unknown';
}

/** A turn that asks only about the figure being discussed: "tăng hay giảm vậy", "còn lũy kế?". */
function asksAboutPrevious(r: Reading, lex: Lexicon): boolean {
  if (r.places.length || r.indicator) return false;
  const i = lex.intents;
  const f = readFocus(r.joined, lex);
  return (
    f.mom ||
    f.yoy ||
    f.plan ||
    f.direction ||
    [i.cumulativeFollowup, i.monthFollowup, i.previousYear, i.whichMore].some((p) =>
      anyPhrase(r.joined, p),
    )
  );
}

/**
 * The span of the turn before, changed as the follow-up asks (lũy kế, riêng tháng, năm liền trước).
 */
function followUpPeriod(r: Reading, prior: Context['period'], lex: Lexicon): PeriodQuery | null {
  if (!prior) return null;
  const i = lex.intents;
  const month = prior.type === 'month' || prior.type === 'ytd' ? prior.month : null;
  if (asksPreviousYear(r, lex) && prior.year !== null)
    return { ...prior, year: prior.year - 1 } as PeriodQuery;
  if (month && anyPhrase(r.joined, i.cumulativeFollowup))
    return { type: 'ytd', year: prior.year, month };
  if (month && anyPhrase(r.joined, i.monthFollowup))
    return { type: 'month', year: prior.year, month };
  return prior as PeriodQuery;
}

/** "so với Hải Phòng" after a question about Kiên Giang: a comparison with what was asked. */
function comparesWithPrevious(r: Reading, context: Context, lex: Lexicon): boolean {
  return (
    r.places.length === 1 &&
    context.places.length > 0 &&
    !context.places.includes(r.places[0]!) &&
    anyPhrase(r.joined, lex.intents.compareLinks) &&
    r.indicator === null
  );
}

function reusePlacesAndIndicator(r: Reading, context: Context, lex: Lexicon): void {
  if (comparesWithPrevious(r, context, lex)) {
    r.places = [...context.places.filter((p) => p !== r.places[0]), r.places[0]!];
    r.intent = 'compare';
    r.reused.push('places');
  }
  const asksWhichPlaces = anyPhrase(r.joined, lex.intents.whichPlaces);
  if (r.places.length === 0 && r.intent !== 'rank' && !asksWhichPlaces && context.places.length) {
    r.places = [...context.places];
    r.reused.push('places');
    if (r.intent === 'lookup' && (context.intent === 'compare' || context.intent === 'trend'))
      r.intent = context.intent;
  }
  if (r.indicator === null && context.indicator) {
    r.indicator = context.indicator;
    r.reused.push('indicator');
  }
}

function reusePeriod(r: Reading, context: Context, partial: boolean, lex: Lexicon): void {
  const prior = context.period;
  if (r.period === null && prior && partial && r.intent !== 'trend') {
    r.period = prior as PeriodQuery;
    r.reused.push('period');
  } else if (r.period && r.period.year === null && prior?.year != null && !r.relative) {
    r.period = { ...r.period, year: prior.year };
    r.reused.push('year');
  } else if (sameSpanOtherYear(r, prior, lex)) {
    // "còn năm 2019?" after "6 tháng 2020": the same span, another year ("cả năm 2019" stays the
    // year)
    r.period = { ...prior!, year: r.period!.year } as PeriodQuery;
    r.reused.push('period');
  }
}

function sameSpanOtherYear(r: Reading, prior: Context['period'], lex: Lexicon): boolean {
  return (
    r.period?.type === 'year' &&
    r.period.year !== null &&
    !!prior &&
    prior.type !== 'year' &&
    r.entities.places.length === 0 &&
    r.entities.indicators.length === 0 &&
    !anyPhrase(
      r.joined,
      lex.periods.wholeYear.filter((w) => w !== 'nam'),
    )
  );
}

/** "cùng kỳ năm ngoái bao nhiêu" asks the figure a year earlier; "so với cùng kỳ" its change. */
function asksPreviousYear(r: Reading, lex: Lexicon): boolean {
  const i = lex.intents;
  return anyPhrase(r.joined, i.previousYear) && !anyPhrase(r.joined, i.yoyComparison);
}

/** "còn năm trước đó?": the year before the one being discussed, not the year before today. */
function asksYearBeforeDiscussed(r: Reading, context: Context, lex: Lexicon): boolean {
  return (
    r.places.length === 0 &&
    r.indicator === null &&
    context.period?.year != null &&
    asksPreviousYear(r, lex)
  );
}

/** "bên nào nhiều hơn" after one place, then another: the two compared. */
function comparesEarlierPlaces(r: Reading, context: Context, lex: Lexicon): void {
  if (context.intent === 'compare' || !context.earlierPlaces?.length) return;
  if (!anyPhrase(r.joined, lex.intents.whichMore)) return;
  r.intent = 'compare';
  r.places = [...context.earlierPlaces, ...context.places];
  r.reused.push('places');
}

/** Fills what a follow-up leaves open from the turn before. */
function applyContext(r: Reading, context: Context | null, lex: Lexicon): void {
  if (!context || context.intent === 'help' || context.intent === 'unknown') return;
  if (asksYearBeforeDiscussed(r, context, lex)) {
    if (r.intent === 'unknown' || r.intent === 'lookup')
      r.intent = context.intent === 'rank' ? 'lookup' : context.intent;
    r.period = followUpPeriod(r, context.period, lex);
    r.reused.push('year');
  } else if (r.intent === 'unknown' && asksAboutPrevious(r, lex)) {
    r.intent = context.intent === 'rank' ? 'lookup' : context.intent;
    r.period = followUpPeriod(r, context.period, lex);
    // "còn lũy kế?" changes the span: the note then says only what was carried over
    if (JSON.stringify(r.period) === JSON.stringify(context.period)) r.reused.push('period');
    comparesEarlierPlaces(r, context, lex);
  }
  if (r.intent === 'help' || r.intent === 'unknown') return;
  const partial = r.places.length === 0 || r.indicator === null;
  reusePlacesAndIndicator(r, context, lex);
  reusePeriod(r, context, partial, lex);
}

export function understand(
  input: string,
  context: Context | null,
  today: Today,
  lex: Lexicon = lexicon(),
): Query {
  const r = readTurn(input, context, today, lex);
  applyContext(r, context, lex);
  const { entities, joined } = r;
  if (r.intent === 'lookup' && !r.places.length && !r.indicator && !entities.ambiguousPlaces.length)
    r.intent = 'unknown';
  const offTopic = anyPhrase(joined, lex.intents.offTopicHints);
  // the question's own indicators: one reused from the turn before does not make it on topic;
  // "du lịch Phú Quốc có gì hay" is about travel even though "có gì" also asks for help
  const command = input.trim().startsWith('/');
  if (offTopic && entities.indicators.length === 0 && !command) {
    r.intent = 'unknown';
    r.indicator = null;
    r.period = null;
  }
  if (r.intent === 'rank' && r.places.length > 0 && r.reused.includes('places')) r.places = [];
  return queryOf(input, r, context, lex, offTopic);
}

function queryOf(
  input: string,
  r: Reading,
  context: Context | null,
  lex: Lexicon,
  offTopic: boolean,
): Query {
  const { entities, joined, intent } = r;
  const i = lex.intents;
  return {
    text: input,
    intent,
    places: r.places,
    indicator: r.indicator,
    otherIndicators: entities.indicators.slice(1),
    period: r.period,
    focus: readFocus(joined, lex),
    rankOrder: anyPhrase(joined, i.rankAscending) ? 'asc' : 'desc',
    rankLimit: intent === 'rank' ? readRankLimit(joined, lex) : null,
    unsubscribe: anyPhrase(joined, i.unsubscribe),
    reused: r.reused,
    corrections: entities.corrections,
    ambiguousPlaces: [...new Set(entities.ambiguousPlaces)],
    offTopic,
    commodity: lex.commodityIndex.scan(r.tokens)[0]?.value ?? null,
    scope: readScope(joined, lex) ?? (r.reused.length ? (context?.scope ?? null) : null),
    newUnit: readsNewUnit(r.tokens, entities.placeTaken, lex),
    share: anyPhrase(joined, i.share),
    inventory: anyPhrase(joined, i.inventory) && intent === 'lookup',
    sourcesList: anyPhrase(joined, i.sources) && intent === 'help',
    aboutStore: intent === 'help' && anyPhrase(joined, i.inventory) && !asksForGuide(joined, lex),
    yesNo: endsAsYesNo(joined, lex),
    asksFall: anyPhrase(joined, i.asksFall),
    smallTalk: smallTalkOf(input, r, lex),
    belongsTo: anyPhrase(joined, i.belongsTo) && r.places.length > 0,
    periodsByPlace: intent === 'compare' ? periodsPerPlace(input, r.places, r.period, lex) : null,
    periodsCompared: r.places.length <= 1 && r.indicator ? periodsCompared(input, lex) : null,
    secondHalf: r.secondHalf,
    invalidPeriod: r.invalidPeriod,
    english: r.english,
  };
}

const guideWords = new WeakMap<Lexicon, readonly string[]>();

/**
 * "hướng dẫn", "bạn làm được những gì": the guide, even with words that also ask what the store
 * holds ("có số liệu gì" alone asks the latter).
 */
function asksForGuide(joined: string, lex: Lexicon): boolean {
  let words = guideWords.get(lex);
  if (!words) {
    const i = lex.intents;
    words = [...i.help.filter((h) => !i.inventory.includes(h)), 'những gì', 'nhung gi'];
    guideWords.set(lex, words);
  }
  return anyPhrase(joined, words);
}

function smallTalkOf(input: string, r: Reading, lex: Lexicon): Query['smallTalk'] {
  if (r.intent !== 'help') return null;
  if (anyPhrase(r.joined, lex.intents.thanks)) return 'thanks';
  // nothing but pictographs, joiners, variation selectors and punctuation: an emoji turn
  const bare = input.trim().replace(/[\p{Extended_Pictographic}\p{Emoji_Component}\s!?.]/gu, '');
  if (input.trim() && !bare.replace(/[\u200d\ufe0f]/g, '')) return 'emoji';
  if (anyPhrase(r.joined, lex.intents.greetings) && r.joined.split(' ').length <= 4)
    return 'greeting';
  return null;
}

/** "có vượt kế hoạch không", "tăng phải không": a question to answer yes or no first. */
function endsAsYesNo(joined: string, lex: Lexicon): boolean {
  return lex.intents.yesNo.some((w) => joined === w || joined.endsWith(` ${w}`));
}
