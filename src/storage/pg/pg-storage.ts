/** The PostgreSQL implementation of the storage interface, opened from DATABASE_URL. */
import { type Catalogue, defaultCatalogue } from '../../domain/catalogue.js';
import type { Fact } from '../../store/schema.js';
import type { Storage } from '../storage.js';
import { migrate } from './migrations.js';
import { PgAdmins, PgKeyValue, PgSubscriptions } from './pg-state.js';
import { PgFacts } from './pg-facts.js';
import { PgDeliveries } from './pg-deliveries.js';
import { PgSources } from './pg-sources.js';
import { openPool, type Pool } from './pool.js';

export interface PgStorage extends Storage {
  readonly kind: 'postgres';
  readonly pool: Pool;
  readonly kv: PgKeyValue;
  readonly facts: PgFacts;
  readonly data: PgFacts;
  readonly subscriptions: PgSubscriptions;
  readonly deliveries: PgDeliveries;
  readonly sources: PgSources;
}

export interface PgOptions {
  readonly adminIds?: readonly number[];
  /** What an empty database starts from (the bundled data). */
  readonly seed?: () => Fact[];
  readonly poolSize?: number;
  readonly catalogue?: Catalogue;
  /** Up to this many figures answers read the whole data from memory (pg-facts.ts). */
  readonly wholeIndexLimit?: number;
}

export async function openPgStorage(url: string, o: PgOptions = {}): Promise<PgStorage> {
  const pool = openPool(url, o.poolSize);
  try {
    await migrate(pool);
    const facts = new PgFacts(pool, o.catalogue ?? defaultCatalogue(), o.wholeIndexLimit);
    if (o.seed) await facts.seedIfEmpty(o.seed);
    const kv = new PgKeyValue(pool);
    return {
      kind: 'postgres',
      ...{ pool, kv, facts, data: facts, state: kv },
      admins: new PgAdmins(pool, o.adminIds ?? []),
      subscriptions: new PgSubscriptions(pool),
      deliveries: new PgDeliveries(pool),
      sources: new PgSources(pool),
      close: () => pool.end(),
    };
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}
