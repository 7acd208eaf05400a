/**
 * `npm run extract -- --json` as a real child process on every way in (issue 26): a Word file and
 * a PDF that the test writes, each with a sentence and a table, and a page served from
 * 127.0.0.1; and the inputs it must refuse, each with a message on stderr and exit status 1.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { tempDir } from '../helpers.js';
import { tableCorpus } from '../corpus/table-corpus.js';
import { tableDocx, tablePdf } from '../support/table-files.js';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function extract(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/transport/cli/extract.ts', '--json', ...args],
      { cwd: PROJECT_ROOT },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const figures = (r: Run) =>
  r.out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

const tmp = tempDir('solieu-extract-cli-');
const corpus = tableCorpus();
const retailDocx = corpus.find((t) => t.name.startsWith('retail') && t.format === 'docx')!;
const tradePdf = corpus.find((t) => t.name.startsWith('trade') && t.format === 'pdf')!;
let server: Server;
let base = '';

const PAGE = `<html><head><title>Thương mại tháng 9/2024</title></head><body><article>
<h1>Tình hình thương mại tháng 9 năm 2024 của tỉnh Khánh Hòa</h1>
<p>Tháng 9/2024, kim ngạch xuất khẩu của tỉnh Khánh Hòa ước đạt 161,2 triệu USD, tăng 8,4% so với cùng kỳ năm trước. Đây là tháng có kim ngạch cao nhất từ đầu năm nhờ các mặt hàng thủy sản.</p>
<p>Đơn vị tính: Tỷ đồng</p>
<table><tr><th>Chỉ tiêu</th><th>Tháng 9/2024</th><th>9 tháng năm 2024</th></tr>
<tr><td>Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng</td><td>9.120,5</td><td>78.403,2</td></tr></table>
</article></body></html>`;

beforeAll(async () => {
  writeFileSync(join(tmp.dir, 'bao-cao.docx'), await tableDocx(retailDocx));
  writeFileSync(join(tmp.dir, 'bao-cao.pdf'), await tablePdf(tradePdf));
  writeFileSync(join(tmp.dir, 'nhi-phan.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 10, 0, 65]));
  writeFileSync(join(tmp.dir, 'anh.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => {
  server.close();
  tmp.cleanup();
});

describe('npm run extract -- --json, every way in', () => {
  it('a Word file: its prose and its table', async () => {
    const r = await extract(join(tmp.dir, 'bao-cao.docx'));
    expect(r.code).toBe(0);
    const found = figures(r);
    for (const g of retailDocx.gold)
      expect(found).toContainEqual(
        expect.objectContaining({ indicator: g.indicator, period: g.period, value: g.value }),
      );
    expect(found.every((f) => f.file.endsWith('bao-cao.docx'))).toBe(true);
  }, 30_000);

  it('a PDF with a text layer: its table, columns rebuilt from positions', async () => {
    const r = await extract(join(tmp.dir, 'bao-cao.pdf'));
    expect(r.code).toBe(0);
    const found = figures(r);
    for (const g of tradePdf.gold)
      expect(found).toContainEqual(
        expect.objectContaining({
          indicator: g.indicator,
          period: g.period,
          value: g.value,
          plan_pct: g.plan_pct ?? null,
        }),
      );
  }, 30_000);

  it('a link: the prose and the table of the page', async () => {
    const r = await extract(`${base}/bai-viet`);
    expect(r.code).toBe(0);
    const found = figures(r);
    expect(found).toContainEqual(
      expect.objectContaining({
        place: 'khanh-hoa',
        indicator: 'export',
        value: 161.2,
        yoy_pct: 8.4,
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        indicator: 'retail',
        period: { type: 'ytd', year: 2024, month: 9 },
        value: 78403.2,
      }),
    );
  }, 30_000);

  it.each([
    ['a binary file with a text name', 'nhi-phan.txt', 'nhị phân'],
    ['a file of a type it cannot read', 'anh.jpg', 'Không đọc được loại tệp'],
    ['a file that does not exist', 'khong-co.txt', 'Không có tệp'],
  ])(
    '%s is refused with a message and exit 1',
    async (_what, name, said) => {
      const r = await extract(join(tmp.dir, name));
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain(said);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    },
    30_000,
  );

  it('one unreadable file among good ones: the good ones are read, the exit is 1', async () => {
    const r = await extract(join(tmp.dir, 'anh.jpg'), join(tmp.dir, 'bao-cao.docx'));
    expect(r.code).toBe(1);
    expect(figures(r).length).toBeGreaterThan(0);
  }, 30_000);
});
