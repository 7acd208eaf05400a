/**
 * One place over two periods ("xuất khẩu Kiên Giang quý 1/2020 so với quý 1/2019"): each
 * period's figure, then the change between them — the one the source states when the earlier
 * period is a month or a year before, else computed from the two levels and labelled as such.
 */
import { type Period, periodEnd, samePeriod, withYear } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { cap, shortFigure, sourcesLine } from './figure.js';
import { bold, escapeHtml } from './format.js';
import { type Reply, reply } from './reply.js';
import { resolve } from './resolve.js';
import { type Words, wordsOf } from './words.js';

interface Side {
  readonly period: Period;
  readonly fact: Fact | null;
}

/** Is `earlier` the same span a year before, or the month before? Then the source states it. */
function statedAgainst(later: Period, earlier: Period): 'yoy' | 'mom' | null {
  if (samePeriod({ ...later, year: later.year - 1 } as Period, earlier)) return 'yoy';
  if (later.type === 'month' && earlier.type === 'month') {
    const prev =
      later.month === 1
        ? { year: later.year - 1, month: 12 }
        : { year: later.year, month: later.month - 1 };
    if (earlier.year === prev.year && earlier.month === prev.month) return 'mom';
  }
  return null;
}

function changeLine(w: Words, later: Side, earlier: Side): string {
  const names = { later: w.period(later.period), earlier: w.period(earlier.period) };
  const against = statedAgainst(later.period, earlier.period);
  const stated = !later.fact || !against ? null : later.fact[`${against}_pct`];
  if (stated !== null && stated !== undefined)
    return w.t('periods_change_stated', { ...names, change: w.change(stated) });
  const [a, b] = [later.fact?.value ?? null, earlier.fact?.value ?? null];
  if (a !== null && b !== null && b > 0 && later.fact!.unit === earlier.fact!.unit) {
    const pct = Math.round((a / b - 1) * 10000) / 100;
    return w.t('periods_change_computed', { ...names, change: w.change(pct) });
  }
  if (later.fact && earlier.fact) return w.t('periods_change_unknown', names);
  const missing = !later.fact ? names.later : names.earlier;
  return w.t('periods_change_none', { missing });
}

export function periodsCompareReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const place = q.places[0]!;
  const [later, earlier] = q
    .periodsCompared!.map((p) => withYear(p, p.year!))
    .sort((a, b) => periodEnd(b) - periodEnd(a))
    .map((period): Side => {
      const r = resolve(idx, place, indicator, period, q.scope);
      return { period, fact: r.facts[0] ?? null };
    }) as [Side, Side];
  const title = w.t('periods_title', {
    ...{ indicator: w.indicator(indicator), place: w.place(place) },
    ...{ later: w.period(later.period), earlier: w.period(earlier.period) },
  });
  const lines = [bold(title)];
  for (const side of [later, earlier]) {
    const said = side.fact ? shortFigure(w, side.fact) : w.t('part_missing');
    lines.push(`• ${bold(w.period(side.period))}: ${escapeHtml(said)}`);
  }
  lines.push(`👉 ${escapeHtml(cap(changeLine(w, later, earlier)))}`);
  const facts = [later.fact, earlier.fact].filter((f): f is Fact => f !== null);
  const sources = sourcesLine(w, facts);
  if (sources) lines.push(sources);
  return reply(lines, { period: later.period });
}
