/** The `npm run ask` contract of ../shared/ASK.md, run as a real child process. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

const run = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/transport/cli/ask.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });

describe('npm run ask', () => {
  it('prints the plain reply', () => {
    const out = run('xuất khẩu tháng 4 Kiên Giang');
    expect(out).toContain('43,7 triệu USD');
    expect(out).not.toMatch(/<\/?b>/);
  });
  it('prints one JSON object per turn with the contract fields', () => {
    const lines = run('--json', 'xuất khẩu Kiên Giang tháng 4 năm 2020', 'còn nhập khẩu thì sao?')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    const last = JSON.parse(lines[1]!);
    expect(Object.keys(last)).toEqual(['text', 'intent', 'places', 'indicator', 'period', 'reply']);
    expect(last).toMatchObject({
      text: 'còn nhập khẩu thì sao?',
      intent: 'lookup',
      places: ['kien-giang'],
      indicator: 'import',
      period: { type: 'month', year: 2020, month: 4 },
    });
    expect(last.reply).toContain('18,5');
  });
  it('exits 0 on "no data" and on nonsense', () => {
    expect(() => run('--json', 'xuất khẩu Bạc Liêu 2020', '???')).not.toThrow();
  });
});
