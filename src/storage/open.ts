/** The storage the configuration names: PostgreSQL when DATABASE_URL is set, else the files. */
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { FactStore, factsOfText } from '../store/fact-store.js';
import { openFileStorage } from './files.js';
import { openPgStorage, type PgStorage } from './pg/pg-storage.js';
import type { Storage } from './storage.js';

/** PostgreSQL from the configuration; an empty database starts from the data file. */
export function openConfiguredPg(config: Config): Promise<PgStorage> {
  // read only when the database is empty: opening does not grow with the data
  const seed = () => factsOfText(readFileSync(config.FACTS_PATH, 'utf8'), config.FACTS_PATH);
  return openPgStorage(config.DATABASE_URL!, { adminIds: config.ADMIN_IDS, seed });
}

/**
 * The storage the configuration names; a new backend is chosen here. `store`: the figures of
 * FACTS_PATH when already read (the files).
 */
export async function openStorage(config: Config, store?: FactStore | null): Promise<Storage> {
  if (config.DATABASE_URL) return openConfiguredPg(config);
  const figures = store ?? (await FactStore.open(config.FACTS_PATH));
  return openFileStorage(figures, config.FACTS_PATH, config.STATE_DIR, config.ADMIN_IDS);
}
