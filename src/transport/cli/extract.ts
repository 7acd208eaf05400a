/**
 * `npm run extract -- --json FILES`: the figures found in reports, one JSON object per line
 * (contract: ../shared/ASK.md). A report is read as the chat reads it: .txt/.md, Word, PDF with a
 * text layer, a spreadsheet, or an http(s) link; one that cannot be read is named on stderr with
 * the reason, and the exit status is 1. Without --json: adds the figures to the store as an
 * upload would (preview, then a new version); with --rebuild, the store becomes exactly them.
 */
import { DataManager, previewText } from '../../admin/data-manager.js';
import { type ReportInput, ReportInputError, readReportAt } from '../../admin/report-input.js';
import { configOrExit, runCli } from './failure.js';
import { type ExtractedFigure, extractFigures } from '../../extract/extract.js';
import { factsFromText, type ReportFacts } from '../../extract/rebuild.js';
import { msg } from '../../messages.js';
import { FactStore } from '../../store/fact-store.js';

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/** The reports that could be read; each one that could not is said on stderr. */
async function readAll(files: readonly string[]): Promise<{ file: string; input: ReportInput }[]> {
  const out: { file: string; input: ReportInput }[] = [];
  for (const file of files) {
    try {
      out.push({ file, input: await readReportAt(file) });
    } catch (err) {
      if (!(err instanceof ReportInputError)) throw err;
      process.stderr.write(`${msg('cli_unreadable', { file, reason: err.message })}\n`);
      process.exitCode = 1;
    }
  }
  return out;
}

function line(file: string, f: ExtractedFigure): string {
  const { place, indicator, period, value, unit, mom_pct, yoy_pct, plan_pct } = f;
  const { estimate, approx, kind, scope, evidence, note } = f;
  const figure = { file, place, indicator, period, value, unit, mom_pct, yoy_pct, plan_pct };
  return `${JSON.stringify({ ...figure, estimate, approx, kind, scope, evidence, note })}\n`;
}

async function toStore(found: readonly ReportFacts[], rebuild: boolean, files: string[]) {
  const config = configOrExit();
  const store = await FactStore.open(config.FACTS_PATH);
  const data = await DataManager.open(store, config.FACTS_PATH, config.STATE_DIR);
  for (const r of found)
    for (const s of r.skipped)
      process.stderr.write(`${msg('cli_skipped', { file: r.file, what: s })}\n`);
  const facts = found.flatMap((r) => r.facts);
  if (rebuild) {
    await store.replace(facts);
    process.stdout.write(
      `${msg('cli_rebuilt_reports', { reports: files.length, count: facts.length })}\n`,
    );
    return;
  }
  const preview = data.preview(facts);
  process.stdout.write(`${previewText(preview)}\n`);
  const v = await data.apply(preview, 'extract', files.join(', '));
  process.stdout.write(`${msg('cli_applied', { n: v.n })}\n`);
}

async function main(argv: string[]): Promise<void> {
  const args = argv.filter((a) => a !== '--');
  const files = args.filter((a) => !a.startsWith('--'));
  if (!files.length) {
    process.stderr.write(`${msg('cli_extract_usage')}\n`);
    process.exitCode = 2;
    return;
  }
  const inputs = await readAll(files);
  if (args.includes('--json')) {
    // the place the text itself names (null when it does not say): the contract of ASK.md
    for (const { file, input } of inputs)
      for (const f of extractFigures(input.text)) process.stdout.write(line(file, f));
    return;
  }
  if (process.exitCode) return; // all or nothing: a report that could not be read adds nothing
  const found = inputs.map(({ file, input }) => factsFromText(file, input.text));
  await toStore(found, args.includes('--rebuild'), files);
}

await runCli(() => main(process.argv.slice(2)), null);
