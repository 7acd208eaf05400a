/**
 * The indexes of the question scopes a replica was asked again, until the next version: the
 * questions asked over and over ("this month's exports of …") read nothing. A scope asked once
 * is only remembered by its key: keeping every index a replica builds made each of them outlive
 * its question, and the garbage collector's pauses showed in the slowest answers.
 */
import type { FactIndex } from '../../store/fact-store.js';

export class ScopeCache {
  private readonly kept = new Map<string, FactIndex>();
  private readonly seen = new Set<string>();

  constructor(
    /** Indexes kept (a few hundred KB each). */
    private readonly size = 32,
    /** Keys of scopes asked once, remembered to know a second asking. */
    private readonly memory = 1_024,
  ) {}

  get(key: string): FactIndex | undefined {
    const known = this.kept.get(key);
    if (known) {
      // most recently used last: the oldest is the one dropped
      this.kept.delete(key);
      this.kept.set(key, known);
    }
    return known;
  }

  /** A scope just read: kept if it was asked before, else remembered. */
  offer(key: string, index: FactIndex): void {
    if (!this.seen.has(key)) {
      this.seen.add(key);
      if (this.seen.size > this.memory) this.seen.delete(this.seen.values().next().value!);
      return;
    }
    this.kept.set(key, index);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
  }

  clear(): void {
    this.kept.clear();
    this.seen.clear();
  }
}
