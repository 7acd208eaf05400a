/**
 * `npm run extract -- --json FILES`: the figures found in report texts, one JSON object per
 * line (contract: ../shared/ASK.md). Without --json: adds them to the store as an upload
 * would (preview, then a new version); with --rebuild, the store becomes exactly them.
 */
import { msg } from '../../messages.js';
import { readFileSync } from 'node:fs';
import { DataManager, previewText } from '../../admin/data-manager.js';
import { loadConfig } from '../../config.js';
import { extractFigures } from '../../extract/extract.js';
import { factsFromReport } from '../../extract/rebuild.js';
import { FactStore } from '../../store/fact-store.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const json = args.includes('--json');
const rebuild = args.includes('--rebuild');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  process.stderr.write(`${msg('cli_extract_usage')}\n`);
  process.exit(2);
}
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
if (json) {
  // the place the text itself names (null when it does not say): the contract of ASK.md
  for (const file of files) {
    for (const f of extractFigures(readFileSync(file, 'utf8'))) {
      const { place, indicator, period, value, unit, mom_pct, yoy_pct, plan_pct } = f;
      const { estimate, approx, kind, scope, evidence, note } = f;
      const figure = { file, place, indicator, period, value, unit, mom_pct, yoy_pct, plan_pct };
      const flags = { estimate, approx, kind, scope, evidence, note };
      process.stdout.write(`${JSON.stringify({ ...figure, ...flags })}\n`);
    }
  }
} else {
  const config = loadConfig();
  const store = await FactStore.open(config.FACTS_PATH);
  const data = await DataManager.open(store, config.FACTS_PATH, config.STATE_DIR);
  const found = files.map((f) => factsFromReport(f));
  for (const r of found)
    for (const s of r.skipped)
      process.stderr.write(`${msg('cli_skipped', { file: r.file, what: s })}\n`);
  const facts = found.flatMap((r) => r.facts);
  if (rebuild) {
    await store.replace(facts);
    process.stdout.write(
      `${msg('cli_rebuilt_reports', { reports: files.length, count: facts.length })}\n`,
    );
  } else {
    const preview = data.preview(facts);
    process.stdout.write(`${previewText(preview)}\n`);
    const v = await data.apply(preview, 'extract', files.join(', '));
    process.stdout.write(`${msg('cli_applied', { n: v.n })}\n`);
  }
}
