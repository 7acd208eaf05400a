/**
 * Schema migrations, run at every start: each applied once, in order, inside one transaction
 * holding an advisory lock, so replicas starting together never race and a second run is a
 * no-op.
 */
import { inTransaction, type Pool } from './pool.js';

/** Appended to, never edited: a migration that ran on a server is history. */
const MIGRATIONS: readonly { id: number; sql: string }[] = [
  {
    id: 1,
    sql: `
      -- json, not jsonb: a figure is stored and read back whole, never queried inside, and json
      -- text goes out without a conversion
      CREATE TABLE facts (
        id bigserial PRIMARY KEY,
        key text NOT NULL,
        place text NOT NULL,
        indicator text NOT NULL,
        period text NOT NULL,
        ptype text NOT NULL,
        year int,
        from_version int NOT NULL,
        to_version int,
        fact json NOT NULL
      );
      CREATE INDEX facts_current_key ON facts (key) WHERE to_version IS NULL;
      CREATE INDEX facts_current_series ON facts (place, indicator, period) WHERE to_version IS NULL;
      CREATE INDEX facts_current_indicator ON facts (indicator, year) WHERE to_version IS NULL;
      CREATE INDEX facts_history ON facts (from_version, to_version);
      -- the latest figure of each series (place, indicator): what answers read to
      -- know which series exist when the data is too large to read whole
      CREATE TABLE fact_digest (
        place text NOT NULL,
        indicator text NOT NULL,
        ptype text NOT NULL,
        id bigint NOT NULL,
        fact json NOT NULL,
        PRIMARY KEY (place, indicator)
      );
      CREATE TABLE versions (
        n int PRIMARY KEY,
        at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        version int NOT NULL,
        at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE TABLE kv (
        ns text NOT NULL,
        key text NOT NULL,
        value jsonb NOT NULL,
        until timestamptz NOT NULL,
        PRIMARY KEY (ns, key)
      );
      CREATE TABLE admins (id bigint PRIMARY KEY, removed boolean NOT NULL DEFAULT false);
      CREATE TABLE subscriptions (
        chat_id bigint NOT NULL,
        place text NOT NULL,
        indicator text NOT NULL DEFAULT '',
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (chat_id, place, indicator)
      );`,
  },
  {
    id: 2,
    sql: `
      CREATE TABLE campaigns (
        id text PRIMARY KEY,
        month text NOT NULL,
        trigger text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_by bigint,
        progress_chat bigint,
        progress_message bigint,
        status text NOT NULL DEFAULT 'running'
      );
      CREATE TABLE deliveries (
        campaign_id text NOT NULL REFERENCES campaigns (id),
        chat_id bigint NOT NULL,
        month text NOT NULL,
        state text NOT NULL DEFAULT 'pending',
        claimed_by text,
        claimed_at timestamptz,
        error text,
        PRIMARY KEY (campaign_id, chat_id)
      );
      CREATE INDEX deliveries_pending ON deliveries (campaign_id) WHERE state = 'pending';
      CREATE INDEX deliveries_chat_month ON deliveries (chat_id, month) WHERE state IN ('sent', 'sending');
      CREATE TABLE send_pace (
        id int PRIMARY KEY,
        next_at timestamptz NOT NULL,
        paused_until timestamptz NOT NULL DEFAULT '-infinity'
      );
      INSERT INTO send_pace (id, next_at) VALUES (1, now());
      CREATE TABLE senders (id text PRIMARY KEY, seen_at timestamptz NOT NULL);`,
  },
  {
    id: 3,
    sql: `
      -- watched sources (src/sources/): a source and its poll state are read and written whole
      CREATE TABLE watched_sources (
        id serial PRIMARY KEY,
        url text NOT NULL UNIQUE,
        source jsonb NOT NULL
      );
      CREATE TABLE source_items (
        source_id int NOT NULL REFERENCES watched_sources (id) ON DELETE CASCADE,
        key text NOT NULL,
        fingerprint text NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, key)
      );
      CREATE TABLE source_queue (
        id serial PRIMARY KEY,
        source_id int NOT NULL,
        key text NOT NULL,
        status text NOT NULL DEFAULT 'waiting',
        queued_at timestamptz NOT NULL DEFAULT now(),
        settled_by text,
        item jsonb NOT NULL
      );
      -- one waiting card per item: a changed item replaces its card
      CREATE UNIQUE INDEX source_queue_waiting ON source_queue (source_id, key) WHERE status = 'waiting';
      CREATE TABLE source_marks (key text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());`,
  },
  {
    id: 4,
    sql: `
      -- a question reads its series around one year: without the year in the index it fetched
      -- every year of the series and dropped all but three (10x the rows, 5x the time at 5M)
      CREATE INDEX facts_current_series_year ON facts (place, indicator, year) WHERE to_version IS NULL;`,
  },
  {
    id: 5,
    sql: `
      -- a question keeps in the database only each figure's chosen record, but for the figure
      -- it asks: variant tells two figures of one series and period apart (kind, scope, new
      -- unit), choice is the source rule's order of a record (source-rule.ts choiceKey). A
      -- record stored before these columns has neither and is always read.
      ALTER TABLE facts ADD COLUMN variant text, ADD COLUMN choice text;`,
  },
];

/** An arbitrary constant: the advisory lock every replica takes to migrate. */
const MIGRATION_LOCK = 72_110_001;

export async function migrate(pool: Pool): Promise<number[]> {
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await c.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    const ran: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
      ran.push(m.id);
    }
    return ran;
  });
}
