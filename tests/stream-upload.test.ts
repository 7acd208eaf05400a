/**
 * Files read as streams by `npm run data -- import`: the same checks as a chat upload, row by
 * row, with the line of each fault, on real files in a temp folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStreamedUpload, streamKindOf } from '../src/admin/stream-upload.js';
import { uploadSource } from '../src/admin/upload.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('solieu-stream-');
afterAll(() => tmp.cleanup());
const source = uploadSource('test', 'x');

function file(name: string, body: string | Buffer): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, body);
  return path;
}

const row = (place: string, month: number, value: number | string) =>
  JSON.stringify({
    place,
    indicator: 'export',
    period: `T${month}/2023`,
    value,
    unit: 'triệu USD',
    source_publisher: 'Sở Công Thương',
    source_date: `2023-${String(month).padStart(2, '0')}-28`,
  });

describe('streamed uploads', () => {
  it('reads JSON Lines and CSV as streams, other kinds whole', () => {
    expect(streamKindOf('a.JSONL')).toBe('jsonl');
    expect(streamKindOf('b.csv')).toBe('csv');
    expect(streamKindOf('c.xlsx')).toBeNull();
    expect(streamKindOf('d.json')).toBeNull();
  });

  it('keeps the facts of a good JSON Lines file, blank lines and a BOM allowed', async () => {
    const body = `\uFEFF${row('kien-giang', 3, 51.2)}\n\n${row('kien-giang', 4, 60.5)}\r\n`;
    const checked = await checkStreamedUpload(file('good.jsonl', body), 'jsonl', source);
    expect(checked.ok && checked.facts.map((f) => f.value)).toEqual([51.2, 60.5]);
  });

  it('names the line of a bad row, counting blank lines', async () => {
    const body = `${row('kien-giang', 3, 51.2)}\n\n${row('kien-giang', 4, 'năm mươi')}\n`;
    const checked = await checkStreamedUpload(file('bad.jsonl', body), 'jsonl', source);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toMatch(/Dòng 3, cột value/);
  });

  it('refuses broken JSON, a key written twice and bytes that are not UTF-8', async () => {
    const broken = await checkStreamedUpload(
      file('broken.jsonl', `${row('kien-giang', 3, 1)}\n{"place": \n`),
      'jsonl',
      source,
    );
    expect(!broken.ok && broken.message).toMatch(/dòng 2/i);
    const twice = await checkStreamedUpload(
      file('twice.jsonl', '{"place":"kien-giang","place":"ha-noi"}\n'),
      'jsonl',
      source,
    );
    expect(!twice.ok && twice.message).toMatch(/place/);
    const latin = Buffer.concat([Buffer.from(`${row('kien-giang', 3, 1)}\n`), Buffer.from([0xff])]);
    const notUtf8 = await checkStreamedUpload(file('latin.jsonl', latin), 'jsonl', source);
    expect(!notUtf8.ok && notUtf8.message).toMatch(/UTF-8/);
  });

  it('reads a CSV with Vietnamese decimals the whole column agrees on', async () => {
    const csv =
      'place,indicator,period,value,unit,source_publisher,source_date\n' +
      'kien-giang,export,T3/2023,"51,2",triệu USD,Sở Công Thương,2023-03-28\n' +
      'kien-giang,export,T4/2023,"1.234,5",triệu USD,Sở Công Thương,2023-04-28\n';
    const checked = await checkStreamedUpload(file('vi.csv', csv), 'csv', source);
    expect(checked.ok && checked.facts.map((f) => f.value)).toEqual([51.2, 1234.5]);
  });

  it('refuses a CSV with a column twice, a broken quote, another delimiter, or no rows', async () => {
    const twice = await checkStreamedUpload(
      file('twice.csv', 'place,value,value\nkien-giang,1,2\n'),
      'csv',
      source,
    );
    expect(!twice.ok && twice.message).toMatch(/value/);
    const quote = await checkStreamedUpload(
      file('quote.csv', 'place,indicator,period,value\n"kien-giang,export,T3/2023,1\n'),
      'csv',
      source,
    );
    expect(quote.ok).toBe(false);
    const semicolons = await checkStreamedUpload(
      file('semi.csv', 'place;indicator;period\nkien-giang;export;T3/2023\n'),
      'csv',
      source,
    );
    expect(!semicolons.ok && semicolons.message).toMatch(/dấu phân cách ";"/);
    const empty = await checkStreamedUpload(file('empty.csv', ''), 'csv', source);
    expect(empty.ok).toBe(false);
  });

  it('a file that cannot be read is the caller’s error, not a fault of its rows', async () => {
    for (const kind of ['csv', 'jsonl'] as const)
      await expect(
        checkStreamedUpload(join(tmp.dir, `missing.${kind}`), kind, source),
      ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
