/**
 * The checks write no words: a cell, a number or a record that is wrong comes back as a code of
 * the message catalogue with its values, and is worded only where it is shown.
 */
import { describe, expect, it } from 'vitest';
import { resolvePeriod, resolvePlace } from '../src/admin/cells.js';
import { readNumber } from '../src/admin/numbers.js';
import { problemText } from '../src/domain/problem.js';
import { parseFact } from '../src/store/schema.js';

describe('problems, not sentences', () => {
  it('a cell: a code, its values, a nested guess', () => {
    const r = resolvePlace('Kien Gang');
    expect(r).toMatchObject({
      error: {
        code: 'cell_unknown_place',
        values: { value: 'Kien Gang', guess: { code: 'cell_guess' } },
      },
    });
    expect(problemText((r as { error: Parameters<typeof problemText>[0] }).error)).toMatch(
      /kien-giang|Kiên Giang/,
    );
    expect(resolvePeriod('T13/2020')).toMatchObject({
      error: { code: 'cell_impossible_period', values: { why: { code: 'no_such_month' } } },
    });
  });

  it('a number read both ways is a code; worded in Vietnamese only when shown', () => {
    const r = readNumber('1.234', 'unknown');
    expect(r).toEqual({
      ok: false,
      problem: { code: 'ambiguous_number', values: { shown: '"1.234"' } },
    });
    if (!r.ok) expect(problemText(r.problem)).toMatch(/1\.234/);
  });

  it('a record: the schema’s own checks and the domain rules are codes; zod’s words stay as written', () => {
    const exportOf = (source: Record<string, string>) => ({
      ...{ place: 'kien-giang', indicator: 'export', kind: 'actual', value: -5, unit: 'triệu USD' },
      period: { type: 'month', year: 2020, month: 4 },
      source,
    });
    const bad = parseFact(exportOf({ publisher: 'Sở Công Thương', date: '2020-13-01' }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const codes = bad.issues.map((i) => i.problem.code);
    expect(codes).toContain('rule_date_unreal');
    const negative = parseFact(exportOf({ publisher: 'Sở Công Thương' }));
    expect(negative.ok ? [] : negative.issues.map((i) => i.problem.code)).toEqual([
      'rule_negative',
    ]);
  });
});
