/**
 * The review queue of watched sources: the figures of a queued item (read again from its text,
 * so a card shows each figure beside its sentence, as a forwarded report does), applying one
 * item or all of a source's as one version, skipping, and the day's digest for admins.
 */
import type { Version } from '../admin/data-manager.js';
import { storeFlags } from '../admin/consistency.js';
import {
  type ReportItem,
  type ReportReading,
  readReport,
  reportFacts,
  reportSource,
} from '../admin/report.js';
import { msg } from '../messages.js';
import type { Fact, Source } from '../store/schema.js';
import type { Storage } from '../storage/storage.js';
import type { NewQueueItem, QueueItem } from './watched.js';

export interface ItemFigures {
  readonly items: ReportItem[];
  readonly plans: ReportItem[];
  readonly skipped: string[];
  readonly source: Source;
}

/** What an item's figures are read from: a queued item, or one about to be queued. */
type ItemText = Pick<
  NewQueueItem,
  'text' | 'publisher' | 'title' | 'link' | 'published' | 'place'
> & {
  readonly queuedAt?: string;
};

/** The source a queued item's figures cite: the article, its publisher and its date. */
export function itemSource(q: ItemText): Source {
  const date = new Date(q.published ?? q.queuedAt ?? Date.now());
  return reportSource(q.text, q.publisher, date, { title: q.title, url: q.link });
}

/**
 * The figures of an item, for its place; null when the place is not known yet. `reading`: the
 * text already read (the poller has it), so that it is not extracted twice.
 */
export function itemFigures(
  q: ItemText,
  place = q.place,
  reading: ReportReading = readReport(q.text),
): ItemFigures | null {
  if (!place) return null;
  const source = itemSource(q);
  return { ...reportFacts(reading, place, source), source };
}

/** Every figure of the item read cleanly and agrees with the report and the store. */
export async function passesChecks(storage: Storage, f: ItemFigures): Promise<boolean> {
  if (!f.items.length || f.skipped.length) return false;
  const flags = await storeFlags(
    storage.facts,
    f.items.map((i) => i.fact),
  );
  return flags.every((x) => x.length === 0);
}

export class QueueError extends Error {}

/**
 * Applies waiting items as one version; each is settled as applied. Items already handled or
 * with no place are refused before anything lands.
 */
export async function applyItems(
  storage: Storage,
  ids: readonly number[],
  who: string,
): Promise<{ version: Version; facts: Fact[]; items: QueueItem[] }> {
  const items: QueueItem[] = [];
  const facts: Fact[] = [];
  for (const id of ids) {
    const q = await storage.sources.item(id);
    if (q?.status !== 'waiting') throw new QueueError(msg('queue_item_gone', { id }));
    const f = itemFigures(q);
    if (!f) throw new QueueError(msg('queue_item_no_place', { id }));
    items.push(q);
    facts.push(...f.items.map((i) => i.fact));
  }
  const preview = await storage.data.preview(facts);
  const file = items.length === 1 ? items[0]!.title : msg('queue_many_file', { n: items.length });
  const version = await storage.data.apply(preview, who, file);
  for (const q of items) await storage.sources.settle(q.id, 'applied', who);
  const landed = [...preview.added, ...preview.changed.map((c) => c.after)];
  return { version, facts: landed, items };
}

/** The waiting items of one source that name their place (what "apply all" applies). */
export async function waitingOf(storage: Storage, sourceId: number): Promise<QueueItem[]> {
  return (await storage.sources.queue()).filter((q) => q.sourceId === sourceId && q.place);
}

/** What waits for review, one line a source; null when nothing does. */
export async function digestText(storage: Storage): Promise<string | null> {
  const waiting = await storage.sources.queue();
  if (!waiting.length) return null;
  const bySource = new Map<string, QueueItem[]>();
  for (const q of waiting) bySource.set(q.publisher, [...(bySource.get(q.publisher) ?? []), q]);
  const lines = [...bySource].map(([publisher, qs]) =>
    msg('queue_digest_line', {
      publisher,
      n: qs.length,
      figures: qs.reduce((s, q) => s + q.figures, 0),
    }),
  );
  return `${msg('queue_digest_head', { n: waiting.length })}\n${lines.join('\n')}\n${msg('queue_digest_hint')}`;
}
