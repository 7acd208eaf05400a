/**
 * What the bot watches and what it found: a registered source (a feed or a listing page) with
 * its polling state, and an item waiting for an admin's review. Kept by the storage (files or
 * PostgreSQL) behind `SourceRepository` of storage.ts.
 */
import { z } from 'zod';

/** Politeness: no source is read more often than this, nor left longer than a week. */
export const INTERVAL_LIMITS = { minMin: 15, maxMin: 7 * 24 * 60, defaultMin: 6 * 60 };

export const NewSourceSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'not_http'),
  /** null: the place is read from each article ("tự nhận"). */
  place: z.string().min(1).nullable(),
  publisher: z.string().trim().min(1).max(200),
  intervalMin: z.number().int().min(INTERVAL_LIMITS.minMin).max(INTERVAL_LIMITS.maxMin),
  trusted: z.boolean(),
  addedBy: z.string().min(1).max(100),
});

export type NewSource = z.infer<typeof NewSourceSchema>;

/** How a source's last reads went: what the next conditional request sends, when it is due. */
export interface PollState {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolledAt: string | null;
  readonly nextPollAt: string | null;
  /** Failed reads in a row: the backoff doubles the interval with each. */
  readonly failures: number;
  readonly lastError: string | null;
  /** Items found over the source's life. */
  readonly found: number;
}

export interface WatchedSource extends NewSource, PollState {
  readonly id: number;
  readonly addedAt: string;
}

export const FRESH_POLL_STATE: PollState = {
  etag: null,
  lastModified: null,
  lastPolledAt: null,
  nextPollAt: null,
  failures: 0,
  lastError: null,
  found: 0,
};

/** An article found in a source, read and extracted, waiting for review. */
export interface NewQueueItem {
  readonly sourceId: number;
  /** The item's identity in its source (guid or link). */
  readonly key: string;
  readonly title: string;
  readonly link: string;
  /** When the source says it was published (ISO date), or null. */
  readonly published: string | null;
  readonly publisher: string;
  /** The source's place, or the one the article names; null when neither says. */
  readonly place: string | null;
  /** The article's text: the review reads its figures and sentences from it. */
  readonly text: string;
  readonly figures: number;
}

export type QueueStatus = 'waiting' | 'applied' | 'skipped';

export interface QueueItem extends NewQueueItem {
  readonly id: number;
  readonly queuedAt: string;
  readonly status: QueueStatus;
  readonly settledBy: string | null;
}

/** Articles longer than this are cut: a report's figures sit well within it. */
export const MAX_ITEM_TEXT = 300_000;

/** When a source is next due: its interval, doubled for each failure in a row, at most a day. */
export function nextPollAfter(now: Date, intervalMin: number, failures: number): string {
  const factor = 2 ** Math.min(failures, 8);
  const minutes = Math.min(intervalMin * factor, Math.max(intervalMin, 24 * 60));
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

export function isDue(s: WatchedSource, now: Date): boolean {
  return !s.nextPollAt || Date.parse(s.nextPollAt) <= now.getTime();
}
