/**
 * Campaigns: started when an admin publishes a new month, by the schedule (croner,
 * Asia/Ho_Chi_Minh) for those not yet served that month, or by hand; resumed after a
 * restart; the admin who started one sees its progress in one message edited as it goes.
 */
import { msg } from '../messages.js';
import { Cron } from 'croner';
import type { Api } from 'grammy';
import { TIME_ZONE } from '../core/conversation.js';
import { type CampaignStats, CampaignRunner, type RunnerOptions } from './campaign-runner.js';
import type { DeliveryJournal } from './journal.js';
import { latestMonth, type Month, monthKey } from './summary.js';
import type { Campaign, SubscriptionStore, Trigger } from './subscriptions.js';

export interface PushOptions extends Omit<RunnerOptions, 'api'> {
  readonly api: Api;
}

/** The admin's progress message of a campaign (files and PostgreSQL alike). */
export function progressText(
  month: string,
  n: { sent: number; blocked: number; failed: number },
  total: number,
  done = false,
): string {
  const handled = n.sent + n.blocked + n.failed;
  const counts = { month: `${month.slice(5)}/${month.slice(0, 4)}`, sent: n.sent, total };
  return (
    msg(done ? 'push_done' : 'push_sending', counts) +
    (n.blocked ? msg('push_blocked', { n: n.blocked }) : '') +
    (n.failed ? msg('push_failed', { n: n.failed }) : '') +
    (done ? '' : ` (${handled}/${total})`)
  );
}

export class PushService {
  private readonly runner: CampaignRunner;
  private readonly running = new Map<string, Promise<CampaignStats>>();
  private cron: Cron | null = null;

  constructor(private readonly o: PushOptions) {
    this.runner = new CampaignRunner(o);
  }

  get subs(): SubscriptionStore {
    return this.o.subs;
  }

  /**
   * Creates the campaign of the latest month for this trigger and runs it. Returns null when
   * there is no monthly data, or when that (month, trigger) campaign already exists.
   */
  async trigger(
    trigger: Trigger,
    startedBy: number | null = null,
    month: Month | null = latestMonth(this.o.index()),
    places: readonly string[] | null = null,
  ): Promise<{ campaign: Campaign; done: Promise<CampaignStats> } | null> {
    if (!month) return null;
    const campaign = await this.o.subs.createCampaign(monthKey(month), trigger, startedBy, places);
    if (!campaign) return null;
    if (startedBy !== null) {
      const starting = msg('push_starting', { month: month.month, year: month.year });
      const sent = await this.o.api.sendMessage(startedBy, starting).catch(() => null);
      if (sent)
        await this.o.subs.updateCampaign(campaign.id, {
          progress: { chatId: startedBy, messageId: sent.message_id },
        });
    }
    return { campaign, done: this.start(campaign) };
  }

  /** Resumes every campaign a previous process left running. */
  resume(): Promise<CampaignStats>[] {
    return this.o.subs
      .campaigns()
      .filter((c) => c.status === 'running')
      .map((c) => this.start(c));
  }

  private start(c: Campaign): Promise<CampaignStats> {
    const existing = this.running.get(c.id);
    if (existing !== undefined) return existing;
    let lastText = '';
    const progress = async (j: DeliveryJournal, done = false) => {
      const p = this.o.subs.campaign(c.id)?.progress;
      if (!p) return;
      const text = progressText(c.month, j.counts(), j.size, done);
      if (text === lastText) return;
      lastText = text;
      await this.o.api
        .editMessageText(p.chatId, p.messageId, text)
        .catch((err: unknown) => this.o.log.debug({ err }, 'progress edit failed'));
    };
    const run = this.runner
      .run(c, (j) => progress(j, j.counts().pending === 0 && j.counts().sending === 0))
      .then((stats) => {
        this.o.log.info({ campaign: c.id, ...stats }, 'campaign done');
        return stats;
      })
      .finally(() => this.running.delete(c.id));
    this.running.set(c.id, run);
    return run;
  }

  /** The monthly schedule, e.g. "0 8 5 * *" = day 5 at 08:00, Vietnam time. */
  schedule(pattern: string): Cron {
    this.cron = new Cron(pattern, { timezone: TIME_ZONE, protect: true }, async () => {
      const started = await this.trigger('schedule');
      this.o.log.info({ started: started?.campaign.id ?? null }, 'scheduled push');
    });
    return this.cron;
  }

  stop(): void {
    this.cron?.stop();
  }
}
