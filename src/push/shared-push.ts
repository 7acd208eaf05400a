/**
 * Pushes across replicas (PostgreSQL): every replica runs a few send workers that claim one
 * delivery at a time from the shared queue, wait for a slot of the shared pace, and send. A
 * campaign is created once (one per month and trigger) by whichever replica starts it, with its
 * owed deliveries; the others simply find them. Killed mid-campaign, a replica's claims (at
 * most its workers' count) are marked interrupted by the others, who finish the rest.
 */
import { wordsFor } from '../answer/words.js';
import { msg } from '../messages.js';
import { Cron } from 'croner';
import { type Api, GrammyError, InputFile } from 'grammy';
import type { Logger } from 'pino';
import { TIME_ZONE } from '../core/conversation.js';
import { crashPoint } from '../util/crash-point.js';
import { Outage } from '../util/outage.js';
import type { ClaimedDelivery, Deliveries, Storage, SubscriptionRow } from '../storage/storage.js';
import {
  chatLanguage,
  latestMonth,
  concerned,
  latestMonthFor,
  type Month,
  monthKey,
  monthlySummary,
  parseMonthKey,
  type Summary,
} from './summary.js';
import { progressText } from './push-service.js';
import type { Trigger } from './subscriptions.js';

export interface SharedPushOptions {
  readonly api: Api;
  readonly storage: Storage;
  readonly deliveries: Deliveries;
  readonly log: Logger;
  /** Messages per second, all replicas together. */
  readonly rate: number;
  /** This replica's name in the queue (claims, heartbeats). */
  readonly sender: string;
  readonly workers?: number;
  /** A sender silent this long is taken for dead and its claims for interrupted. */
  readonly silentMs?: number;
  readonly renderChart?: ((spec: NonNullable<Summary['chart']>) => Promise<Buffer>) | undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const IDLE_MS = 200;
const BEAT_MS = 1_000;
const SILENT_MS = 5_000;
const MAX_ATTEMPTS = 4;

export class SharedPush {
  private running = false;
  private loops: Promise<void>[] = [];
  private cron: Cron | null = null;
  private readonly attempts = new Map<string, number>();
  private readonly chartIds = new Map<string, string>();

  private readonly outage: Outage;

  constructor(private readonly o: SharedPushOptions) {
    this.outage = new Outage(o.log, msg('outage_database'));
  }

  /** Creates this month's campaign and its deliveries; null when there is none to create. */
  async trigger(
    trigger: Trigger,
    startedBy: number | null,
    month?: Month | null,
    only?: readonly string[],
  ) {
    const upTo = month ?? latestMonth(await this.o.storage.facts.indexFor(null));
    if (!upTo) return null;
    const byChat = await this.o.storage.subscriptions.byChat();
    const places = [...new Set([...byChat.values()].flat().map((s) => s.place))];
    const idx = await this.o.storage.facts.indexForPlaces(places);
    const owed = [...byChat].flatMap(([chatId, subs]) => {
      const own = latestMonthFor(idx, concerned(subs, only), upTo);
      return own ? [{ chatId, month: monthKey(own) }] : [];
    });
    const c = await this.o.deliveries.createCampaign(monthKey(upTo), trigger, startedBy, owed);
    if (!c) return null;
    this.o.log.info({ campaign: c.id, owed: owed.length }, 'campaign created');
    if (startedBy !== null) {
      const text = msg('push_starting', { month: upTo.month, year: upTo.year });
      const m = await this.o.api.sendMessage(startedBy, text).catch(() => null);
      if (m) await this.o.deliveries.setProgress(c.id, startedBy, m.message_id);
    }
    return c;
  }

  /** Starts this replica's workers and its share of the upkeep (heartbeat, reaping, closing). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // alive before the first claim: no other replica may take this one's claims for orphans
    await this.o.deliveries.beat(this.o.sender);
    const workers = this.o.workers ?? 4;
    this.loops = [this.upkeep(), ...Array.from({ length: workers }, () => this.work())];
  }

  async stop(): Promise<void> {
    this.running = false;
    this.cron?.stop();
    await Promise.allSettled(this.loops);
  }

  schedule(pattern: string): Cron {
    this.cron = new Cron(pattern, { timezone: TIME_ZONE, protect: true }, async () => {
      const c = await this.trigger('schedule', null).catch(() => null);
      this.o.log.info({ started: c?.id ?? null }, 'scheduled push');
    });
    return this.cron;
  }

  private async upkeep(): Promise<void> {
    while (this.running) {
      await this.safely(async () => {
        await this.o.deliveries.beat(this.o.sender);
        const reaped = await this.o.deliveries.reapSilent(this.o.silentMs ?? SILENT_MS);
        if (reaped) this.o.log.warn({ reaped }, 'push: deliveries of a silent sender interrupted');
        for (const c of await this.o.deliveries.closeFinished()) await this.tellDone(c);
      });
      await sleep(Math.min(BEAT_MS, (this.o.silentMs ?? SILENT_MS) / 4));
    }
  }

  private async tellDone(c: {
    id: string;
    month: string;
    progress: { chatId: number; messageId: number } | null;
  }) {
    const n = await this.o.deliveries.counts(c.id);
    this.o.log.info({ campaign: c.id, ...n }, 'campaign done');
    if (!c.progress) return;
    const total = n.pending + n.sending + n.sent + n.blocked + n.failed;
    const text = progressText(c.month, n, total, true);
    await this.o.api
      .editMessageText(c.progress.chatId, c.progress.messageId, text)
      .catch(() => undefined);
  }

  private async work(): Promise<void> {
    while (this.running) {
      const claimed = await this.safely(() => this.o.deliveries.claim(this.o.sender, 1));
      const d = claimed?.[0];
      if (!d) {
        await sleep(IDLE_MS);
        continue;
      }
      await this.safely(() => this.deliver(d));
    }
  }

  /** One step on the queue; while the database is out, one warning and a growing wait. */
  private async safely<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await work();
      this.outage.ok();
      return result;
    } catch (err) {
      await sleep(this.outage.failed(err));
      return undefined;
    }
  }

  private async summaryFor(
    d: ClaimedDelivery,
  ): Promise<{ subs: SubscriptionRow[]; summary: Summary | null }> {
    const subs = await this.o.storage.subscriptions.list(d.chatId);
    const idx = await this.o.storage.facts.indexForPlaces(subs.map((s) => s.place));
    const words = wordsFor(await chatLanguage(this.o.storage.state)(d.chatId));
    return { subs, summary: monthlySummary(idx, subs, parseMonthKey(d.month), words) };
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    const { summary } = await this.summaryFor(d);
    if (!summary) {
      // the data or the subscriptions changed since the campaign began
      await this.o.deliveries.finish(d, this.o.sender, 'failed', 'no figures this month');
      return;
    }
    await this.slot();
    try {
      await this.o.api.sendMessage(d.chatId, summary.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
    } catch (err) {
      await this.failed(d, err);
      return;
    }
    // a crash here leaves a delivery that reached the user still "sending": the worst case
    crashPoint('push:sent-unrecorded');
    await this.o.deliveries.finish(d, this.o.sender, 'sent');
    if (summary.chart && this.o.renderChart) await this.sendChart(d.chatId, summary);
  }

  /** A send slot of the shared pace, never inside a pause another sender was told to keep. */
  private async slot(): Promise<void> {
    for (;;) {
      await sleep(await this.o.deliveries.nextSlot(this.o.rate));
      const paused = await this.o.deliveries.pauseLeft();
      if (!paused) return;
      await sleep(paused);
    }
  }

  private async sendChart(chatId: number, summary: Summary): Promise<void> {
    await this.slot();
    const key = summary.chartKey ?? '';
    const known = this.chartIds.get(key);
    const photo = known ?? new InputFile(await this.o.renderChart!(summary.chart!), 'ban-tin.png');
    const m = await this.o.api.sendPhoto(chatId, photo).catch(() => null);
    const id = m?.photo?.at(-1)?.file_id;
    if (id) this.chartIds.set(key, id);
  }

  private async failed(d: ClaimedDelivery, err: unknown): Promise<void> {
    const code = err instanceof GrammyError ? err.error_code : 0;
    const description = err instanceof GrammyError ? err.description : String(err);
    if (code === 429) {
      const after = (err as GrammyError).parameters.retry_after ?? 1;
      this.o.log.warn({ retry_after: after }, 'push: 429, every sender pauses');
      await this.o.deliveries.pauseAll(after);
      await this.o.deliveries.release(d, this.o.sender);
      return;
    }
    if (code === 403 || (code === 400 && /chat not found/i.test(description))) {
      await this.o.deliveries.finish(
        d,
        this.o.sender,
        code === 403 ? 'blocked' : 'failed',
        description,
      );
      await this.o.storage.subscriptions.remove(d.chatId);
      return;
    }
    const key = `${d.campaignId}|${d.chatId}`;
    const tries = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, tries);
    if ((code >= 500 || code === 0) && tries < MAX_ATTEMPTS) {
      await sleep(200 * 2 ** tries);
      await this.o.deliveries.release(d, this.o.sender);
      return;
    }
    await this.o.deliveries.finish(d, this.o.sender, 'failed', description.slice(0, 200));
  }
}
