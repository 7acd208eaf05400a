/**
 * The delivery journal of one campaign: an append-only JSONL file, one line per state
 * change (pending -> sending -> sent | blocked | failed). Appends are synchronous, so the
 * file holds every change made before a crash, even a kill -9; the last line of a chat wins.
 * (A whole-file rewrite per delivery, as lowdb does, would cost O(n^2) for 10,000 chats.)
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'blocked' | 'failed';
export interface Delivery {
  readonly chatId: number;
  readonly state: DeliveryState;
  readonly messageId?: number;
  readonly error?: string;
  /** The month of the bulletin this chat gets (YYYY-MM: its own places' latest month). */
  readonly month?: string;
}

export class DeliveryJournal {
  private readonly latest = new Map<number, Delivery>();
  private readonly months = new Map<number, string>();

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const d = JSON.parse(line) as Delivery;
          this.latest.set(d.chatId, d);
          if (d.month) this.months.set(d.chatId, d.month);
        } catch {
          // a line cut by a crash mid-write: the change it carried never happened
        }
      }
    }
  }

  get size(): number {
    return this.latest.size;
  }

  /** The bulletin month recorded for a chat when it was queued. */
  monthOf(chatId: number): string | undefined {
    return this.months.get(chatId);
  }

  get(chatId: number): Delivery | undefined {
    return this.latest.get(chatId);
  }

  all(): IterableIterator<Delivery> {
    return this.latest.values();
  }

  record(...changes: Delivery[]): void {
    if (!changes.length) return;
    appendFileSync(this.path, `${changes.map((d) => JSON.stringify(d)).join('\n')}\n`);
    for (const d of changes) {
      this.latest.set(d.chatId, d);
      if (d.month) this.months.set(d.chatId, d.month);
    }
  }

  counts(): Record<DeliveryState, number> {
    const c = { pending: 0, sending: 0, sent: 0, blocked: 0, failed: 0 };
    for (const d of this.latest.values()) c[d.state]++;
    return c;
  }
}
