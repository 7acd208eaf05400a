/**
 * The replies' number formatting writes what Intl.NumberFormat writes, for both languages and
 * every number of decimals: rounding as the shortest decimal form reads, half away from zero,
 * the sign of a negative that rounds to zero, groups of thousands, and the forms left to Intl.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/answer/number-format.js';

/** A fixed sequence (no Math.random): the same numbers at every run. */
function* numbers(count: number): Generator<number> {
  let seed = 20_261_208;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < count; i++) {
    const magnitude = 10 ** Math.floor(next() * 12 - 3);
    yield Number((next() * magnitude).toFixed(Math.floor(next() * 8)));
    yield next() * magnitude;
  }
}

const SPECIAL = [0, -0, 0.5, 1.5, 2.5, 0.005, 1.005, 1.015, 2.675, 9.995, 999.995, 99999.9995];
const OTHERS = [1e-7, 1.23e-5, 1e21, 123456789012, 0.1 + 0.2, -0.001, -0.0049, 3611.46, 205.11];

describe('numbers as a locale writes them', () => {
  it('match Intl.NumberFormat for both languages and 0 to 12 decimals', () => {
    const differing: string[] = [];
    for (const lang of ['vi', 'en'] as const)
      for (let digits = 0; digits <= 12; digits++) {
        const intl = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
          maximumFractionDigits: digits,
        });
        for (const x of [...SPECIAL, ...OTHERS, ...numbers(400)])
          for (const n of [x, -x])
            if (formatNumber(n, digits, lang) !== intl.format(n))
              differing.push(`${n} ${digits} ${lang}: ${formatNumber(n, digits, lang)}`);
      }
    expect(differing).toEqual([]);
  });

  it('write the figures of the reports as people read them', () => {
    expect(formatNumber(3611.46, 3, 'vi')).toBe('3.611,46');
    expect(formatNumber(3611.46, 3, 'en')).toBe('3,611.46');
    expect(formatNumber(1.005, 2, 'vi')).toBe('1,01');
    expect(formatNumber(-0.001, 2, 'vi')).toBe('-0');
    expect(formatNumber(2533.4 / 1000, 4, 'vi')).toBe('2,5334');
  });
});
