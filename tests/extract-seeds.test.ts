/**
 * data/facts.json is exactly what `npm run data -- rebuild` makes of the seed reports (read by
 * the extractor) and the public figures (read as an upload): checked against ../shared, and
 * skipped with a message when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledStore, PUBLIC_FACTS, SEEDS_DIR } from '../src/admin/bundle.js';
import { factsFromReport } from '../src/extract/rebuild.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { bundled } from './helpers.js';

const present = existsSync(SEEDS_DIR) && existsSync(PUBLIC_FACTS);
if (!present)
  console.warn(`../shared (seeds and public-facts.jsonl) not found: the rebuild check is skipped`);

const seedFiles = () =>
  readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(SEEDS_DIR, f));

describe.skipIf(!present)('data/ is rebuilt by one command from ../shared', () => {
  it('byte for byte the bundled file', async () => {
    expect(await bundledStore(seedFiles(), [PUBLIC_FACTS])).toBe(
      readFileSync(BUNDLED_FACTS, 'utf8'),
    );
  });

  it('holds every figure of the seeds and every line of public-facts.jsonl', () => {
    const seeds = seedFiles().flatMap((f) => factsFromReport(f).facts);
    const lines = readFileSync(PUBLIC_FACTS, 'utf8').trim().split('\n').length;
    expect(bundled.index.facts.length).toBe(seeds.length + lines);
    const stored = new Set(bundled.index.facts.map((f) => JSON.stringify(f)));
    for (const f of seeds) expect(stored.has(JSON.stringify(f))).toBe(true);
  });
});
