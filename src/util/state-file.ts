/**
 * Small state users see (conversation context, pending previews, report tables) kept in a JSON
 * file of STATE_DIR, written atomically, bounded in size and time, so that a restart loses
 * none of it. Whole-file writes are gathered for a moment (many chats talk at once); every change
 * is first appended to a journal beside it, before the caller goes on (before a reply is sent),
 * so that a kill -9 right after an answer loses no context. A torn last journal line is ignored.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
    if (path && existsSync(this.journal)) this.replay();
  }

  private get journal(): string {
    return `${this.path}.journal`;
  }

  /** The changes made after the last whole-file write, in order. */
  private replay(): void {
    const now = Date.now();
    for (const line of readFileSync(this.journal, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        const [key, e] = JSON.parse(line) as [string, Entry<V> | null];
        if (e && e.until > now) this.entries.set(key, e);
        else this.entries.delete(key);
      } catch {
        // the last line of a journal a kill cut short: the changes before it stand
      }
    }
  }

  private record(key: string, e: Entry<V> | null): void {
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.journal, `${JSON.stringify([key, e])}\n`);
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
    const entry = { value, until: Date.now() + ttlMs };
    this.entries.set(key, entry);
    this.record(key, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    this.schedule();
  }

  delete(key: string): void {
    if (!this.entries.delete(key)) return;
    this.record(key, null);
    this.schedule();
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
    // the whole file now holds every change the journal had
    rmSync(this.journal, { force: true });
  }
}
