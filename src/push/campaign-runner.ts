/**
 * Delivers one campaign: one summary per chat, paced under a configurable ceiling
 * (Telegram allows about 30 messages/s overall and one a second per chat), obeying 429
 * retry_after, retrying 5xx, unsubscribing blocked chats, resuming from the journal.
 *
 * Crash policy: a delivery journaled as "sending" when the process died may or may not have
 * reached the user. On restart it is marked failed ("interrupted") and NOT sent again:
 * a subscriber never gets a summary twice; at most the few in flight at the crash (no more
 * than the in-flight limit) may miss one.
 */
import { wordsFor } from '../answer/words.js';
import type { Lang } from '../messages.js';
import { join } from 'node:path';
import { type Api, GrammyError, InputFile } from 'grammy';
import type { Logger } from 'pino';
import type { FactIndex } from '../store/fact-store.js';
import { DeliveryJournal } from './journal.js';
import {
  concerned,
  latestMonthFor,
  monthKey,
  monthlySummary,
  parseMonthKey,
  type Summary,
} from './summary.js';
import type { Campaign, Subscription, SubscriptionStore } from './subscriptions.js';
import { getOrCreate } from '../util/collections.js';

export interface CampaignStats {
  total: number;
  sent: number;
  blocked: number;
  failed: number;
  interrupted: number;
  seconds: number;
  rate: number;
}

export interface RunnerOptions {
  readonly api: Api;
  readonly subs: SubscriptionStore;
  readonly index: () => FactIndex;
  readonly log: Logger;
  /** Messages per second, all chats together. */
  readonly rate: number;
  readonly renderChart?: ((spec: NonNullable<Summary['chart']>) => Promise<Buffer>) | undefined;
  /** The language each chat's bulletin is written in (Vietnamese when not given). */
  readonly languageOf?: ((chatId: number) => Promise<Lang>) | undefined;
  readonly maxInFlight?: number;
  readonly maxAttempts?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function journalPath(subs: SubscriptionStore, campaignId: string): string {
  return join(subs.dir, 'deliveries', `${campaignId}.jsonl`);
}

interface Job {
  chatId: number;
  attempts: number;
  kind: 'summary' | 'chart';
  notBefore: number;
}

export class CampaignRunner {
  private readonly fileIds = new Map<string, string>();
  private readonly charts = new Map<string, Promise<Buffer>>();

  constructor(private readonly o: RunnerOptions) {}

  /** "chat|YYYY-MM" of every bulletin already delivered (or possibly delivered) elsewhere. */
  private delivered(c: Campaign): Set<string> {
    const served = new Set<string>();
    for (const other of this.o.subs.campaigns()) {
      if (other.id === c.id) continue;
      const j = new DeliveryJournal(journalPath(this.o.subs, other.id));
      for (const d of j.all())
        if (d.state === 'sent' || d.state === 'sending')
          served.add(`${d.chatId}|${j.monthOf(d.chatId) ?? other.month}`);
    }
    return served;
  }

  /** Each chat is owed the bulletin of its own places' latest month, once. */
  private queueOwed(c: Campaign, journal: DeliveryJournal, byChat: Map<number, Subscription[]>) {
    const served = this.delivered(c);
    const idx = this.o.index();
    const upTo = parseMonthKey(c.month);
    const owed = [...byChat].flatMap(([chatId, subs]) => {
      const own = latestMonthFor(idx, concerned(subs, c.places), upTo);
      const month = own && monthKey(own);
      return month && !served.has(`${chatId}|${month}`)
        ? [{ chatId, state: 'pending' as const, month }]
        : [];
    });
    journal.record(...owed);
  }

  async run(
    c: Campaign,
    onProgress?: (j: DeliveryJournal) => Promise<void>,
  ): Promise<CampaignStats> {
    const t0 = performance.now();
    const journal = new DeliveryJournal(journalPath(this.o.subs, c.id));
    const byChat = this.o.subs.byChat();
    if (journal.size === 0) this.queueOwed(c, journal, byChat);
    // crash policy: in-flight deliveries are not resent
    const interrupted = [...journal.all()].filter((d) => d.state === 'sending');
    journal.record(
      ...interrupted.map((d) => ({
        chatId: d.chatId,
        state: 'failed' as const,
        error: 'interrupted',
      })),
    );
    const queue: Job[] = [...journal.all()]
      .filter((d) => d.state === 'pending')
      .map((d) => ({ chatId: d.chatId, attempts: 0, kind: 'summary' as const, notBefore: 0 }));
    const pace = new Pace(this.o.rate, this.o.maxInFlight);
    const send = this.sender(c, journal, byChat, queue, pace);
    await pump(queue, pace, send, onProgress && (() => onProgress(journal)));
    // recorded as done before the admin is told it is
    await this.o.subs.updateCampaign(c.id, { status: 'done' });
    if (onProgress) await onProgress(journal).catch(() => undefined);
    return statsOf(journal, (performance.now() - t0) / 1000);
  }

  /** Sends one job (a bulletin, or its chart after it) and records what happened. */
  private sender(
    c: Campaign,
    journal: DeliveryJournal,
    byChat: Map<number, Subscription[]>,
    queue: Job[],
    pace: Pace,
  ): (job: Job) => Promise<void> {
    const summaries = new Map<string, Summary | null>();
    const summaryFor = (subs: Subscription[], month: string, lang: Lang) => {
      const key = `${lang}:${month}:${subs
        .map((s) => `${s.place}|${s.indicator}`)
        .sort()
        .join(',')}`;
      return getOrCreate(summaries, key, () =>
        monthlySummary(this.o.index(), subs, parseMonthKey(month), wordsFor(lang)),
      );
    };
    return async (job) => {
      const subs = byChat.get(job.chatId) ?? this.o.subs.list(job.chatId);
      const lang = (await this.o.languageOf?.(job.chatId)) ?? 'vi';
      const summary = summaryFor(subs, journal.monthOf(job.chatId) ?? c.month, lang);
      if (!summary) {
        // the data changed since the campaign began: nothing of this month for this chat now
        journal.record({ chatId: job.chatId, state: 'failed', error: 'no figures this month' });
        return;
      }
      try {
        await this.deliver(job, summary, journal, queue);
      } catch (err) {
        await this.failed(job, err, journal, queue, (until) => pace.pauseUntil(until));
      }
    };
  }

  private async deliver(job: Job, summary: Summary, journal: DeliveryJournal, queue: Job[]) {
    if (job.kind === 'chart') {
      await this.sendChart(job.chatId, summary);
      return;
    }
    journal.record({ chatId: job.chatId, state: 'sending' });
    const msg = await this.o.api.sendMessage(job.chatId, summary.html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
    journal.record({ chatId: job.chatId, state: 'sent', messageId: msg.message_id });
    if (summary.chart && this.o.renderChart)
      queue.push({
        chatId: job.chatId,
        attempts: 0,
        kind: 'chart',
        notBefore: performance.now() + 1100,
      });
  }

  private async sendChart(chatId: number, summary: Summary): Promise<void> {
    const key = summary.chartKey!;
    const known = this.fileIds.get(key);
    if (known) {
      await this.o.api.sendPhoto(chatId, known);
      return;
    }
    const png = getOrCreate(this.charts, key, () => this.o.renderChart!(summary.chart!));
    const msg = await this.o.api.sendPhoto(chatId, new InputFile(await png, 'ban-tin.png'));
    const fileId = msg.photo?.at(-1)?.file_id;
    if (fileId) this.fileIds.set(key, fileId);
  }

  private async failed(
    job: Job,
    err: unknown,
    journal: DeliveryJournal,
    queue: Job[],
    pause: (until: number) => void,
  ): Promise<void> {
    const code = err instanceof GrammyError ? err.error_code : 0;
    const description = err instanceof GrammyError ? err.description : String(err);
    if (code === 429) {
      const after = (err as GrammyError).parameters.retry_after ?? 1;
      pause(performance.now() + after * 1000);
      this.o.log.warn({ retry_after: after }, 'push: 429, pausing');
      queue.unshift({ ...job, notBefore: 0 });
      return;
    }
    if (job.kind === 'chart') {
      this.o.log.debug({ chat: job.chatId, description }, 'push: chart not sent');
      return;
    }
    if (code === 403) {
      journal.record({ chatId: job.chatId, state: 'blocked', error: description });
      await this.o.subs.remove(job.chatId);
      return;
    }
    if (code === 400 && /chat not found/i.test(description)) {
      journal.record({ chatId: job.chatId, state: 'failed', error: 'chat not found' });
      await this.o.subs.remove(job.chatId);
      return;
    }
    if ((code >= 500 || code === 0) && job.attempts + 1 < (this.o.maxAttempts ?? 4)) {
      queue.push({
        ...job,
        attempts: job.attempts + 1,
        notBefore: performance.now() + 200 * 2 ** job.attempts,
      });
      return;
    }
    journal.record({ chatId: job.chatId, state: 'failed', error: description.slice(0, 200) });
  }
}

/** The sending pace: a ceiling of messages per second, a bound on those in flight, 429 pauses. */
class Pace {
  readonly interval: number;
  readonly maxInFlight: number;
  inFlight = 0;
  pausedUntil = 0;
  next = performance.now();

  constructor(rate: number, maxInFlight?: number) {
    this.interval = 1000 / rate;
    this.maxInFlight = maxInFlight ?? Math.max(1, Math.min(64, Math.ceil(rate)));
  }

  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** How long to wait before the next send, 0 when it may go now. */
  waitFor(now: number, ready: boolean): number {
    if (ready && this.inFlight < this.maxInFlight && now >= this.pausedUntil && now >= this.next)
      return 0;
    return Math.max(1, Math.min(20, Math.ceil(Math.max(this.pausedUntil, this.next) - now)));
  }

  took(now: number): void {
    // small bursts, average held
    this.next = Math.max(this.next + this.interval, now - this.interval * 5);
  }
}

async function pump(
  queue: Job[],
  pace: Pace,
  send: (job: Job) => Promise<void>,
  progress?: () => Promise<void>,
): Promise<void> {
  let lastProgress = 0;
  while (queue.length || pace.inFlight) {
    const now = performance.now();
    if (progress && now - lastProgress > 1000) {
      lastProgress = now;
      await progress().catch(() => undefined);
    }
    const readyAt = queue.findIndex((j) => j.notBefore <= now);
    const wait = pace.waitFor(now, readyAt >= 0);
    if (wait) {
      await sleep(wait);
      continue;
    }
    const [job] = queue.splice(readyAt, 1);
    pace.took(now);
    pace.inFlight++;
    void send(job!).finally(() => {
      pace.inFlight--;
    });
  }
}

function statsOf(journal: DeliveryJournal, seconds: number): CampaignStats {
  const counts = journal.counts();
  const interrupted = [...journal.all()].filter((d) => d.error === 'interrupted').length;
  return {
    total: journal.size,
    sent: counts.sent,
    blocked: counts.blocked,
    failed: counts.failed,
    interrupted,
    seconds,
    rate: counts.sent / Math.max(seconds, 0.001),
  };
}
