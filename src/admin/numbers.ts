/**
 * Numbers in uploaded cells. "1.234" is a thousand in Vietnamese and one and a bit in English:
 * a column's convention is read from the values that cannot be mistaken ("51,2", "17.16",
 * "3.611,46"), and a value that could be read both ways is refused unless the column says
 * which. Percent signs, hexadecimal, exponents and words are refused in number columns.
 */
import { type Problem, problem } from '../domain/problem.js';
export type Convention = 'vi' | 'en' | 'mixed' | 'unknown';

export type ReadNumber = { ok: true; value: number | null } | { ok: false; problem: Problem };

const clean = (v: unknown) => String(v).trim().replace(/\s/g, '');
const isEmpty = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Evidence one value gives about its column's decimal mark. */
function evidence(s: string): 'vi' | 'en' | null {
  if (/^-?\d+,(\d{1,2}|\d{4,})$/.test(s) || /^-?\d{1,3}(\.\d{3})+,\d+$/.test(s)) return 'vi';
  if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) return 'vi';
  if (/^-?\d+\.(\d{1,2}|\d{4,})$/.test(s) || /^-?\d{1,3}(,\d{3})+\.\d+$/.test(s)) return 'en';
  if (/^-?\d{1,3}(,\d{3}){2,}$/.test(s)) return 'en';
  return null;
}

/** The decimal convention of a column, gathered value by value (a file read as a stream). */
export class ConventionTally {
  private vi = false;
  private en = false;

  add(v: unknown): void {
    if (typeof v !== 'string') return;
    const e = evidence(clean(v));
    if (e === 'vi') this.vi = true;
    if (e === 'en') this.en = true;
  }

  get convention(): Convention {
    if (this.vi && this.en) return 'mixed';
    return this.vi ? 'vi' : this.en ? 'en' : 'unknown';
  }
}

/** The decimal convention of a column, from every text value it holds. */
export function columnConvention(values: readonly unknown[]): Convention {
  const tally = new ConventionTally();
  for (const v of values) tally.add(v);
  return tally.convention;
}

function byConvention(s: string, c: 'vi' | 'en'): number {
  const [group, decimal] = c === 'vi' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(\\${decimal}\\d+)?$`);
  if (grouped.test(s)) return Number(s.split(group).join('').replace(decimal, '.'));
  if (plain.test(s)) return Number(s.replace(decimal, '.'));
  return Number.NaN;
}

/** One cell of a number column, read with its column's convention. */
export function readNumber(v: unknown, convention: Convention): ReadNumber {
  if (isEmpty(v)) return { ok: true, value: null };
  if (typeof v === 'number')
    return Number.isFinite(v)
      ? { ok: true, value: v }
      : { ok: false, problem: problem('number_not') };
  const s = clean(v);
  const shown = `"${String(v).slice(0, 30)}"`;
  if (s.endsWith('%')) return { ok: false, problem: problem('number_percent', { shown }) };
  if (/^-?\d+$/.test(s)) return { ok: true, value: Number(s) };
  if (!/^-?[\d.,]+$/.test(s))
    return { ok: false, problem: problem('number_not_decimal', { shown }) };
  const c = convention === 'mixed' || convention === 'unknown' ? evidence(s) : convention;
  if (!c)
    return {
      ok: false,
      problem: problem('ambiguous_number', { shown }),
    };
  const value = byConvention(s, c);
  return Number.isNaN(value)
    ? { ok: false, problem: problem('number_not_shown', { shown }) }
    : { ok: true, value };
}
