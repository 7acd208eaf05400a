/**
 * An outage said once: the first failure of a run of them writes one warning ("… không truy cập
 * được, đang thử lại"), each failure waits longer before the next try (up to a ceiling), and the
 * first success after them writes one "… đã truy cập lại được" line. Loops that poll a database
 * share one, so a 20-second outage is two log lines, not hundreds.
 */
import type { Logger } from 'pino';
import { msg } from '../messages.js';

export class Outage {
  private failures = 0;
  private since = 0;

  constructor(
    private readonly log: Logger,
    /** What is unreachable, as the messages name it ("cơ sở dữ liệu"). */
    private readonly what: string,
    private readonly firstMs = 250,
    private readonly maxMs = 5_000,
  ) {}

  get down(): boolean {
    return this.failures > 0;
  }

  /** After a failure: how long to wait before the next try. */
  failed(err: unknown): number {
    if (this.failures === 0) {
      this.since = Date.now();
      const reason = err instanceof Error ? err.message : String(err);
      this.log.warn({ reason: reason.slice(0, 200) }, msg('outage_started', { what: this.what }));
    }
    this.failures += 1;
    return Math.min(this.maxMs, this.firstMs * 2 ** Math.min(this.failures - 1, 10));
  }

  /** After a success: the outage, if there was one, is over. */
  ok(): void {
    if (this.failures === 0) return;
    const seconds = Math.round((Date.now() - this.since) / 1000);
    this.log.info({ failures: this.failures, seconds }, msg('outage_over', { what: this.what }));
    this.failures = 0;
  }
}
