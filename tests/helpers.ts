import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Conversation } from '../src/core/conversation.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { FactStore } from '../src/store/fact-store.js';

/** The bundled data: the seed reports and the public figures of the whole country. */
export const bundled = await FactStore.open(BUNDLED_FACTS);

/** Only the five seed reports' figures: the behaviour tests written on a small, known store. */
export const SEED_FACTS = fileURLToPath(new URL('./fixtures/seed-facts.json', import.meta.url));
export const seedStore = await FactStore.open(SEED_FACTS);

/** A fixed "today" (23/11/2026, as in the product brief) so that relative periods are stable. */
export const TODAY = new Date('2026-11-23T09:00:00+07:00');

export function conversation(store: FactStore = seedStore): Conversation {
  return new Conversation(
    () => store.index,
    () => TODAY,
  );
}

/** Asks the turns of one conversation and returns the last turn. */
export function ask(...turns: string[]) {
  const c = conversation();
  let last = c.ask(turns[0]!);
  for (const t of turns.slice(1)) last = c.ask(t);
  return last;
}

export function tempDir(prefix = 'solieu-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
