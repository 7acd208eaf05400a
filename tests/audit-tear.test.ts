/**
 * The audit log survives a torn append (issue 22): a kill during the append of version n's
 * record leaves part of a line; the replay at the next open sets the torn part aside and writes
 * the record on a line of its own, for a tear at every byte. A killed apply's temporary copy of
 * the data file is removed at the next open.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VersionLog } from '../src/admin/version-log.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('solieu-audit-');
afterAll(() => tmp.cleanup());

const version = (n: number) => ({
  ...{ n, who: 'test', at: '2026-12-01T00:00:00.000Z', file: `f${n}`, action: 'apply' as const },
  ...{ added: n, changed: 0, unchanged: 0, total: n },
});

function logWithTwoVersions(dir: string) {
  const data = join(dir, 'facts.json');
  const log = new VersionLog(join(dir, 'versions'), data);
  for (let i = 0; i < 2; i++)
    log.commit((k, at) => ({
      version: { ...version(k), at },
      data: `data ${k}`,
      audit: { version: k, note: 'đã áp dụng' },
    }));
  return { log, data };
}

describe('a torn audit line', () => {
  const record = JSON.stringify({ version: 3, note: 'bản ghi thứ ba' });

  it('is set aside at every byte, and the replay writes the record on a fresh line', () => {
    for (let cut = 1; cut <= Buffer.byteLength(record); cut++) {
      const dir = join(tmp.dir, `cut-${cut}`);
      const { log } = logWithTwoVersions(dir);
      // version 3 committed (versions.json, snapshot, audit record), its append torn at `cut`
      const versions = join(dir, 'versions');
      writeFileSync(join(versions, '3.json'), 'data 3');
      writeFileSync(join(versions, '3.audit.json'), record);
      const list = JSON.parse(readFileSync(join(versions, 'versions.json'), 'utf8'));
      list.versions.push(version(3));
      writeFileSync(join(versions, 'versions.json'), JSON.stringify(list));
      const audit = join(versions, 'audit.jsonl');
      writeFileSync(
        audit,
        Buffer.concat([readFileSync(audit), Buffer.from(record).subarray(0, cut)]),
      );
      expect(log.recover()).toBe('replayed');
      const lines = readFileSync(audit, 'utf8').trimEnd().split('\n');
      const parsed = lines.map((l) => JSON.parse(l) as { version: number });
      expect(parsed.map((p) => p.version)).toEqual([1, 2, 3]);
      if (cut < Buffer.byteLength(record))
        expect(existsSync(join(versions, 'audit.torn'))).toBe(true);
    }
  });
});

describe('temporary copies left by a killed apply', () => {
  it('are removed at the next open', () => {
    const dir = join(tmp.dir, 'temps');
    const { log, data } = logWithTwoVersions(dir);
    writeFileSync(`${data}.424242.tmp`, 'half a file');
    writeFileSync(join(dir, 'other.json.1.tmp'), 'not ours');
    log.recover();
    expect(existsSync(`${data}.424242.tmp`)).toBe(false);
    expect(existsSync(join(dir, 'other.json.1.tmp'))).toBe(true);
  });
});
