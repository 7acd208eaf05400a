/**
 * Answering: a understood Query + the store -> a Reply. The one entry point of the answer layer.
 */
import type { FactIndex } from '../store/fact-store.js';
import type { Query } from '../understand/query.js';
import { compareReply } from './compare.js';
import { periodsCompareReply } from './compare-periods.js';
import {
  belongsToReply,
  didYouMeanReply,
  helpReply,
  smallTalkReply,
  subscribeReply,
  unknownReply,
} from './guide.js';
import {
  noPlaceReply,
  overview,
  periodOverview,
  placesWithReply,
  sourcesReply,
  storeOverview,
} from './inventory.js';
import { lookupReply } from './lookup.js';
import { invalidPeriodReply, secondHalfReply } from './spans.js';
import { rankReply } from './rank.js';
import type { Reply } from './reply.js';
import { trendReply } from './trend.js';
import { escapeHtml, italic } from './format.js';
import { wordsOf } from './words.js';

/** What a follow-up took from the question before, and the names a typo was read as. */
function withReuseNote(q: Query, r: Reply): Reply {
  const w = wordsOf(q);
  const notes: string[] = [];
  if (q.reused.includes('places'))
    notes.push(w.t('reused_places', { places: q.places.map(w.place).join(', ') }));
  if (q.reused.includes('indicator') && q.indicator)
    notes.push(w.t('reused_indicator', { indicator: w.short(q.indicator) }));
  if (q.reused.includes('year')) notes.push(w.t('reused_year', { year: q.period?.year ?? '' }));
  else if (q.reused.includes('period')) notes.push(w.t('reused_period'));
  for (const c of q.corrections)
    notes.push(
      w.t('corrected', {
        typed: c.typed,
        read: c.kind === 'place' ? w.place(c.read) : w.short(c.read),
      }),
    );
  if (!notes.length) return r;
  const note = `(${q.reused.length ? w.t('follow_up', { notes: notes.join('; ') }) : notes.join('; ')})`;
  return { ...r, html: `${r.html}\n${italic(note)}`, text: `${r.text}\n${note}` };
}

/** "xuất khẩu và nhập khẩu Kiên Giang tháng 4": every indicator named, one block each. */
function eachIndicator(q: Query, idx: FactIndex): Reply {
  const parts = [q.indicator!, ...q.otherIndicators].map((indicator) =>
    lookupReply({ ...q, indicator, otherIndicators: [] }, idx),
  );
  const html = parts.map((p) => p.html).join('\n\n');
  return { ...parts[0]!, html, text: parts.map((p) => p.text).join('\n\n') };
}

/** "tuần trước": said first that it was not read, and what is shown instead. */
function withUnreadTime(q: Query, r: Reply): Reply {
  if (!q.unreadTime || q.intent === 'help' || q.intent === 'unknown' || q.intent === 'subscribe')
    return r;
  const note = `ℹ️ ${wordsOf(q).t('unread_time', { words: q.unreadTime })}`;
  return { ...r, html: `${escapeHtml(note)}\n${r.html}`, text: `${note}\n${r.text}` };
}

export function answer(q: Query, idx: FactIndex): Reply {
  return withUnreadTime(q, answerQuery(q, idx));
}

function answerQuery(q: Query, idx: FactIndex): Reply {
  if (q.ambiguousPlaces.length > 1 && q.places.length === 0) return didYouMeanReply(q);
  switch (q.intent) {
    case 'help':
      if (q.smallTalk) return smallTalkReply(q, idx);
      if (q.sourcesList) return sourcesReply(wordsOf(q), idx);
      return q.aboutStore ? storeOverview(wordsOf(q), idx) : helpReply(wordsOf(q), idx);
    case 'unknown':
      return unknownReply(q, idx);
    case 'subscribe':
      return subscribeReply(q, idx);
    default:
      break;
  }
  if (q.belongsTo && q.places.length) return belongsToReply(q, idx);
  if (!q.indicator) {
    if (q.places.length && q.period) return withReuseNote(q, periodOverview(q, idx));
    if (q.places.length) return withReuseNote(q, overview(wordsOf(q), idx, q.places[0]!));
    return unknownReply(q, idx);
  }
  if (q.intent === 'rank') return withReuseNote(q, rankReply(q, idx));
  if (!q.places.length) return q.inventory ? placesWithReply(q, idx) : noPlaceReply(q, idx);
  if (q.intent === 'compare' && q.places.length >= 2) return withReuseNote(q, compareReply(q, idx));
  if (q.periodsCompared && q.places.length === 1 && q.intent !== 'trend')
    return withReuseNote(q, periodsCompareReply(q, idx));
  if (q.intent === 'trend') return withReuseNote(q, trendReply(q, idx));
  if (q.invalidPeriod) return invalidPeriodReply(q);
  if (q.secondHalf) return withReuseNote(q, secondHalfReply(q, idx));
  if (q.otherIndicators.length) return withReuseNote(q, eachIndicator(q, idx));
  return withReuseNote(q, lookupReply(q, idx));
}
