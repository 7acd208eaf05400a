/**
 * Admin uploads on real files in temp folders: every bad upload is refused with its reason
 * and leaves the data file byte-identical; good ones preview, apply atomically, version,
 * restore and audit; two admins at once never mix.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataManager, StaleUploadError, previewText } from '../src/admin/data-manager.js';
import { neutralise, template, toCsv, toXlsx } from '../src/admin/export.js';
import { LIMITS } from '../src/admin/read-upload.js';
import { checkUpload, uploadSource } from '../src/admin/upload.js';
import { COLUMNS } from '../src/admin/validate.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { FactStore, factsOfText } from '../src/store/fact-store.js';
import { tempDir } from './helpers.js';

let dir: string, cleanup: () => void, factsPath: string, store: FactStore, data: DataManager;
const source = uploadSource('Lan', 'test');

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('solieu-upload-'));
  factsPath = join(dir, 'facts.json');
  copyFileSync(BUNDLED_FACTS, factsPath);
  store = await FactStore.open(factsPath);
  data = await DataManager.open(store, factsPath, join(dir, 'state'));
});
afterEach(() => cleanup());

const header = COLUMNS.join(',');
const good =
  'kien-giang,export,T5/2020,"51,2",triệu USD,"17,16",,,có,,,actual,Sở Công Thương tỉnh Kiên Giang,Báo cáo tháng 5,2020-06-04';
const csv = (...lines: string[]) => Buffer.from([header, ...lines].join('\n'), 'utf8');

async function xlsx(rows: unknown[][], sheet = 'du_lieu'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...COLUMNS]);
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bad uploads are refused with their reason, the data untouched', () => {
  const cases: [string, () => Promise<[Buffer, string]> | [Buffer, string], RegExp][] = [
    [
      'unknown place, with a did-you-mean',
      () => [csv(good.replace('kien-giang', 'kien-gian')), 'a.csv'],
      /Dòng 2, cột place: địa phương không có: "kien-gian" \(có phải kien-giang\?\)/,
    ],
    [
      'unknown indicator',
      () => [csv(good.replace(',export,', ',exprt,')), 'a.csv'],
      /cột indicator: chỉ tiêu không có: "exprt" \(có phải export\?\)/,
    ],
    [
      'a period it cannot read',
      () => [csv(good.replace('T5/2020', 'hôm qua')), 'a.csv'],
      /cột period: không hiểu kỳ/,
    ],
    [
      'a period without a year',
      () => [csv(good.replace('T5/2020', 'T5')), 'a.csv'],
      /cột period: kỳ "T5" thiếu năm/,
    ],
    [
      'month 13',
      () => [csv(good.replace('T5/2020', '2020-M13')), 'a.csv'],
      /cột period: kỳ .*(không hợp lệ|không có thật)/,
    ],
    [
      'a value that is not a number',
      () => [csv(good.replace('"51,2"', 'năm mươi')), 'a.csv'],
      /cột value: "năm mươi" không phải số/,
    ],
    [
      'a percentage that is not a number',
      () => [csv(good.replace('"17,16"', 'nhiều')), 'a.csv'],
      /cột mom_pct/,
    ],
    [
      'the wrong unit',
      () => [csv(good.replace('triệu USD', 'tỷ USD')), 'a.csv'],
      /cột unit: đơn vị của export phải là "triệu USD"/,
    ],
    ['a duplicate key', () => [csv(good, good), 'a.csv'], /Dòng 3, cột \(khóa\): trùng với dòng 2/],
    [
      'a merged province after the merger',
      () => [csv(good.replace('T5/2020', 'T5/2026')), 'a.csv'],
      /Kiên Giang đã sáp nhập/,
    ],
    [
      'a level for a growth-only indicator',
      () => [csv(good.replace(',export,', ',iip,').replace('triệu USD', '%')), 'a.csv'],
      /chỉ công bố tốc độ tăng/,
    ],
    ['a negative level', () => [csv(good.replace('"51,2"', '-5')), 'a.csv'], /giá trị âm/],
    ['a bad estimate flag', () => [csv(good.replace(',có,', ',có lẽ,')), 'a.csv'], /cột estimate/],
    [
      'a bad approximation word',
      () => [csv(good.replace(',có,,', ',có,tầm,')), 'a.csv'],
      /cột approx/,
    ],
    [
      'a bad source date',
      () => [csv(good.replace('2020-06-04', '4/6/2020')), 'a.csv'],
      /source.date: ngày nguồn phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD/,
    ],
    [
      'a missing place',
      () => [csv(good.replace('kien-giang', '')), 'a.csv'],
      /thiếu mã địa phương/,
    ],
    ['an empty file', () => [Buffer.alloc(0), 'a.csv'], /Tệp rỗng/],
    ['a header without rows', () => [csv(), 'a.csv'], /không có dòng dữ liệu/],
    [
      'a CSV that is not UTF-8',
      () => [Buffer.from(`${header}\n${good}`, 'latin1'), 'a.csv'],
      /không phải mã UTF-8/,
    ],
    [
      'a CSV with a broken row',
      () => [csv('kien-giang,export,"T5/2020'), 'a.csv'],
      /CSV không đọc được/,
    ],
    ['JSON that does not parse', () => [Buffer.from('[{"place": '), 'a.json'], /JSON không hợp lệ/],
    [
      'JSON that is not a list',
      () => [Buffer.from('{"place":"kien-giang"}'), 'a.json'],
      /phải là một mảng/,
    ],
    [
      'a JSON record that is not an object',
      () => [Buffer.from('[42]'), 'a.json'],
      /không phải một đối tượng/,
    ],
    [
      'a file type it does not take',
      () => [Buffer.from('hello'), 'baocao.pdf'],
      /Chỉ nhận tệp .xlsx, .csv, .json hoặc .jsonl/,
    ],
    [
      'a file over 20 MB',
      () => [Buffer.alloc(LIMITS.fileBytes + 1, 32), 'a.csv'],
      /vượt giới hạn 20 MB/,
    ],
    [
      'a corrupt .xlsx',
      () => [Buffer.from('PK\u0003\u0004 not really a zip'), 'a.xlsx'],
      /\.xlsx bị hỏng|không phải tệp Excel/,
    ],
    [
      'an .xlsx that would inflate past the bound',
      async () => {
        const zip = new JSZip();
        zip.file('xl/worksheets/sheet1.xml', '0'.repeat(LIMITS.inflatedBytes + 1024));
        return [
          await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
          'bomb.xlsx',
        ];
      },
      /khi giải nén vượt quá/,
    ],
    [
      'an .xlsx with an error in row 3',
      async () => [
        await xlsx([good.split(','), ['hai-phong', 'retail', 'T5/2020', 'abc']]),
        'a.xlsx',
      ],
      /Dòng 3, cột value: "abc" không phải số/,
    ],
  ];

  it('covers at least 20 kinds', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases)(
    '%s',
    async (_name, make, reason) => {
      const before = readFileSync(factsPath);
      const [buf, name] = await make();
      const r = await checkUpload(buf, name, source);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(reason);
      expect(readFileSync(factsPath).equals(before)).toBe(true);
      expect(data.versions()).toHaveLength(1);
    },
    60_000,
  );

  it('reports its progress while checking a long upload', async () => {
    const shares: number[] = [];
    // one figure revised daily by two publishers: 25,000 distinct rows
    const lines = Array.from({ length: 25_000 }, (_, i) =>
      good
        .replace(
          '2020-06-04',
          new Date(Date.UTC(1990, 0, 1) + (i >> 1) * 86_400_000).toISOString().slice(0, 10),
        )
        .replace('Sở Công Thương tỉnh Kiên Giang', i % 2 ? 'Cục Thống kê' : 'Sở Công Thương'),
    );
    const r = await checkUpload(csv(...lines), 'big.csv', source, (s) => shares.push(s));
    expect(r.ok).toBe(true);
    expect(shares.length).toBeGreaterThanOrEqual(3);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.at(-1)).toBe(1);
  });

  it('lists the first 20 errors, then a count', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => good.replace('T5/2020', `kỳ lạ ${i}`));
    const r = await checkUpload(csv(...lines), 'a.csv', source);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.match(/^• /gm)).toHaveLength(20);
      expect(r.message).toContain('… và 10 lỗi khác.');
    }
  });

  it('refuses more rows than the limit', async () => {
    const saved = LIMITS.rows;
    LIMITS.rows = 5;
    try {
      const r = await checkUpload(
        csv(
          ...Array.from({ length: 6 }, (_, i) => good.replace('2020-06-04', `2020-06-0${i + 1}`)),
        ),
        'a.csv',
        source,
      );
      expect(r.ok === false && /vượt giới hạn/.test(r.message)).toBe(true);
    } finally {
      LIMITS.rows = saved;
    }
  });
});

describe('a good upload', () => {
  it('previews new / changed / unchanged, applies atomically, versions, restores and audits', async () => {
    const before = readFileSync(factsPath, 'utf8');
    const changedRow =
      'kien-giang,export,T4/2020,"44,1",triệu USD,"-36,1",,,có,,,actual,Sở Công Thương tỉnh Kiên Giang,Tình hình thực hiện nhiệm vụ tháng 4 năm 2020,2020-05-04';
    const sameRow =
      'kien-giang,import,T4/2020,"18,5",triệu USD,"8,89",,,có,,,actual,Sở Công Thương tỉnh Kiên Giang,Tình hình thực hiện nhiệm vụ tháng 4 năm 2020,2020-05-04';
    const r = await checkUpload(
      await xlsxFromCsv([good, changedRow, sameRow]),
      'thang5.xlsx',
      source,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = data.preview(r.facts);
    expect([p.added.length, p.changed.length, p.unchanged]).toEqual([1, 1, 1]);
    expect(previewText(p)).toContain('1 mới, 1 thay đổi, 1 không đổi');
    expect(previewText(p)).toContain('43,7 → 44,1');
    const v = await data.apply(p, 'Lan', 'thang5.xlsx');
    expect(v).toMatchObject({
      n: 2,
      who: 'Lan',
      file: 'thang5.xlsx',
      added: 1,
      changed: 1,
      unchanged: 1,
    });
    const reopened = await FactStore.open(factsPath);
    expect(
      reopened.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 5 })?.value,
    ).toBe(51.2);
    expect(
      reopened.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 4 })?.value,
    ).toBe(44.1);
    expect(readFileSync(join(dir, 'state', 'versions', 'audit.jsonl'), 'utf8')).toContain(
      '"who":"Lan"',
    );
    await data.restorePrevious('Minh');
    expect(readFileSync(factsPath, 'utf8')).toBe(before);
    expect(data.versions().map((x) => x.action)).toEqual(['initial', 'apply', 'restore']);
  });

  it('flags an implausible jump in the preview, without changing it', async () => {
    const r = await checkUpload(
      csv(
        'kien-giang,export,T5/2020,"51200",triệu USD,,,,có,,,actual,Sở X,Báo cáo tháng 5,2020-06-04',
      ),
      'a.csv',
      source,
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(previewText(data.preview(r.facts))).toMatch(/Cần kiểm tra.*\n.*sai đơn vị/);
  });

  it('two admins applying at once: one wins, the other is told to preview again, nothing mixes', async () => {
    const a = await checkUpload(csv(good), 'a.csv', source);
    const b = await checkUpload(
      csv(good.replace('"51,2"', '"60"').replace('2020-06-04', '2020-06-05')),
      'b.csv',
      source,
    );
    if (!a.ok || !b.ok) throw new Error('uploads should be valid');
    const pa = data.preview(a.facts),
      pb = data.preview(b.facts);
    const results = await Promise.allSettled([
      data.apply(pa, 'An', 'a.csv'),
      data.apply(pb, 'Bình', 'b.csv'),
    ]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1].status === 'rejected' && results[1].reason instanceof StaleUploadError).toBe(
      true,
    );
    const after = await FactStore.open(factsPath);
    expect(after.index.facts.length).toBe(store.index.facts.length);
    expect(
      after.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 5 })?.value,
    ).toBe(51.2);
  });

  it('a process that read the data before another committed still keeps that commit', async () => {
    // the second process read the file, then the first committed, then the second took the lock
    const staleStore = await FactStore.open(factsPath);
    const first = await checkUpload(csv(good), 'a.csv', source);
    if (!first.ok) throw new Error('upload should be valid');
    await data.apply(data.preview(first.facts), 'An', 'a.csv');
    const second = await DataManager.open(staleStore, factsPath, join(dir, 'state'));
    const other = await checkUpload(
      csv(good.replace('T5/2020', 'T6/2020').replace('2020-06-04', '2020-07-04')),
      'b.csv',
      source,
    );
    if (!other.ok) throw new Error('upload should be valid');
    await second.apply(second.preview(other.facts), 'Bình', 'b.csv');
    const after = await FactStore.open(factsPath);
    const may = { type: 'month', year: 2020, month: 5 } as const;
    expect(after.index.get('kien-giang', 'export', may)?.value).toBe(51.2);
    expect(after.index.get('kien-giang', 'export', { ...may, month: 6 })?.value).toBe(51.2);
    expect(second.versions().map((v) => v.action)).toEqual(['initial', 'apply', 'apply']);
  });

  it('accepts the store JSON shape and the template', async () => {
    const json = Buffer.from(
      JSON.stringify({ schema: 1, facts: factsOfText(readFileSync(BUNDLED_FACTS, 'utf8')) }),
    );
    const r = await checkUpload(json, 'facts.json', source);
    expect(r.ok && data.preview(r.facts).unchanged).toBe(store.index.facts.length);
    const t = await checkUpload(await template(), 'mau.xlsx', source);
    expect(t.ok && t.facts.length).toBe(3);
  });
});

describe('export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('+1+1')).toBe(`'+1+1`);
    expect(neutralise('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutralise('-36.65')).toBe('-36.65');
    expect(neutralise(-36.65)).toBe(-36.65);
  });
  it('round-trips through CSV and XLSX', async () => {
    for (const [buf, name] of [
      [toCsv(store.index.facts), 'x.csv'],
      [await toXlsx(store.index.facts), 'x.xlsx'],
    ] as const) {
      const r = await checkUpload(buf, name, source);
      expect(r.ok && data.preview(r.facts).unchanged).toBe(store.index.facts.length);
    }
  });
});

async function xlsxFromCsv(lines: string[]): Promise<Buffer> {
  const { parse } = await import('csv-parse/sync');
  return xlsx(parse(lines.join('\n')) as string[][]);
}
