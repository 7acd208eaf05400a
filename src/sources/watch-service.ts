/**
 * The watcher of a running bot: a croner job polls the due sources (one process among replicas
 * does each round), tells the admins what a round queued or landed, and once a day sends them a
 * digest of what waits. Transport-free: the admins are reached through `notify`.
 */
import { Cron } from 'croner';
import { TIME_ZONE } from '../core/conversation.js';
import { msg } from '../messages.js';
import { pollDue, type SourceReport, type WatchOptions } from './poller.js';
import { digestText } from './review-queue.js';
import type { QueueItem } from './watched.js';

export interface WatchServiceOptions extends WatchOptions {
  /** Sends a text to every admin. */
  readonly notify: (text: string) => Promise<void>;
  readonly pollCron: string;
  readonly digestCron: string;
}

const itemLine = (q: QueueItem) =>
  msg('queue_item_line', { publisher: q.publisher, title: q.title, figures: q.figures });

/** What a round did, for the admins; null when it found nothing. */
export function roundText(reports: readonly SourceReport[]): string | null {
  const queued = reports.flatMap((r) => r.queued);
  const applied = reports.flatMap((r) => r.applied);
  const parts: string[] = [];
  if (queued.length)
    parts.push(`${msg('queue_new', { n: queued.length })}\n${queued.map(itemLine).join('\n')}`);
  if (applied.length)
    parts.push(`${msg('queue_auto', { n: applied.length })}\n${applied.map(itemLine).join('\n')}`);
  return parts.length ? parts.join('\n\n') : null;
}

/** The date in Vietnam: a day's digest key. */
const dayIn = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);

export class SourceWatcher {
  private jobs: Cron[] = [];

  constructor(private readonly o: WatchServiceOptions) {}

  /** One round now; the admins hear of what it found. Null when another process polls. */
  async round(all = false): Promise<SourceReport[] | null> {
    const reports = await pollDue(this.o, all);
    const said = reports && roundText(reports);
    if (said) await this.o.notify(said);
    return reports;
  }

  /** The day's digest, sent by one process only; false when it was sent or nothing waits. */
  async digest(): Promise<boolean> {
    const text = await digestText(this.o.storage);
    if (!text) return false;
    const now = this.o.now?.() ?? new Date();
    if (!(await this.o.storage.sources.markOnce(`digest:${dayIn(now)}`))) return false;
    await this.o.notify(text);
    return true;
  }

  start(): void {
    const guard = (what: string, work: () => Promise<unknown>) => async () => {
      try {
        await work();
      } catch (err) {
        this.o.log.error({ err }, `sources: ${what} failed`);
      }
    };
    const opts = { timezone: TIME_ZONE, protect: true };
    this.jobs = [
      new Cron(
        this.o.pollCron,
        opts,
        guard('poll', () => this.round()),
      ),
      new Cron(
        this.o.digestCron,
        opts,
        guard('digest', () => this.digest()),
      ),
    ];
  }

  stop(): void {
    for (const j of this.jobs) j.stop();
    this.jobs = [];
  }
}
