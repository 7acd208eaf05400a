/** Chat state, admins and subscriptions in PostgreSQL (tables of migrations.ts). */
import {
  type AdminRepository,
  CONTEXT_NAMESPACE,
  type KeyValueStore,
  type SubscriptionRepository,
  type SubscriptionRow,
} from '../storage.js';
import { type Pool, prepared } from './pool.js';

export class PgKeyValue implements KeyValueStore {
  constructor(private readonly pool: Pool) {}

  async get<V>(ns: string, key: string): Promise<V | undefined> {
    const r = await this.pool.query<{ value: V }>(
      prepared('SELECT value FROM kv WHERE ns = $1 AND key = $2 AND until > now()', [ns, key]),
    );
    return r.rows[0]?.value;
  }

  async set<V>(ns: string, key: string, value: V, ttlMs: number): Promise<void> {
    // a context's commit does not wait for the WAL flush (storage.ts says why): a turn saves
    // 1-2 ms, the statement's own transaction is the only one the setting touches
    const relaxed = ns === CONTEXT_NAMESPACE;
    await this.pool.query(
      prepared(
        `INSERT INTO kv (ns, key, value, until)
       SELECT $1, $2, $3, now() + $4 * interval '1 millisecond'
         FROM (SELECT set_config('synchronous_commit', CASE WHEN $5 THEN 'off' ELSE current_setting('synchronous_commit') END, true)) s
       ON CONFLICT (ns, key) DO UPDATE SET value = EXCLUDED.value, until = EXCLUDED.until`,
        [ns, key, JSON.stringify(value), ttlMs, relaxed],
      ),
    );
  }

  async delete(ns: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM kv WHERE ns = $1 AND key = $2', [ns, key]);
  }

  async flush(): Promise<void> {
    // every write is already in the database
  }

  /** Drops what expired (called now and then; expired rows are never read anyway). */
  async sweep(): Promise<number> {
    return (await this.pool.query('DELETE FROM kv WHERE until <= now()')).rowCount ?? 0;
  }
}

export class PgAdmins implements AdminRepository {
  constructor(
    private readonly pool: Pool,
    private readonly fixed: readonly number[],
  ) {}

  async all(): Promise<number[]> {
    const rows = (await this.pool.query<{ id: string; removed: boolean }>('SELECT * FROM admins'))
      .rows;
    const removed = new Set(rows.filter((r) => r.removed).map((r) => Number(r.id)));
    const added = rows.filter((r) => !r.removed).map((r) => Number(r.id));
    return [...new Set([...this.fixed, ...added])].filter((id) => !removed.has(id));
  }

  async add(id: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO admins (id, removed) VALUES ($1, false) ON CONFLICT (id) DO UPDATE SET removed = false',
      [id],
    );
  }

  async remove(id: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO admins (id, removed) VALUES ($1, true) ON CONFLICT (id) DO UPDATE SET removed = true',
      [id],
    );
  }
}

const rowOf = (r: { chat_id: string; place: string; indicator: string }): SubscriptionRow => ({
  chatId: Number(r.chat_id),
  place: r.place,
  indicator: r.indicator || null,
});

export class PgSubscriptions implements SubscriptionRepository {
  constructor(private readonly pool: Pool) {}

  async list(chatId: number): Promise<SubscriptionRow[]> {
    const r = await this.pool.query(
      'SELECT chat_id, place, indicator FROM subscriptions WHERE chat_id = $1 ORDER BY since, place',
      [chatId],
    );
    return r.rows.map(rowOf);
  }

  async add(chatId: number, place: string, indicator: string | null): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO subscriptions (chat_id, place, indicator) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [chatId, place, indicator ?? ''],
    );
    return r.rowCount === 1;
  }

  async addMany(rows: readonly SubscriptionRow[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO subscriptions (chat_id, place, indicator)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.chatId), rows.map((r) => r.place), rows.map((r) => r.indicator ?? '')],
    );
  }

  async remove(chatId: number, place?: string, indicator?: string | null): Promise<number> {
    const r = await this.pool.query(
      `DELETE FROM subscriptions WHERE chat_id = $1
         AND ($2::text IS NULL OR place = $2) AND ($3::text IS NULL OR indicator = $3)`,
      [chatId, place ?? null, indicator === undefined ? null : (indicator ?? '')],
    );
    return r.rowCount ?? 0;
  }

  async count(): Promise<number> {
    return Number((await this.pool.query('SELECT count(*) AS n FROM subscriptions')).rows[0].n);
  }

  /** Every subscription, grouped by chat (the campaign's owed list). */
  async byChat(): Promise<Map<number, SubscriptionRow[]>> {
    const m = new Map<number, SubscriptionRow[]>();
    const r = await this.pool.query('SELECT chat_id, place, indicator FROM subscriptions');
    for (const row of r.rows.map(rowOf)) {
      const list = m.get(row.chatId);
      if (list) list.push(row);
      else m.set(row.chatId, [row]);
    }
    return m;
  }
}
