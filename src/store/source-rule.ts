/**
 * Which record answers when several sources state the same figure (same place, indicator,
 * period, kind and scope). In order:
 *  1. a final figure over an estimate ("ước"), and a stated revision over what it revises;
 *  2. for output values, constant 2010 prices (the indicator's definition) over current prices;
 *  3. the province's own office or a statistics office over a national agency, and both over a
 *     newspaper re-reporting them;
 *  4. a record that states more (a level as well as growth) over one that states less;
 *  5. the later publication over the earlier (an unknown date counts as the earliest);
 *  6. the record added later.
 * Every record is kept; the others are shown as "nguồn khác" when they state another figure.
 */
import type { Fact } from './schema.js';

const OWN_OFFICE =
  /s[ởo] c[ôo]ng th[ươu][ơo]ng|c[ụu]c th[ốo]ng k[êe]|chi c[ụu]c th[ốo]ng k[êe]|t[ổo]ng c[ụu]c th[ốo]ng k[êe]|ubnd|[ủu]y ban nh[âa]n d[âa]n|\bgso\b|statistics office|department of industry and trade/i;
const NATIONAL_AGENCY =
  /h[ảa]i quan|b[ộo] c[ôo]ng th[ươu][ơo]ng|b[ộo] k[ếe] ho[ạa]ch|ministry|customs/i;
const REVISION = /revis|điều chỉnh|chính thức|sơ bộ lần 2/i;

/** 2: the province's own office or a statistics office; 1: a national agency; 0: the press. */
export function publisherRank(publisher: string): number {
  if (OWN_OFFICE.test(publisher)) return 2;
  if (NATIONAL_AGENCY.test(publisher)) return 1;
  return 0;
}

const finality = (f: Fact) => (f.estimate ? 0 : 1) + (f.note && REVISION.test(f.note) ? 1 : 0);
const basis = (f: Fact) => (f.price_basis === 'hien-hanh' ? 0 : 1);
const stated = (f: Fact) =>
  [f.value, f.mom_pct, f.yoy_pct, f.plan_pct].filter((x) => x !== null).length;

/**
 * The rule as one string per record, greater for the record that answers: a digit for each of
 * rules 1-4, then the publication date. A database orders by it to keep only each figure's
 * chosen record (rule 6, the record added later, is the caller's tie-break).
 */
export function choiceKey(f: Fact): string {
  const rank = publisherRank(f.source.publisher);
  return `${finality(f)}${basis(f)}${rank}${stated(f)}${f.source.date ?? ''}`;
}

/** Negative when the record of choice key `a` should answer rather than the one of `b`. */
export function compareChoices(a: string, b: string): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

/** Two records state different figures (beyond rounding at the coarser one's precision). */
export function differ(a: Fact, b: Fact): boolean {
  return (
    differs(a.value, b.value) ||
    differs(a.yoy_pct, b.yoy_pct) ||
    differs(a.mom_pct, b.mom_pct) ||
    differs(a.plan_pct, b.plan_pct)
  );
}

function differs(x: number | null, y: number | null): boolean {
  if (x === null || y === null) return false;
  const decimals = Math.min(decimalsOf(x), decimalsOf(y));
  const step = 10 ** -decimals;
  return Math.abs(x - y) >= step / 2 + 1e-9;
}

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
