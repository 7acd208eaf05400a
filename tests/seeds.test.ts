/**
 * Checks data/ against the real reports in ../shared/seeds (skipped with a message when
 * that folder is absent): every stored figure is written in its report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { bundled } from './helpers.js';

const SEEDS = join(PROJECT_ROOT, '..', 'shared', 'seeds');
const present = existsSync(SEEDS);
if (!present)
  console.warn(`seed reports not found at ${SEEDS}: the checks on the real texts are skipped`);

/** All the ways a report may write a number: 3.611,46 / 26,30 / 17, 5 / 144 ngàn. */
function writtenForms(n: number): string[] {
  const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(n);
  const forms = [vi, vi.replace(/,(\d)$/, ',$10'), vi.replace(',', ', ')];
  if (n >= 1000 && n % 1000 === 0) forms.push(`${n / 1000} ngàn`, `${n / 1000} nghìn`);
  return forms;
}

/** The figures of data/ that come from the seed reports (data/sources.json names them). */
const seedTitles = new Set(
  Object.values(
    (
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'sources.json'), 'utf8')) as {
        reports: Record<string, { source: { title: string } }>;
      }
    ).reports,
  ).map((r) => r.source.title),
);
const seedFacts = () => bundled.index.facts.filter((f) => seedTitles.has(f.source.title));

describe.skipIf(!present)('data/ against the seed reports', () => {
  const texts = present
    ? readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8').replace(/\s+/g, ' '))
    : [];
  it('every figure and percentage in data/ is written in one of the reports', () => {
    for (const f of seedFacts()) {
      const numbers = [f.value, f.mom_pct, f.yoy_pct, f.plan_pct]
        .filter((x): x is number => x !== null && x !== 0)
        .map(Math.abs);
      for (const n of numbers) {
        const found = texts.some((t) => writtenForms(n).some((w) => t.includes(w)));
        expect(found, `${f.place} ${f.indicator} ${JSON.stringify(f.period)}: ${n}`).toBe(true);
      }
    }
  });
  it('covers all five reports', () => {
    expect(new Set(seedFacts().map((f) => f.source.title)).size).toBe(5);
  });
});
