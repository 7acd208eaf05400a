/** Help, "chưa hiểu" and "Ý bạn là" replies, with example questions built from the data. */
import type { FactIndex } from '../store/fact-store.js';
import type { Query } from '../understand/query.js';
import { lexicon } from '../domain/lexicon.js';
import { bold, escapeHtml } from './format.js';
import { type NextStep, type Reply, reply } from './reply.js';
import { type Words, wordsOf } from './words.js';

/** Example questions that the store can answer, varied across places and indicators. */
export function exampleQuestions(w: Words, idx: FactIndex, count = 3): NextStep[] {
  return idx.memo(`examples:${count}:${w.lang}`, () => findExamples(w, idx, count));
}

function findExamples(w: Words, idx: FactIndex, count: number): NextStep[] {
  const out: NextStep[] = [];
  const seenPlaces = new Set<string>();
  const seenInd = new Set<string>();
  const facts = [...idx.facts].filter(
    (f) =>
      f.kind === 'actual' &&
      f.place !== 'ca-nuoc' &&
      !lexicon().indicators.get(f.indicator)?.parent,
  );
  for (const f of facts) {
    if (out.length >= count) break;
    if (seenPlaces.has(f.place) || seenInd.has(f.indicator)) continue;
    seenPlaces.add(f.place);
    seenInd.add(f.indicator);
    const q = w.question('ask_figure', {
      indicator: f.indicator,
      place: f.place,
      period: f.period,
    });
    out.push({ label: q, question: q });
  }
  const places = idx.allPlaces().filter((p) => p !== 'ca-nuoc');
  const shared = ['retail', 'export', 'iip'].find(
    (i) => idx.placesWith(i).filter((p) => p !== 'ca-nuoc').length >= 2,
  );
  if (shared && places.length >= 2) {
    const [a, b] = idx.placesWith(shared).filter((p) => p !== 'ca-nuoc');
    const q = w.question('ask_compare', { indicator: shared, place: a!, other: b! });
    out.push({ label: q, question: q });
  }
  return out.slice(0, Math.max(count, 1));
}

export function helpReply(w: Words, idx: FactIndex): Reply {
  return idx.memo(`help:${w.lang}`, () => composeHelp(w, idx));
}

const HELP_INDICATORS = ['iip', 'industrial_output', 'retail', 'export', 'import', 'trade_total'];

function composeHelp(w: Words, idx: FactIndex): Reply {
  const examples = exampleQuestions(w, idx, 4);
  const places = idx
    .allPlaces()
    .filter((p) => p !== 'ca-nuoc')
    .map(w.place);
  const trendPlace = idx.allPlaces().find((p) => p !== 'ca-nuoc');
  const bullet = (s: string) => `• ${escapeHtml(s)}`;
  const indicators = HELP_INDICATORS.map((i) => w.indicator(i).replace(/ \(.*\)$/, ''));
  return reply(
    [
      bold(w.t('help_title')),
      escapeHtml(w.t('help_how')),
      ...examples.map((e) => bullet(e.question)),
      trendPlace ? bullet(w.question('ask_trend_retail', { place: trendPlace })) : null,
      bullet(w.t('help_rank_example')),
      bullet(w.t('help_subscribe_example')),
      escapeHtml(w.t('help_periods')),
      escapeHtml(w.t('help_indicators', { list: indicators.join('; ') })),
      escapeHtml(w.t('help_places', { places: places.join(', ') })),
      escapeHtml(w.t('help_figures')),
      escapeHtml(w.t('help_commands')),
    ],
    { nextSteps: examples.slice(0, 3) },
  );
}

export function unknownReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const examples = exampleQuestions(w, idx, 3).slice(0, 3);
  return reply(
    [
      escapeHtml(w.t(q.offTopic ? 'off_topic' : 'not_understood')),
      escapeHtml(w.t('try_these')),
      ...examples.map((e) => `• ${escapeHtml(e.question)}`),
      escapeHtml(w.t('help_hint')),
    ],
    { nextSteps: examples },
  );
}

export function didYouMeanReply(q: Query): Reply {
  const w = wordsOf(q);
  const options = q.ambiguousPlaces.slice(0, 4).map((p) => ({
    label: w.place(p),
    question: w.question('ask_figure', {
      ...(q.indicator ? { indicator: q.indicator } : {}),
      place: p,
      period: q.period,
    }),
  }));
  const or = ` ${w.t('or')} `;
  return reply(
    [
      escapeHtml(w.t('did_you_mean', { options: options.map((o) => o.label).join(or) })),
      escapeHtml(w.t('choose_place')),
    ],
    { didYouMean: options },
  );
}

export function subscribeReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const place = q.places[0];
  const what = q.indicator ? w.indicatorNoun(q.indicator) : w.t('main_indicators');
  if (q.unsubscribe)
    return reply([
      escapeHtml(
        place ? w.t('unsubscribe_place', { place: w.place(place) }) : w.t('unsubscribe_any'),
      ),
    ]);
  if (!place) {
    const example = w.question('ask_subscribe_exports', {
      place: idx.allPlaces()[0] ?? 'kien-giang',
    });
    return reply([
      escapeHtml(w.t('subscribe_which', { what })),
      escapeHtml(w.t('subscribe_example', { example })),
    ]);
  }
  return reply([
    bold(w.t('subscribe_title', { what, place: w.place(place) })),
    escapeHtml(w.t('subscribe_what')),
    escapeHtml(w.t('subscribe_how')),
  ]);
}

/** Thanks, a greeting, an emoji: a short fitting reply and a few examples. */
export function smallTalkReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const examples = q.smallTalk === 'thanks' ? [] : exampleQuestions(w, idx, 2);
  return reply(
    [
      escapeHtml(w.t(`small_${q.smallTalk ?? 'greeting'}`)),
      ...examples.map((e) => `• ${escapeHtml(e.question)}`),
    ],
    { nextSteps: examples },
  );
}

/** "Kiên Giang bây giờ thuộc tỉnh nào?": the 1 July 2025 merger for that place. */
export function belongsToReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const cat = idx.catalogue;
  const date = w.mergerDate();
  const lines = q.places.map((id) => {
    const p = cat.place(id);
    if (!p || cat.isNational(id)) return escapeHtml(w.t('not_a_province', { place: w.place(id) }));
    if (p.mergedInto) {
      const partners = cat
        .absorbedBy(p.mergedInto)
        .filter((x) => x.id !== id)
        .map((x) => x.name);
      const withOthers = partners.length
        ? w.t('merged_with', { partners: partners.join(', ') })
        : '';
      const into = w.place(p.mergedInto);
      const from = w.mergerMonth();
      return escapeHtml(w.t('merged_into', { date, from, place: p.name, into, with: withOthers }));
    }
    const parts = cat.absorbedBy(id).map((x) => x.name);
    return escapeHtml(
      parts.length
        ? w.t('new_unit_parts', { date, place: p.name, parts: parts.join(', ') })
        : w.t('not_merged', { date, place: p.name }),
    );
  });
  return reply(lines);
}
