/**
 * The bundled data: every figure of the seed reports (read by the extractor) and of the public
 * figures file (JSON Lines, read as an admin upload is: same reader, same row checks).
 */
import { msg } from '../messages.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { factsFromReport } from '../extract/rebuild.js';
import { serializeStore } from '../store/fact-store.js';
import { type Fact, parseStore } from '../store/schema.js';
import { checkUpload, uploadSource } from './upload.js';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEEDS_DIR = `${SHARED}seeds/`;
export const PUBLIC_FACTS = `${SHARED}data/public-facts.jsonl`;

export class BundleError extends Error {}

/** Facts of JSON Lines files, all or nothing: the first bad lines are named. */
export async function factsOfJsonLines(files: readonly string[]): Promise<Fact[]> {
  const out: Fact[] = [];
  for (const file of files) {
    const checked = await checkUpload(
      readFileSync(file),
      basename(file),
      uploadSource(msg('who_command_line'), basename(file)),
    );
    if (!checked.ok) throw new BundleError(`${file}:\n${checked.message}`);
    out.push(...checked.facts);
  }
  return out;
}

/** The exact contents of data/facts.json for these inputs. */
export async function bundledStore(
  seedFiles: readonly string[],
  jsonLines: readonly string[],
): Promise<string> {
  const seeds = seedFiles.map((f) => factsFromReport(f));
  const skipped = seeds.flatMap((r) => r.skipped.map((s) => `${r.file}: ${s}`));
  if (skipped.length) throw new BundleError(msg('bundle_skipped', { skipped: skipped.join('\n') }));
  const facts = [...seeds.flatMap((r) => r.facts), ...(await factsOfJsonLines(jsonLines))];
  return serializeStore(parseStore({ schema: 2, facts }, msg('store_rebuilt_data')));
}
