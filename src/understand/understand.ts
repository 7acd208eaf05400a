/**
 * Understanding: normalised text -> Query (intent, places, indicator, period), with the
 * previous turn's context filling what a follow-up leaves open.
 */
import { normalize } from '../normalize/fold.js';
import { rewriteEnglish } from './english.js';
import { readEntities } from './entities.js';
import { type Lexicon, lexicon } from './lexicon.js';
import { hasPhrase } from './phrase-index.js';
import { readPeriod, type Today } from './periods.js';
import type { Context, Focus, Intent, Query, Reused, Scope } from './query.js';

const anyPhrase = (joined: string, phrases: readonly string[]) =>
  phrases.some((p) => hasPhrase(joined, p));

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
  return {
    mom: anyPhrase(joined, lex.intents.focus.mom),
    yoy: anyPhrase(joined, lex.intents.focus.yoy),
    plan: anyPhrase(joined, lex.intents.focus.plan),
  };
}

export function understand(
  input: string,
  context: Context | null,
  today: Today,
  lex: Lexicon = lexicon(),
): Query {
  const text = normalize(rewriteEnglish(input));
  const entities = readEntities(text, lex);
  // intent words are read in what is left once place names are taken ("Điện Biên" is no "diễn biến")
  const joined = text.tokens.filter((_, i) => !entities.placeTaken[i]).join(' ');
  const reading = readPeriod(text.flat, lex, today);
  let period = reading.period;
  let places = [...entities.places];
  let indicator = entities.indicators[0] ?? null;
  const focus = readFocus(joined, lex);
  const unsubscribe = anyPhrase(joined, lex.intents.unsubscribe);
  const inventory = anyPhrase(joined, lex.intents.inventory);
  const sourcesList = anyPhrase(joined, lex.intents.sources);

  let intent: Intent;
  const named = places.length > 0 || indicator !== null;
  if (unsubscribe || anyPhrase(joined, lex.intents.subscribe)) intent = 'subscribe';
  else if (sourcesList && places.length === 0) intent = 'help';
  else if (!named && (joined === '' || anyPhrase(joined, lex.intents.help))) intent = 'help';
  else if (inventory && named) intent = 'lookup';
  else if (
    anyPhrase(joined, lex.intents.rank) &&
    places.length <= 1 &&
    (indicator !== null || context?.indicator)
  )
    intent = 'rank';
  else if (anyPhrase(joined, lex.intents.trend)) intent = 'trend';
  else if (places.length >= 2 || anyPhrase(joined, lex.intents.compare)) intent = 'compare';
  else if (named || period !== null || entities.ambiguousPlaces.length > 0) intent = 'lookup';
  else intent = 'unknown';

  // "so với Hải Phòng" after a question about Kiên Giang: a comparison with what was asked
  const comparesWithPrevious =
    context &&
    places.length === 1 &&
    context.places.length > 0 &&
    !context.places.includes(places[0]!) &&
    anyPhrase(joined, lex.intents.compareLinks) &&
    indicator === null;

  const reused: Reused[] = [];
  const followUp =
    context &&
    context.intent !== 'help' &&
    context.intent !== 'unknown' &&
    intent !== 'help' &&
    intent !== 'unknown';
  if (followUp && context) {
    if (comparesWithPrevious) {
      places = [...context.places.filter((p) => p !== places[0]), places[0]!];
      intent = 'compare';
      reused.push('places');
    }
    const partial = places.length === 0 || indicator === null;
    if (places.length === 0 && intent !== 'rank' && context.places.length) {
      places = [...context.places];
      reused.push('places');
      if (intent === 'lookup' && (context.intent === 'compare' || context.intent === 'trend'))
        intent = context.intent;
    }
    if (indicator === null && context.indicator) {
      indicator = context.indicator;
      reused.push('indicator');
    }
    if (period === null && context.period && partial && intent !== 'trend') {
      period = context.period;
      reused.push('period');
    } else if (
      period &&
      period.year === null &&
      context.period?.year != null &&
      !reading.relative
    ) {
      period = { ...period, year: context.period.year };
      reused.push('year');
    } else if (
      period?.type === 'year' &&
      period.year !== null &&
      context.period &&
      context.period.type !== 'year' &&
      entities.places.length === 0 &&
      entities.indicators.length === 0 &&
      !anyPhrase(
        joined,
        lex.periods.wholeYear.filter((w) => w !== 'nam'),
      )
    ) {
      // "còn năm 2019?" after "6 tháng 2020": the same span, another year ("cả năm 2019" stays the year)
      period = { ...context.period, year: period.year };
      reused.push('period');
    }
  }
  if (
    intent === 'lookup' &&
    places.length === 0 &&
    indicator === null &&
    entities.ambiguousPlaces.length === 0
  )
    intent = 'unknown';
  const offTopic = anyPhrase(joined, lex.intents.offTopicHints);
  if (offTopic && indicator === null && intent !== 'help') intent = 'unknown';
  if (intent === 'rank' && places.length > 0 && reused.includes('places')) places = [];

  return {
    text: input,
    intent,
    places,
    indicator,
    otherIndicators: entities.indicators.slice(1),
    period,
    focus,
    rankOrder: anyPhrase(joined, lex.intents.rankAscending) ? 'asc' : 'desc',
    rankLimit: intent === 'rank' ? readRankLimit(joined, lex) : null,
    unsubscribe,
    reused,
    corrections: entities.corrections,
    ambiguousPlaces: [...new Set(entities.ambiguousPlaces)],
    offTopic,
    commodity: lex.commodityIndex.scan(text.tokens)[0]?.value ?? null,
    scope: readScope(joined, lex) ?? (reused.length ? (context?.scope ?? null) : null),
    newUnit: readsNewUnit(text.tokens, entities.placeTaken, lex),
    share: anyPhrase(joined, lex.intents.share),
    inventory: inventory && intent === 'lookup',
    sourcesList: sourcesList && intent === 'help',
  };
}
