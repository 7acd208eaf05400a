/**
 * Uploads refuse what they cannot read for sure (the audit's findings, each reproduced): an
 * ambiguous separator, a percent in a value column, formulas, error cells, hex, absurd sizes,
 * impossible or future dates, non-http links, control characters, a month 13, a zip that
 * fails its CRC, rows counted by what the parser yields, nesting bombs. Each leaves the store
 * byte-identical; the good files beside them still apply.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataManager, previewText } from '../src/admin/data-manager.js';
import { checkUpload, uploadSource } from '../src/admin/upload.js';
import { COLUMNS } from '../src/admin/validate.js';
import { FactStore } from '../src/store/fact-store.js';
import { SEED_FACTS, tempDir } from './helpers.js';

let dir: string, cleanup: () => void, factsPath: string, data: DataManager;
const source = uploadSource('Lan', 'test');

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('solieu-strict-'));
  factsPath = join(dir, 'facts.json');
  copyFileSync(SEED_FACTS, factsPath);
  data = await DataManager.open(await FactStore.open(factsPath), factsPath, join(dir, 'state'));
});
afterEach(() => cleanup());

const header = COLUMNS.join(',');
const row = (over: Partial<Record<(typeof COLUMNS)[number], string>> = {}) => {
  const base: Record<string, string> = {
    place: 'kien-giang',
    indicator: 'export',
    period: 'T5/2020',
    value: '"51,2"',
    unit: 'triệu USD',
    yoy_pct: '"17,16"',
    kind: 'actual',
    source_publisher: 'Sở Công Thương tỉnh Kiên Giang',
    source_title: 'Báo cáo tháng 5',
    source_date: '2020-06-04',
  };
  return COLUMNS.map((c) => over[c] ?? base[c] ?? '').join(',');
};
const csv = (...lines: string[]) => Buffer.from([header, ...lines].join('\n'), 'utf8');

async function xlsx(cells: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('du_lieu');
  ws.addRow([...COLUMNS]);
  for (const r of cells) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const xlsxRow = (value: ExcelJS.CellValue) => [
  ...['kien-giang', 'export', 'T5/2020', value, 'triệu USD', null, 17.16, null, 'không', null],
  ...[null, 'actual', 'Sở Công Thương tỉnh Kiên Giang', 'Báo cáo tháng 5', '2020-06-04'],
];

/** A workbook stored without compression, one digit of its sheet flipped: only the CRC knows. */
async function flippedXlsx(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await xlsx([xlsxRow(6712.5)]));
  const files: Record<string, Buffer> = {};
  for (const name of Object.keys(zip.files))
    if (!zip.files[name]!.dir) files[name] = await zip.files[name]!.async('nodebuffer');
  const out = new JSZip();
  for (const [name, buf] of Object.entries(files)) out.file(name, buf);
  const stored = await out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const at = stored.indexOf('6712.5');
  expect(at).toBeGreaterThan(0);
  stored[at] = '9'.charCodeAt(0);
  return stored;
}

/** A workbook whose value cell is a number cell holding `text` as Excel never writes it. */
async function rawNumberCell(text: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await xlsx([xlsxRow(6712.5)]));
  const name = Object.keys(zip.files).find((n) => n.startsWith('xl/worksheets/sheet'))!;
  const sheet = await zip.file(name)!.async('string');
  zip.file(name, sheet.replace('<v>6712.5</v>', `<v>${text}</v>`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

const jsonl = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const publicLine = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    place: 'an-giang',
    indicator: 'export',
    period: { type: 'month', year: 2019, month: 4 },
    kind: 'actual',
    value: 72.61,
    unit: 'triệu USD',
    mom_pct: null,
    yoy_pct: 2.61,
    plan_pct: null,
    estimate: false,
    approx: null,
    scope: null,
    source: { publisher: 'Báo An Giang', title: 'Xuất khẩu tháng 4', date: '2019-05', url: null },
    ...over,
  });

type Case = [string, () => Promise<[Buffer, string]> | [Buffer, string], RegExp];
const cases: Case[] = [
  [
    '"1.234": a thousand or one and a bit',
    () => [csv(row({ value: '1.234' })), 'a.csv'],
    /đọc được hai cách/,
  ],
  ['"1,234" likewise', () => [csv(row({ value: '"1,234"' })), 'a.csv'], /đọc được hai cách/],
  [
    'a percent in the value column',
    () => [csv(row({ value: '"51,2%"' })), 'a.csv'],
    /không ghi dấu %/,
  ],
  ['hexadecimal', () => [csv(row({ value: '0x33' })), 'a.csv'], /không phải số thập phân/],
  [
    'an exponent written as text',
    () => [csv(row({ value: '1e308' })), 'a.csv'],
    /không phải số thập phân/,
  ],
  [
    'an absurd size in a number cell',
    async () => [await xlsx([xlsxRow(1e308)]), 'a.xlsx'],
    /vượt xa/,
  ],
  [
    'a formula with its cached value',
    async () => [await xlsx([xlsxRow({ formula: 'B1*2', result: 51.2 })]), 'a.xlsx'],
    /công thức/,
  ],
  [
    'a formula without a cached value',
    async () => [await xlsx([xlsxRow({ formula: 'B1*2' } as ExcelJS.CellValue)]), 'a.xlsx'],
    /công thức/,
  ],
  [
    'an error cell (#DIV/0!)',
    async () => [await xlsx([xlsxRow({ error: '#DIV/0!' } as ExcelJS.CellValue)]), 'a.xlsx'],
    /ô báo lỗi/,
  ],
  [
    'a source date that does not exist',
    () => [csv(row({ source_date: '2020-13-45' })), 'a.csv'],
    /không có thật/,
  ],
  [
    'a source date in the future',
    () => [csv(row({ source_date: '2099-12-31' })), 'a.csv'],
    /tương lai/,
  ],
  ['a javascript: link', () => [csv(row({ source_url: 'javascript:alert(1)' })), 'a.csv'], /http/],
  [
    'a NUL in the publisher',
    () => [csv(row({ source_publisher: 'Sở\u0000Công Thương' })), 'a.csv'],
    /ký tự điều khiển/,
  ],
  [
    'an ESC in the publisher',
    () => [csv(row({ source_publisher: 'Sở\u001b[31m' })), 'a.csv'],
    /ký tự điều khiển/,
  ],
  [
    'a right-to-left override in the title',
    () => [csv(row({ source_title: 'Báo cáo \u202e5' })), 'a.csv'],
    /ký tự điều khiển/,
  ],
  ['month 13', () => [csv(row({ period: 'T13/2020' })), 'a.csv'], /không có tháng 13/],
  ['quarter 5', () => [csv(row({ period: 'quý 5/2020' })), 'a.csv'], /không có quý 5/],
  [
    '13 months from January',
    () => [csv(row({ period: '13T/2020' })), 'a.csv'],
    /không có 13 tháng/,
  ],
  ['a zip entry that fails its CRC', async () => [await flippedXlsx(), 'a.xlsx'], /CRC/],
  [
    'a character reference beyond U+10FFFF',
    async () => {
      const zip = await JSZip.loadAsync(await xlsx([xlsxRow(51.2)]));
      const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
      zip.file('xl/sharedStrings.xml', shared.replace('Báo cáo tháng 5', '&#x110000;'));
      return [await zip.generateAsync({ type: 'nodebuffer' }), 'a.xlsx'];
    },
    /U\+10FFFF/,
  ],
  [
    'more rows than the limit, ended by \\r',
    () => [Buffer.from(`${header}\r${'x\r'.repeat(1_000_001)}`), 'a.csv'],
    /vượt giới hạn 1\.000\.000 dòng/,
  ],
  [
    'JSON nested 100,000 deep',
    () => [Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'a.json'],
    /lồng nhau/,
  ],
  [
    'a CSV separated by semicolons',
    () => [Buffer.from(`${COLUMNS.join(';')}\n${row().replaceAll(',', ';')}`), 'a.csv'],
    /dấu phân cách ";"/,
  ],
  [
    'a CSV separated by tabs, every row as wide as its header',
    () => [
      Buffer.from(`place\tindicator\tperiod\tvalue\nkien-giang\texport\tT3/2023\t51\n`),
      'a.csv',
    ],
    /dấu phân cách "tab"/,
  ],
  [
    'a CSV separated by bars',
    () => [Buffer.from(`place|indicator|period|value\nkien-giang|export|T3/2023|51\n`), 'a.csv'],
    /dấu phân cách "\|"/,
  ],
  ['a CSV quote left open', () => [csv(row({ source_title: '"Báo cáo' })), 'a.csv'], /ngoặc kép/],
  ...(['0x33', '0X1F', '0b110011', '0o63'] as const).map(
    (v): Case => [
      `an XLSX number cell written ${v}`,
      async () => [await rawNumberCell(v), 'a.xlsx'],
      /không phải số thập phân/,
    ],
  ),
  [
    'binary written as text',
    () => [csv(row({ value: '0b110011' })), 'a.csv'],
    /không phải số thập phân/,
  ],
  [
    'a CSV with two value columns',
    () => [Buffer.from(`${header},value\n${row()},5120`, 'utf8'), 'a.csv'],
    /cột "value" có hai lần/,
  ],
  [
    'an XLSX with two value columns',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('du_lieu');
      ws.addRow([...COLUMNS, 'value']);
      ws.addRow([...xlsxRow(51.2), 5120]);
      return [Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx'];
    },
    /cột "value" có hai lần/,
  ],
  [
    'a JSON record with a key written twice',
    () => [
      Buffer.from(`[${publicLine().replace('"value":72.61', '"value":72.61,"value":7261')}]`),
      'a.json',
    ],
    /khóa "value" có hai lần/,
  ],
  [
    'a JSON Lines record with a key written twice',
    () => [
      jsonl(publicLine(), publicLine().replace('"value":72.61', '"value":51.2,"value":5120')),
      'a.jsonl',
    ],
    /Dòng 2: khóa "value" có hai lần/,
  ],
  [
    'a result for a period still to come (T5/2099)',
    () => [csv(row({ place: 'ha-noi', period: 'T5/2099' })), 'a.csv'],
    /kỳ này chưa tới/,
  ],
  [
    'a JSON Lines file with a broken line',
    () => [jsonl(publicLine(), publicLine({ value: 80 }), '{"place": '), 'a.jsonl'],
    /Dòng 3: không phải một bản ghi JSON/,
  ],
  [
    'a JSON Lines record with a field the store does not know',
    () => [jsonl(publicLine({ colour: 'red' })), 'a.jsonl'],
    /Dòng 1, cột \(dòng\)|colour/,
  ],
  [
    'a JSON Lines record of a merged province after the merger',
    () => [
      jsonl(publicLine({ place: 'kien-giang', period: { type: 'month', year: 2025, month: 9 } })),
      'a.jsonl',
    ],
    /đã sáp nhập/,
  ],
  [
    'a JSON Lines record with a level for IIP',
    () => [jsonl(publicLine({ indicator: 'iip', unit: '%', value: 5 })), 'a.jsonl'],
    /tốc độ tăng/,
  ],
];

describe('uploads refuse what they cannot read for sure, the store untouched', () => {
  it('covers the audit findings', () => expect(cases.length).toBeGreaterThanOrEqual(25));

  it.each(cases)('%s', async (_name, make, reason) => {
    const before = readFileSync(factsPath);
    const [buf, name] = await make();
    const r = await checkUpload(buf, name, source);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message, r.message).toMatch(reason);
      // in Vietnamese, never the parser's or zod's own English
      expect(r.message).not.toMatch(/Invalid|expected|Record Length|Unexpected/);
    }
    expect(readFileSync(factsPath).equals(before)).toBe(true);
    expect(data.versions()).toHaveLength(1);
  });
});

describe('the month under way', () => {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const current = `T${now.getUTCMonth() + 1}/${now.getUTCFullYear()}`;
  it('takes an estimate for it, refuses a final figure', async () => {
    const estimate = await checkUpload(
      csv(row({ place: 'ha-noi', period: current, estimate: 'có' })),
      'a.csv',
      source,
    );
    expect(estimate.ok).toBe(true);
    const final = await checkUpload(
      csv(row({ place: 'ha-noi', period: current })),
      'a.csv',
      source,
    );
    expect(!final.ok && final.message).toMatch(/tháng này chưa hết/);
  });
});

describe('good files beside them still apply', () => {
  it.each([
    [
      'a CSV with Vietnamese decimals',
      () => csv(row(), row({ period: 'T6/2020', value: '"3.611,46"' })),
      'a.csv',
    ],
    [
      'a CSV with English decimals',
      () => csv(row({ value: '51.25' }), row({ period: 'T6/2020', value: '1234.5' })),
      'a.csv',
    ],
    [
      'a JSON Lines file in the public format',
      () =>
        jsonl(publicLine(), '', publicLine({ period: { type: 'month', year: 2019, month: 5 } })),
      'a.jsonl',
    ],
  ] as const)('%s', async (_name, make, file) => {
    const r = await checkUpload(make(), file, source);
    expect(r.ok ? 'ok' : r.message).toBe('ok');
    if (r.ok) await data.apply(data.preview(r.facts), 'Lan', file);
    expect(data.versions()).toHaveLength(2);
  });

  it('a thousands separator is read by the column it is in', async () => {
    const r = await checkUpload(
      csv(row({ value: '"1.234,5"' }), row({ period: 'T6/2020', value: '1.234' })),
      'a.csv',
      source,
    );
    expect(r.ok && r.facts.map((f) => f.value)).toEqual([1234.5, 1234]);
  });
});

describe('a new source for a figure the store holds', () => {
  it('is shown side by side with what the store answers now, and both are kept', async () => {
    const r = await checkUpload(
      csv(
        row({
          period: 'T4/2020',
          value: '"44,1"',
          source_publisher: 'Cục Hải quan',
          source_date: '2020-05-20',
        }),
      ),
      'a.csv',
      source,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const preview = data.preview(r.facts);
    expect(preview.added).toHaveLength(1);
    const text = previewText(preview);
    expect(text).toContain('Khác với số đang có (1');
    expect(text).toContain(
      'đang có 43,7 (Sở Công Thương tỉnh Kiên Giang) | mới 44,1 (Cục Hải quan)',
    );
  });
});
