/**
 * The command-line tools say why they stop, in one Vietnamese line, and exit non-zero (issue 22):
 * a file that is not there, a database that does not answer (a closed port on 127.0.0.1), a bad
 * setting; never a stack trace, never the password.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { freePort } from '../support/postgres.js';

function data(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/transport/cli/data.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |Error: /);

describe('command-line failures', () => {
  it('a missing file', () => {
    const r = data(['apply', '/khong/co/tep.csv']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('không có tệp /khong/co/tep.csv');
    noStack(r.stderr);
  });

  it('a database that does not answer: named without its password', async () => {
    const port = await freePort();
    const url = `postgres://solieu:mat-khau-bi-mat@127.0.0.1:${port}/solieu`;
    const r = data(['versions'], { DATABASE_URL: url });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`không kết nối được cơ sở dữ liệu 127.0.0.1:${port}/solieu`);
    expect(r.stderr).not.toContain('mat-khau-bi-mat');
    noStack(r.stderr);
  });

  it('a bad setting', () => {
    const r = data(['versions'], { PUSH_RATE: '-3' });
    expect(r.status).toBe(2);
    noStack(r.stderr);
  });
});
