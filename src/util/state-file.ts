/**
 * Small state users see (conversation context, pending previews, report tables) kept in a JSON
 * file of STATE_DIR, written atomically, bounded in size and time, so that a restart loses
 * none of it. Writes are gathered for a moment (many chats talk at once) and flushed on stop.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';

interface Entry<V> {
  readonly value: V;
  readonly until: number;
}

export class StateFile<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly path: string | null,
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly flushMs = 200,
  ) {
    if (path && existsSync(path)) this.load(path);
  }

  private load(path: string): void {
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as [string, Entry<V>][];
      const now = Date.now();
      for (const [k, e] of saved) if (e.until > now) this.entries.set(k, e);
    } catch {
      // a state file from an older version or cut by a crash: start empty, never fail to start
    }
  }

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until < Date.now()) {
      this.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V, ttlMs = this.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: Date.now() + ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    this.schedule();
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.schedule();
  }

  private schedule(): void {
    if (!this.path || this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.flushMs);
    this.timer.unref();
  }

  /** Writes now (on stop, and after a short gathering delay). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, JSON.stringify([...this.entries]));
  }
}
