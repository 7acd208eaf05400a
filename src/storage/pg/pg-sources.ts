/**
 * Watched sources in PostgreSQL (tables of migration 3). An item is claimed by one statement
 * (insert, or update when its fingerprint changed), so two replicas never read it both; the
 * poll round holds a session advisory lock, taken without waiting.
 */
import type {
  NewQueueItem,
  NewSource,
  PollState,
  QueueItem,
  QueueStatus,
  WatchedSource,
} from '../../sources/watched.js';
import { FRESH_POLL_STATE } from '../../sources/watched.js';
import type { SourceRepository } from '../storage.js';
import { inTransaction, type Pool } from './pool.js';

/** An arbitrary constant: the advisory lock of the poll round. */
const POLL_LOCK = 72_110_024;

type SourceRow = { id: number; source: Omit<WatchedSource, 'id'> };
type QueueRow = {
  id: number;
  status: QueueStatus;
  queued_at: Date;
  settled_by: string | null;
  item: NewQueueItem;
};

const sourceOf = (r: SourceRow): WatchedSource => ({ ...r.source, id: r.id });
const itemOf = (r: QueueRow): QueueItem => ({
  ...r.item,
  ...{ id: r.id, status: r.status, settledBy: r.settled_by },
  queuedAt: r.queued_at.toISOString(),
});

export class PgSources implements SourceRepository {
  constructor(private readonly pool: Pool) {}

  async list(): Promise<WatchedSource[]> {
    const r = await this.pool.query<SourceRow>(
      'SELECT id, source FROM watched_sources ORDER BY id',
    );
    return r.rows.map(sourceOf);
  }

  async add(n: NewSource): Promise<WatchedSource | null> {
    const source = { ...n, ...FRESH_POLL_STATE, addedAt: new Date().toISOString() };
    const r = await this.pool.query<{ id: number }>(
      'INSERT INTO watched_sources (url, source) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING RETURNING id',
      [n.url, JSON.stringify(source)],
    );
    return r.rows[0] ? { ...source, id: r.rows[0].id } : null;
  }

  remove(id: number): Promise<boolean> {
    return inTransaction(this.pool, async (c) => {
      await c.query("DELETE FROM source_queue WHERE source_id = $1 AND status = 'waiting'", [id]);
      const r = await c.query('DELETE FROM watched_sources WHERE id = $1', [id]);
      return r.rowCount === 1;
    });
  }

  async savePoll(id: number, state: PollState): Promise<void> {
    await this.pool.query('UPDATE watched_sources SET source = source || $2::jsonb WHERE id = $1', [
      id,
      JSON.stringify(state),
    ]);
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T | null> {
    // a session lock lives on one connection: the round keeps it for its whole length
    const client = await this.pool.connect();
    try {
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        POLL_LOCK,
      ]);
      if (!got.rows[0]?.ok) return null;
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [POLL_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  async fingerprints(sourceId: number, keys: readonly string[]): Promise<Map<string, string>> {
    const r = await this.pool.query<{ key: string; fingerprint: string }>(
      'SELECT key, fingerprint FROM source_items WHERE source_id = $1 AND key = ANY($2)',
      [sourceId, keys],
    );
    return new Map(r.rows.map((row) => [row.key, row.fingerprint]));
  }

  async claimItem(sourceId: number, key: string, fingerprint: string): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO source_items (source_id, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (source_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, seen_at = now()
       WHERE source_items.fingerprint <> EXCLUDED.fingerprint`,
      [sourceId, key, fingerprint],
    );
    return r.rowCount === 1;
  }

  async forgetItem(sourceId: number, key: string): Promise<void> {
    await this.pool.query('DELETE FROM source_items WHERE source_id = $1 AND key = $2', [
      sourceId,
      key,
    ]);
  }

  enqueue(n: NewQueueItem): Promise<QueueItem> {
    return inTransaction(this.pool, async (c) => {
      await c.query(
        "DELETE FROM source_queue WHERE source_id = $1 AND key = $2 AND status = 'waiting'",
        [n.sourceId, n.key],
      );
      const r = await c.query<QueueRow>(
        `INSERT INTO source_queue (source_id, key, item) VALUES ($1, $2, $3)
         RETURNING id, status, queued_at, settled_by, item`,
        [n.sourceId, n.key, JSON.stringify(n)],
      );
      return itemOf(r.rows[0]!);
    });
  }

  async queue(status: QueueStatus = 'waiting'): Promise<QueueItem[]> {
    const r = await this.pool.query<QueueRow>(
      'SELECT id, status, queued_at, settled_by, item FROM source_queue WHERE status = $1 ORDER BY id',
      [status],
    );
    return r.rows.map(itemOf);
  }

  async item(id: number): Promise<QueueItem | undefined> {
    const r = await this.pool.query<QueueRow>(
      'SELECT id, status, queued_at, settled_by, item FROM source_queue WHERE id = $1',
      [id],
    );
    return r.rows[0] && itemOf(r.rows[0]);
  }

  async settle(id: number, status: Exclude<QueueStatus, 'waiting'>, who: string): Promise<boolean> {
    const r = await this.pool.query(
      "UPDATE source_queue SET status = $2, settled_by = $3 WHERE id = $1 AND status = 'waiting'",
      [id, status, who],
    );
    return r.rowCount === 1;
  }

  async markOnce(key: string): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO source_marks (key) VALUES ($1) ON CONFLICT DO NOTHING',
      [key],
    );
    return r.rowCount === 1;
  }
}
