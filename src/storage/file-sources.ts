/**
 * Watched sources on the files: one JSON file of STATE_DIR (sources.json), read fresh and
 * rewritten atomically under a lock for every change, so that the bot and `npm run sources`
 * share it. The poll round holds a second lock, taken without waiting: a process that finds it
 * held skips the round. Without STATE_DIR (tests, the terminal) the same state lives in memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import type {
  NewQueueItem,
  NewSource,
  PollState,
  QueueItem,
  QueueStatus,
  WatchedSource,
} from '../sources/watched.js';
import { FRESH_POLL_STATE } from '../sources/watched.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import type { SourceRepository } from './storage.js';

interface SourcesFile {
  nextSource: number;
  nextItem: number;
  sources: WatchedSource[];
  /** "source|key" -> fingerprint of what was read. */
  seen: Record<string, string>;
  queue: QueueItem[];
  marks: string[];
}

const empty = (): SourcesFile => ({
  ...{ nextSource: 1, nextItem: 1, sources: [], seen: {}, queue: [], marks: [] },
});

/** Settled items kept for the record (their text dropped); marks kept. */
const KEEP_SETTLED = 500;
const KEEP_MARKS = 400;
const CHANGE_LOCK = {
  realpath: false,
  stale: 10_000,
  update: 2_000,
  retries: { retries: 400, minTimeout: 5, maxTimeout: 50 },
};
// a round lock found compromised (its refresh failed) must not crash the bot: the claims of
// items still keep two pollers from reading one item
const ROUND_LOCK = {
  ...{ realpath: false, stale: 60_000, update: 10_000, retries: 0 },
  onCompromised: () => undefined,
};

const seenKey = (sourceId: number, key: string) => `${sourceId}|${key}`;

function trimmed(s: SourcesFile): SourcesFile {
  const settled = s.queue.filter((q) => q.status !== 'waiting');
  const drop = new Set(settled.slice(0, Math.max(0, settled.length - KEEP_SETTLED)));
  s.queue = s.queue
    .filter((q) => !drop.has(q))
    .map((q) => (q.status === 'waiting' ? q : { ...q, text: '' }));
  s.marks = s.marks.slice(-KEEP_MARKS);
  return s;
}

export class FileSources implements SourceRepository {
  private memory: SourcesFile = empty();
  private chain: Promise<unknown> = Promise.resolve();
  private roundHeld = false;

  constructor(private readonly path: string | null) {}

  private read(): SourcesFile {
    if (!this.path) return this.memory;
    if (!existsSync(this.path)) return empty();
    return JSON.parse(readFileSync(this.path, 'utf8')) as SourcesFile;
  }

  /** One change: read, changed, written whole, under the lock of every process. */
  private change<T>(edit: (s: SourcesFile) => T): Promise<T> {
    const run = async () => {
      if (!this.path) return edit(this.memory);
      const release = await lockfile.lock(this.path, CHANGE_LOCK);
      try {
        const s = this.read();
        const out = edit(s);
        writeFileAtomic(this.path, JSON.stringify(trimmed(s)));
        return out;
      } finally {
        await release();
      }
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  async list(): Promise<WatchedSource[]> {
    return this.read().sources;
  }

  add(n: NewSource): Promise<WatchedSource | null> {
    return this.change((s) => {
      if (s.sources.some((x) => x.url === n.url)) return null;
      const added = {
        ...n,
        ...FRESH_POLL_STATE,
        id: s.nextSource++,
        addedAt: new Date().toISOString(),
      };
      s.sources.push(added);
      return added;
    });
  }

  remove(id: number): Promise<boolean> {
    return this.change((s) => {
      const before = s.sources.length;
      s.sources = s.sources.filter((x) => x.id !== id);
      s.queue = s.queue.filter((q) => q.sourceId !== id || q.status !== 'waiting');
      for (const k of Object.keys(s.seen)) if (k.startsWith(`${id}|`)) delete s.seen[k];
      return s.sources.length < before;
    });
  }

  savePoll(id: number, state: PollState): Promise<void> {
    return this.change((s) => {
      s.sources = s.sources.map((x) => (x.id === id ? { ...x, ...state } : x));
    });
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T | null> {
    if (!this.path) {
      if (this.roundHeld) return null;
      this.roundHeld = true;
      return work().finally(() => {
        this.roundHeld = false;
      });
    }
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(`${this.path}.poll`, ROUND_LOCK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return null;
      throw err;
    }
    try {
      return await work();
    } finally {
      await release();
    }
  }

  async fingerprints(sourceId: number, keys: readonly string[]): Promise<Map<string, string>> {
    const seen = this.read().seen;
    const found = new Map<string, string>();
    for (const key of keys) {
      const fp = seen[seenKey(sourceId, key)];
      if (fp !== undefined) found.set(key, fp);
    }
    return found;
  }

  claimItem(sourceId: number, key: string, fingerprint: string): Promise<boolean> {
    return this.change((s) => {
      if (s.seen[seenKey(sourceId, key)] === fingerprint) return false;
      s.seen[seenKey(sourceId, key)] = fingerprint;
      return true;
    });
  }

  forgetItem(sourceId: number, key: string): Promise<void> {
    return this.change((s) => {
      delete s.seen[seenKey(sourceId, key)];
    });
  }

  enqueue(n: NewQueueItem): Promise<QueueItem> {
    return this.change((s) => {
      s.queue = s.queue.filter(
        (q) => !(q.sourceId === n.sourceId && q.key === n.key && q.status === 'waiting'),
      );
      const item: QueueItem = {
        ...n,
        ...{ id: s.nextItem++, queuedAt: new Date().toISOString() },
        ...{ status: 'waiting', settledBy: null },
      };
      s.queue.push(item);
      return item;
    });
  }

  async queue(status: QueueStatus = 'waiting'): Promise<QueueItem[]> {
    return this.read().queue.filter((q) => q.status === status);
  }

  async item(id: number): Promise<QueueItem | undefined> {
    return this.read().queue.find((q) => q.id === id);
  }

  settle(id: number, status: Exclude<QueueStatus, 'waiting'>, who: string): Promise<boolean> {
    return this.change((s) => {
      const at = s.queue.findIndex((q) => q.id === id && q.status === 'waiting');
      if (at < 0) return false;
      s.queue[at] = { ...s.queue[at]!, status, settledBy: who };
      return true;
    });
  }

  markOnce(key: string): Promise<boolean> {
    return this.change((s) => {
      if (s.marks.includes(key)) return false;
      s.marks.push(key);
      return true;
    });
  }
}
