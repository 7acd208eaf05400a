/**
 * Subscriptions and campaigns: lowdb on STATE_DIR/subscriptions.json, checked with zod on
 * load and before every write (written through a temporary file and a rename).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';

const SubscriptionSchema = z
  .object({
    chatId: z.number().int(),
    place: z.string().min(1),
    indicator: z.string().nullable(),
    since: z.string(),
  })
  .strict();
export type Subscription = z.infer<typeof SubscriptionSchema>;

const CampaignSchema = z
  .object({
    id: z.string(),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    trigger: z.enum(['publish', 'schedule', 'manual']),
    createdAt: z.string(),
    startedBy: z.number().int().nullable(),
    progress: z.object({ chatId: z.number().int(), messageId: z.number().int() }).nullable(),
    status: z.enum(['running', 'done']),
    /** The places whose new figures started the campaign: only their subscribers are owed. */
    places: z.array(z.string()).nullable().optional(),
  })
  .strict();
export type Campaign = z.infer<typeof CampaignSchema>;
export type Trigger = Campaign['trigger'];

const StateSchema = z
  .object({
    schema: z.literal(1),
    subscriptions: z.array(SubscriptionSchema),
    campaigns: z.array(CampaignSchema),
  })
  .strict();
type State = z.infer<typeof StateSchema>;

function parseState(text: string, where: string): State {
  const r = StateSchema.safeParse(JSON.parse(text));
  if (!r.success)
    throw new Error(
      `${where}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`,
    );
  return r.data;
}

export class SubscriptionStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: Low<State>,
    readonly dir: string,
  ) {}

  static async open(dir: string): Promise<SubscriptionStore> {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'subscriptions.json');
    const db = new Low<State>(
      new DataFile<State>(path, {
        parse: (t) => parseState(t, path),
        stringify: (d) => `${JSON.stringify(StateSchema.parse(d))}\n`,
      }),
      { schema: 1, subscriptions: [], campaigns: [] },
    );
    await db.read();
    return new SubscriptionStore(db, dir);
  }

  /** Writes one after another, each a whole validated file. */
  private save(): Promise<void> {
    this.writing = this.writing.then(() => this.db.write());
    return this.writing;
  }

  list(chatId: number): Subscription[] {
    return this.db.data.subscriptions.filter((s) => s.chatId === chatId);
  }

  all(): readonly Subscription[] {
    return this.db.data.subscriptions;
  }

  /** Subscriptions grouped by chat. */
  byChat(): Map<number, Subscription[]> {
    const m = new Map<number, Subscription[]>();
    for (const s of this.db.data.subscriptions) {
      const list = m.get(s.chatId);
      if (list) list.push(s);
      else m.set(s.chatId, [s]);
    }
    return m;
  }

  async add(chatId: number, place: string, indicator: string | null): Promise<boolean> {
    if (
      this.db.data.subscriptions.some(
        (s) => s.chatId === chatId && s.place === place && s.indicator === indicator,
      )
    )
      return false;
    this.db.data.subscriptions.push({ chatId, place, indicator, since: new Date().toISOString() });
    await this.save();
    return true;
  }

  /** Adds many at once (one write): for imports and tests. */
  async addMany(subs: readonly Omit<Subscription, 'since'>[]): Promise<void> {
    const since = new Date().toISOString();
    for (const s of subs) this.db.data.subscriptions.push({ ...s, since });
    await this.save();
  }

  /** Removes one subscription, or all of a chat when place is left out. */
  async remove(chatId: number, place?: string, indicator?: string | null): Promise<number> {
    const before = this.db.data.subscriptions.length;
    this.db.data.subscriptions = this.db.data.subscriptions.filter(
      (s) =>
        !(
          s.chatId === chatId &&
          (place === undefined ||
            (s.place === place && (indicator === undefined || s.indicator === indicator)))
        ),
    );
    const removed = before - this.db.data.subscriptions.length;
    if (removed) await this.save();
    return removed;
  }

  campaigns(): readonly Campaign[] {
    return this.db.data.campaigns;
  }

  campaign(id: string): Campaign | undefined {
    return this.db.data.campaigns.find((c) => c.id === id);
  }

  /** One campaign per (month, trigger): a second call for the same pair returns null. */
  async createCampaign(
    month: string,
    trigger: Trigger,
    startedBy: number | null = null,
    places: readonly string[] | null = null,
  ): Promise<Campaign | null> {
    const id = `${month}.${trigger}`;
    if (this.campaign(id)) return null;
    const c: Campaign = {
      id,
      month,
      trigger,
      createdAt: new Date().toISOString(),
      startedBy,
      progress: null,
      status: 'running',
      ...(places ? { places: [...places] } : {}),
    };
    this.db.data.campaigns.push(c);
    await this.save();
    return c;
  }

  async updateCampaign(
    id: string,
    patch: Partial<Pick<Campaign, 'progress' | 'status'>>,
  ): Promise<void> {
    const c = this.campaign(id);
    if (!c) return;
    Object.assign(c, patch);
    await this.save();
  }
}
