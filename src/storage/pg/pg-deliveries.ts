/**
 * Campaigns and their deliveries in PostgreSQL, shared by every replica's sender. A delivery is
 * claimed by exactly one sender (FOR UPDATE SKIP LOCKED); the pace of all senders together is
 * one row (send_pace) that hands out send slots, so the ceiling and a 429's retry_after hold
 * for everyone. Crash policy, as on files: a delivery caught "sending" by a sender that stopped
 * beating is marked interrupted and never sent again; pending ones go to the living senders.
 */
import type { CampaignRow, ClaimedDelivery, Deliveries, DeliveryCounts } from '../storage.js';
import type { Pool } from './pool.js';

export class PgDeliveries implements Deliveries {
  constructor(private readonly pool: Pool) {}

  /**
   * One campaign per (month, trigger), created with its owed deliveries in one transaction; a
   * chat already sent (or possibly sent) that month's bulletin by another campaign is skipped.
   */
  async createCampaign(
    month: string,
    trigger: string,
    startedBy: number | null,
    owed: readonly { chatId: number; month: string }[],
  ): Promise<CampaignRow | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const id = `${month}.${trigger}`;
      const made = await client.query(
        `INSERT INTO campaigns (id, month, trigger, started_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id, month, trigger, startedBy],
      );
      if (!made.rowCount) {
        await client.query('ROLLBACK');
        return null;
      }
      await client.query(
        `INSERT INTO deliveries (campaign_id, chat_id, month)
         SELECT $1, t.chat, t.month FROM unnest($2::bigint[], $3::text[]) AS t(chat, month)
          WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.chat_id = t.chat
                              AND d.month = t.month AND d.state IN ('sent', 'sending'))`,
        [id, owed.map((o) => o.chatId), owed.map((o) => o.month)],
      );
      await client.query('COMMIT');
      return { id, month, status: 'running', progress: null };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async setProgress(id: string, chatId: number, messageId: number): Promise<void> {
    await this.pool.query(
      'UPDATE campaigns SET progress_chat = $2, progress_message = $3 WHERE id = $1',
      [id, chatId, messageId],
    );
  }

  /** Up to `limit` pending deliveries, each now held by this sender and no other. */
  async claim(sender: string, limit: number): Promise<ClaimedDelivery[]> {
    const r = await this.pool.query<{ campaign_id: string; chat_id: string; month: string }>(
      `UPDATE deliveries d SET state = 'sending', claimed_by = $1, claimed_at = now()
        FROM (SELECT campaign_id, chat_id FROM deliveries WHERE state = 'pending'
               ORDER BY campaign_id, chat_id LIMIT $2 FOR UPDATE SKIP LOCKED) AS picked
       WHERE d.campaign_id = picked.campaign_id AND d.chat_id = picked.chat_id
       RETURNING d.campaign_id, d.chat_id, d.month`,
      [sender, limit],
    );
    return r.rows.map((row) => ({
      campaignId: row.campaign_id,
      chatId: Number(row.chat_id),
      month: row.month,
    }));
  }

  /** What became of a claimed delivery (only its claimant may say). */
  async finish(
    d: ClaimedDelivery,
    sender: string,
    state: 'sent' | 'blocked' | 'failed',
    error: string | null = null,
  ): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET state = $4, error = $5
        WHERE campaign_id = $1 AND chat_id = $2 AND claimed_by = $3 AND state = 'sending'`,
      [d.campaignId, d.chatId, sender, state, error],
    );
  }

  /** Gives back a delivery that certainly did not reach the user (a 429, a refused request). */
  async release(d: ClaimedDelivery, sender: string): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET state = 'pending', claimed_by = NULL, claimed_at = NULL
        WHERE campaign_id = $1 AND chat_id = $2 AND claimed_by = $3 AND state = 'sending'`,
      [d.campaignId, d.chatId, sender],
    );
  }

  /**
   * The next send slot of all senders together, as a wait in ms: one slot every 1000/rate ms,
   * handed out by the database clock so that replicas on several machines agree.
   */
  async nextSlot(rate: number): Promise<number> {
    const r = await this.pool.query<{ wait: number }>(
      `UPDATE send_pace SET next_at = greatest(next_at, clock_timestamp()) + $1 * interval '1 millisecond'
        WHERE id = 1
        RETURNING extract(epoch FROM (next_at - $1 * interval '1 millisecond' - clock_timestamp())) * 1000 AS wait`,
      [1000 / rate],
    );
    return Math.max(0, Number(r.rows[0]?.wait ?? 0));
  }

  /** Telegram said "retry after": no sender sends before then, slots already given included. */
  async pauseAll(seconds: number): Promise<void> {
    await this.pool.query(
      `UPDATE send_pace SET paused_until = greatest(paused_until, clock_timestamp() + $1 * interval '1 second'),
         next_at = greatest(next_at, clock_timestamp() + $1 * interval '1 second') WHERE id = 1`,
      [seconds],
    );
  }

  /** How long every sender must still hold off (a 429 seen by any of them), in ms. */
  async pauseLeft(): Promise<number> {
    const r = await this.pool.query<{ left: number }>(
      `SELECT extract(epoch FROM (paused_until - clock_timestamp())) * 1000 AS left FROM send_pace WHERE id = 1`,
    );
    return Math.max(0, Number(r.rows[0]?.left ?? 0));
  }

  /** This sender is alive (its claims are safe from the reaper). */
  async beat(sender: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO senders (id, seen_at) VALUES ($1, now())
       ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
      [sender],
    );
  }

  /** Deliveries held by senders silent for `staleMs`: interrupted, never resent. */
  async reapSilent(staleMs: number): Promise<number> {
    const r = await this.pool.query(
      `UPDATE deliveries d SET state = 'failed', error = 'interrupted'
        WHERE d.state = 'sending' AND NOT EXISTS (
          SELECT 1 FROM senders s WHERE s.id = d.claimed_by
             AND s.seen_at > now() - $1 * interval '1 millisecond')`,
      [staleMs],
    );
    return r.rowCount ?? 0;
  }

  /** Marks finished campaigns done; returns those this call closed (told to their admin once). */
  async closeFinished(): Promise<CampaignRow[]> {
    const r = await this.pool.query<{
      id: string;
      month: string;
      progress_chat: string | null;
      progress_message: string | null;
    }>(
      `UPDATE campaigns c SET status = 'done' WHERE status = 'running' AND NOT EXISTS (
         SELECT 1 FROM deliveries d WHERE d.campaign_id = c.id AND d.state IN ('pending', 'sending'))
       RETURNING id, month, progress_chat, progress_message`,
    );
    return r.rows.map((row) => ({
      id: row.id,
      month: row.month,
      status: 'done',
      progress:
        row.progress_chat && row.progress_message
          ? { chatId: Number(row.progress_chat), messageId: Number(row.progress_message) }
          : null,
    }));
  }

  async counts(campaignId: string): Promise<DeliveryCounts> {
    const r = await this.pool.query<{ state: keyof DeliveryCounts; n: string }>(
      'SELECT state, count(*) AS n FROM deliveries WHERE campaign_id = $1 GROUP BY state',
      [campaignId],
    );
    const counts: DeliveryCounts = { pending: 0, sending: 0, sent: 0, blocked: 0, failed: 0 };
    for (const row of r.rows) counts[row.state] = Number(row.n);
    return counts;
  }

  async interrupted(campaignId: string): Promise<number> {
    const r = await this.pool.query(
      `SELECT count(*) AS n FROM deliveries WHERE campaign_id = $1 AND error = 'interrupted'`,
      [campaignId],
    );
    return Number(r.rows[0].n);
  }
}
