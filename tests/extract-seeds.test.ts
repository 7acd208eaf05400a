/**
 * The extractor rebuilds data/ from the real reports (../shared/seeds; skipped with a message
 * when absent): same figures, same flags, same sources.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsFromReport } from '../src/extract/rebuild.js';
import { BUNDLED_FACTS, PROJECT_ROOT } from '../src/paths.js';
import { bundled } from './helpers.js';

const SEEDS = join(PROJECT_ROOT, '..', 'shared', 'seeds');
const present = existsSync(SEEDS);
if (!present) console.warn(`seed reports not found at ${SEEDS}: the rebuild check is skipped`);

const canonical = (facts: readonly object[]) => facts.map((f) => JSON.stringify(f)).sort();

describe.skipIf(!present)('npm run extract rebuilds data/ from the seed reports', () => {
  it('gives exactly the facts of data/facts.json', () => {
    const files = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(SEEDS, f));
    const rebuilt = files.flatMap((f) => factsFromReport(f).facts);
    expect(canonical(rebuilt)).toEqual(canonical(bundled.index.facts));
    // and, written as the store writes, byte for byte the bundled file
    expect(`${JSON.stringify({ schema: 1, facts: rebuilt }, null, 1)}\n`).toBe(
      readFileSync(BUNDLED_FACTS, 'utf8'),
    );
  });
});
