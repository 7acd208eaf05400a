/** An outage is said once (issue 22): one warning, a growing wait, one line when it is over. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { Outage } from '../src/util/outage.js';

describe('outage', () => {
  it('one warning for a run of failures, waits growing to a ceiling, one line when over', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('info', [], sink);
    const outage = new Outage(log, 'cơ sở dữ liệu', 100, 1_000);
    const waits = Array.from({ length: 40 }, () => outage.failed(new Error('ECONNREFUSED')));
    expect(waits.slice(0, 5)).toEqual([100, 200, 400, 800, 1_000]);
    expect(Math.max(...waits)).toBe(1_000);
    outage.ok();
    outage.ok();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('cơ sở dữ liệu không truy cập được, đang thử lại');
    expect(lines[1]).toContain('cơ sở dữ liệu đã truy cập lại được');
    expect(lines[1]).toContain('"failures":40');
  });
});
