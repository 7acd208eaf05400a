/**
 * `npm run bench:import`: a JSON Lines file of FIGURES figures (default 250,000, about 110 MB)
 * imported with `npm run data -- import` in one command, on the embedded files and on
 * PostgreSQL: wall time and the peak RSS of the import process (targets <= 60 s, <= 300 MB).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_FACTS, PROJECT_ROOT } from '../src/paths.js';
import { tempDir } from '../tests/helpers.js';
import { writeBigJsonl } from '../tests/support/big-jsonl.js';
import { startPostgres } from '../tests/support/postgres.js';

const FIGURES = Number(process.env.FIGURES ?? 250_000);

/** The node options of `npm run data` (package.json), so that the bench runs what admins run. */
function dataNodeOptions(): string[] {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.data!.split(/\s+/);
  return words.slice(1, words.indexOf('src/transport/cli/data.ts'));
}

/** One `npm run data -- import FILE` under /usr/bin/time: seconds and peak RSS in MB. */
function timedImport(file: string, env: Record<string, string>): { s: number; mb: number } {
  const t0 = performance.now();
  const child = spawnSync(
    '/usr/bin/time',
    [
      ...['-f', 'maxrss_kb=%M', process.execPath, ...dataNodeOptions()],
      ...['src/transport/cli/data.ts', 'import', file, '--who', 'bench'],
    ],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  const s = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`import failed: ${child.stdout}\n${child.stderr}`);
  const kb = Number(/maxrss_kb=(\d+)/.exec(child.stderr)?.[1] ?? Number.NaN);
  return { s, mb: kb / 1024 };
}

const tmp = tempDir('solieu-bench-import-');
const file = join(tmp.dir, 'national.jsonl');
await writeBigJsonl(file, FIGURES);
const size = statSync(file).size / 1024 / 1024;

const filesDir = join(tmp.dir, 'files');
mkdirSync(filesDir);
copyFileSync(BUNDLED_FACTS, join(filesDir, 'facts.json'));
const onFiles = timedImport(file, {
  FACTS_PATH: join(filesDir, 'facts.json'),
  STATE_DIR: join(filesDir, 'state'),
});

const pg = await startPostgres();
const onPg = timedImport(file, { DATABASE_URL: pg.url, STATE_DIR: join(tmp.dir, 'pg-state') });
await pg.stop();
tmp.cleanup();

const line = (r: { s: number; mb: number }) => `${r.s.toFixed(1)} s, RSS ${r.mb.toFixed(0)} MB`;
console.log(
  `import ${FIGURES.toLocaleString('en')} figures (${size.toFixed(0)} MB JSONL): files ${line(onFiles)}; PostgreSQL ${line(onPg)} (targets <= 60 s, <= 300 MB)`,
);
