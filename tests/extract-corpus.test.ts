/**
 * Precision and recall of the extractor on the own-words corpus (tests/corpus): a figure counts
 * when its place, indicator, period, kind, value and every stated comparison are right. The
 * floors are the targets of issue 11: a change that reads worse than them fails.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/extract/extract.js';
import { reportCorpus, sameFigure } from './corpus/report-corpus.js';

const matches = sameFigure;

function measure() {
  const byPattern = new Map<string, { produced: number; correct: number; gold: number }>();
  for (const item of reportCorpus()) {
    const found = extractFigures(item.text);
    const s = byPattern.get(item.pattern) ?? { produced: 0, correct: 0, gold: 0 };
    s.produced += found.length;
    s.gold += item.gold.length;
    s.correct += item.gold.filter((g) => found.some((f) => matches(f, g))).length;
    byPattern.set(item.pattern, s);
  }
  const all = [...byPattern.values()].reduce(
    (a, s) => ({
      produced: a.produced + s.produced,
      correct: a.correct + s.correct,
      gold: a.gold + s.gold,
    }),
    { produced: 0, correct: 0, gold: 0 },
  );
  return { byPattern, all };
}

describe('extractor on the own-words corpus', () => {
  it('has at least 300 items covering the patterns', () => {
    expect(reportCorpus().length).toBeGreaterThanOrEqual(300);
  });

  it('reads them at least as well as when measured', () => {
    const { byPattern, all } = measure();
    const precision = all.correct / Math.max(all.produced, 1);
    const recall = all.correct / all.gold;
    const lines = [...byPattern].map(
      ([p, s]) =>
        `  ${p}: precision ${(s.correct / Math.max(s.produced, 1)).toFixed(2)}, recall ${(s.correct / s.gold).toFixed(2)}`,
    );
    console.log(
      `corpus: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${lines.join('\n')}`,
    );
    expect(precision).toBeGreaterThanOrEqual(FLOOR.precision);
    expect(recall).toBeGreaterThanOrEqual(FLOOR.recall);
  });
});

// the targets of issue 11 (measured 1.000 and 1.000 when written: the corpus is templated)
const FLOOR = { precision: 0.95, recall: 0.9 };
