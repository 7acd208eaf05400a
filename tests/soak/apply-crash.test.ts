/** A kill -9 of the process applying an upload, at several moments: the data is the old or the new, never a mix. */
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigWorkbook } from '../../bench/upload.bench.js';
import { PROJECT_ROOT, BUNDLED_FACTS } from '../../src/paths.js';
import { FactStore } from '../../src/store/fact-store.js';
import { tempDir } from '../helpers.js';

describe('kill -9 during apply', () => {
  it('leaves the old data or the new, never a mix', async () => {
    const { dir, cleanup } = tempDir('solieu-crash-');
    try {
      const upload = join(dir, 'big.xlsx');
      writeFileSync(upload, await bigWorkbook(30_000));
      const oldCount = (await FactStore.open(BUNDLED_FACTS)).index.facts.length;
      const outcomes = { old: 0, new: 0 };
      for (const delay of [150, 400, 700, 1000, 1300, 1600, 2000, 2600, 3500, 6000]) {
        const factsPath = join(dir, 'facts.json');
        copyFileSync(BUNDLED_FACTS, factsPath);
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'src/transport/cli/data.ts', 'apply', upload, '--who', 'test'],
          {
            cwd: PROJECT_ROOT,
            env: { ...process.env, FACTS_PATH: factsPath, STATE_DIR: join(dir, `state-${delay}`) },
            stdio: 'ignore',
          },
        );
        const exited = new Promise((r) => child.on('exit', r));
        await new Promise((r) => setTimeout(r, delay));
        child.kill('SIGKILL');
        await exited;
        const text = readFileSync(factsPath, 'utf8');
        const store = await FactStore.open(factsPath); // parses and validates the whole file
        const n = store.index.facts.length;
        expect([oldCount, oldCount + 30_000]).toContain(n);
        if (n === oldCount) expect(text).toBe(readFileSync(BUNDLED_FACTS, 'utf8'));
        outcomes[n === oldCount ? 'old' : 'new']++;
      }
      expect(outcomes.old + outcomes.new).toBe(10);
      console.log(`kill -9 during apply: ${outcomes.old} old, ${outcomes.new} new`);
    } finally {
      cleanup();
    }
  }, 180_000);
});
