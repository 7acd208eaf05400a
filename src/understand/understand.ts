/**
 * Understanding: normalised text -> Query (intent, places, indicator, period), with the
 * previous turn's context filling what a follow-up leaves open.
 */
import type { PeriodQuery } from '../domain/period.js';
import { foldDiacritics, foldPhrase, normalize } from '../normalize/fold.js';
import { englishWords, readEnglish } from './english.js';
import { readEntities } from './entities.js';
import { type Lexicon, lexicon } from '../domain/lexicon.js';
import { periodsCompared, periodsPerPlace } from './period-pairs.js';
import { applyContext, comparedWithPrevious } from './follow-up.js';
import { hasPhrase } from '../normalize/phrase-index.js';
import { anyPhrase, type Reading, readFocus } from './reading.js';
import { readPeriod, type Today } from './periods.js';
import type { Context, Intent, Query, Scope } from './query.js';

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

/**
 * `clientEnglish`: the user's client is set to English, so a first turn with no word of either
 * language ("Kien Giang") is answered in English; a conversation keeps its own language.
 */
function readTurn(
  input: string,
  context: Context | null,
  today: Today,
  lex: Lexicon,
  clientEnglish: boolean,
): Reading {
  const englishBefore = context?.english ?? clientEnglish;
  const asked = readEnglish(comparedWithPrevious(input, context), englishBefore);
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
  // "tỉnh nào có IIP tăng mạnh nhất": a ranking, though "tỉnh nào có" also asks what exists
  const strongRank = anyPhrase(joined, i.rankStrong) || anyPhrase(joined, i.rankByGrowth);
  if (strongRank && places.length <= 1 && indicatorKnown) return 'rank';
  // "bot có dữ liệu gì", "có số liệu của những tỉnh nào": what the store holds as a whole
  if (!named && anyPhrase(joined, i.inventory)) return 'help';
  if (anyPhrase(joined, i.inventory) && named) return 'lookup';
  if (anyPhrase(joined, i.rank) && places.length <= 1 && indicatorKnown) return 'rank';
  if (anyPhrase(joined, i.trend)) return 'trend';
  if (places.length >= 2 || anyPhrase(joined, i.compare)) return 'compare';
  if (named || period !== null || entities.ambiguousPlaces.length > 0) return 'lookup';
  return 'unknown';
}

export function understand(
  input: string,
  context: Context | null,
  today: Today,
  lex: Lexicon = lexicon(),
  clientEnglish = false,
): Query {
  const r = readTurn(input, context, today, lex, clientEnglish);
  applyContext(r, context, lex);
  const { entities, joined } = r;
  if (r.intent === 'lookup' && !r.places.length && !r.indicator && !entities.ambiguousPlaces.length)
    r.intent = 'unknown';
  const other = otherStatistic(r, lex);
  const offTopic = anyPhrase(joined, lex.intents.offTopicHints) || aboutPlaceOnly(r, lex) || other;
  // the question's own indicators: one reused from the turn before does not make it on topic;
  // "du lịch Phú Quốc có gì hay" is about travel even though "có gì" also asks for help
  const command = input.trim().startsWith('/');
  if (offTopic && (entities.indicators.length === 0 || other) && !command) {
    r.intent = 'unknown';
    r.indicator = null;
    r.period = null;
  }
  if (r.intent === 'rank' && r.places.length > 0 && r.reused.includes('places')) r.places = [];
  return queryOf(input, r, context, lex, offTopic);
}

/**
 * A statistic the bot does not carry, named by words that also name one it does: "giá tiêu dùng"
 * (CPI) holds "tiêu dùng" (retail). The question is read again without those names; when no
 * indicator is left, it asked for the other statistic and no figure of ours answers it.
 */
function otherStatistic(r: Reading, lex: Lexicon): boolean {
  const names = lex.intents.otherStatistics;
  if (!anyPhrase(r.joined, names)) return false;
  let rest = ` ${r.joined} `;
  for (const name of names) rest = rest.split(` ${name} `).join('  ');
  return readEntities(normalize(rest), lex).indicators.length === 0;
}

/** Every word the bot reads as part of a question: intent phrases, period words, stopwords. */
const knownWordsOf = new WeakMap<Lexicon, ReadonlySet<string>>();
function knownWords(lex: Lexicon): ReadonlySet<string> {
  let known = knownWordsOf.get(lex);
  if (known) return known;
  const words = new Set<string>(lex.stopwords);
  const add = (v: unknown): void => {
    if (typeof v === 'string') for (const w of foldPhrase(v).split(' ')) words.add(w);
    else if (Array.isArray(v)) for (const x of v) add(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        add(k);
        add(x);
      }
  };
  add(lex.intents);
  add(lex.periods);
  add(englishWords());
  known = words;
  knownWordsOf.set(lex, known);
  return known;
}

/**
 * "phở Hà Nội quán nào ngon", "thơ về Đà Nẵng": a place and words the bot does not read, with no
 * indicator, data word, period or question of its own. A place alone ("Kiên Giang") still asks
 * for its figures.
 */
function aboutPlaceOnly(r: Reading, lex: Lexicon): boolean {
  if (!r.entities.places.length || r.entities.indicators.length) return false;
  if (anyPhrase(r.joined, lex.intents.dataWords) || r.intent === 'rank' || r.intent === 'trend')
    return false;
  const known = knownWords(lex);
  const unread = r.tokens.filter((t, i) => !r.entities.taken[i] && !/^\d/.test(t) && !known.has(t));
  return unread.length >= 2;
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
    ...rankingOf(r, context, lex),
    unsubscribe: anyPhrase(joined, i.unsubscribe),
    reused: r.reused,
    corrections: entities.corrections,
    ambiguousPlaces: [...new Set(entities.ambiguousPlaces)],
    offTopic,
    commodity: lex.commodityIndex.scan(r.tokens)[0]?.value ?? null,
    scope: readScope(joined, lex) ?? (r.reused.length ? (context?.scope ?? null) : null),
    newUnit: readsNewUnit(r.tokens, entities.placeTaken, lex),
    share: anyPhrase(joined, i.share),
    average: anyPhrase(joined, i.average),
    inventory: anyPhrase(joined, i.inventory) && intent === 'lookup',
    sourcesList: anyPhrase(joined, i.sources) && intent === 'help',
    aboutStore: intent === 'help' && anyPhrase(joined, i.inventory) && !asksForGuide(joined, lex),
    yesNo: endsAsYesNo(joined, lex),
    whichMore: anyPhrase(joined, i.whichMore),
    asksFall: anyPhrase(joined, i.asksFall),
    smallTalk: smallTalkOf(input, r, lex),
    belongsTo: anyPhrase(joined, i.belongsTo) && r.places.length > 0,
    periodsByPlace: intent === 'compare' ? periodsPerPlace(input, r.places, r.period, lex) : null,
    periodsCompared: r.places.length <= 1 && r.indicator ? periodsCompared(input, lex) : null,
    secondHalf: r.secondHalf,
    invalidPeriod: r.invalidPeriod,
    unreadTime: r.period ? null : unreadTime(input, joined, lex),
    english: r.english,
  };
}

/** How a ranking is ordered: by its own words, or as the ranking it goes on from. */
function rankingOf(
  r: Reading,
  context: Context | null,
  lex: Lexicon,
): Pick<Query, 'rankBy' | 'rankOrder' | 'rankLimit'> {
  if (r.rankingCarried && context?.ranking) return context.ranking;
  const { joined, intent } = r;
  const i = lex.intents;
  return {
    rankOrder:
      anyPhrase(joined, i.rankAscending) || anyPhrase(joined, i.rankGrowthAscending)
        ? 'asc'
        : 'desc',
    rankBy: intent === 'rank' ? rankMeasure(joined, lex) : 'level',
    rankLimit: intent === 'rank' ? readRankLimit(joined, lex) : null,
  };
}

/** What a ranking orders by: the level, or the change the question names ("tăng mạnh nhất"). */
function rankMeasure(joined: string, lex: Lexicon): Query['rankBy'] {
  const focus = readFocus(joined, lex);
  if (focus.plan) return 'plan';
  if (focus.mom) return 'mom';
  if (focus.yoy || anyPhrase(joined, lex.intents.rankByGrowth)) return 'yoy';
  return 'level';
}

/** The words of a time the store has no period for, as the user wrote them. */
function unreadTime(input: string, joined: string, lex: Lexicon): string | null {
  const phrase = lex.intents.unreadTime.find((p) => anyPhrase(joined, [p]));
  if (!phrase) return null;
  const at = foldDiacritics(input.normalize('NFC')).toLowerCase().indexOf(phrase);
  return at >= 0 ? input.normalize('NFC').slice(at, at + phrase.length) : phrase;
}

const guideWords = new WeakMap<Lexicon, readonly string[]>();

/**
 * "hướng dẫn", "bạn làm được những gì": the guide. The help phrases that also ask what the store
 * holds ("có số liệu gì") do not count: alone, they ask for the store.
 */
function asksForGuide(joined: string, lex: Lexicon): boolean {
  let words = guideWords.get(lex);
  if (!words) {
    const i = lex.intents;
    words = i.help.filter((h) => !i.inventory.includes(h));
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
