/**
 * A fast, read-only XLSX reader for the one shape uploads have: a sheet of plain cells.
 * exceljs and SheetJS both need 5-7 s for 100,000 rows on this machine (measured), over the
 * 10 s budget of a whole upload; this reads the zip with yauzl (zlib's native inflate) and
 * scans the sheet XML once, linearly. It checks the declared uncompressed sizes before
 * inflating anything (zip bombs), and inflates no entry it does not need.
 */
import { problem } from '../domain/problem.js';
import { formatNumber } from '../answer/format.js';
import yauzl from 'yauzl';
import { BadCell, LIMITS, UploadError } from './limits.js';
import { getOrCreate } from '../util/collections.js';

type RawRow = Record<string, unknown>;

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 as zip writes it (yauzl does not check it: a flipped byte would pass). */
function crc32(buf: Buffer, crc: number): number {
  let c = crc;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/** Inflates one entry, refusing one bigger than it declares or whose CRC-32 fails. */
function readEntry(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(e, (er, stream) => {
      if (er || !stream) return reject(new UploadError(problem('xlsx_broken')));
      const chunks: Buffer[] = [];
      let size = 0;
      let crc = 0xffffffff;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        crc = crc32(c, crc);
        if (size > e.uncompressedSize + 1024) {
          stream.destroy();
          reject(new UploadError(problem('xlsx_size_lie')));
        }
        chunks.push(c);
      });
      stream.on('end', () => {
        if ((crc ^ 0xffffffff) >>> 0 !== e.crc32)
          return reject(new UploadError(problem('xlsx_crc')));
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
      stream.on('error', () => reject(new UploadError(problem('xlsx_broken'))));
    });
  });
}

/** The declared sizes, read from the zip directory before anything is inflated. */
function checkDeclared(entries: number, total: number): UploadError | null {
  if (entries > LIMITS.zipEntries)
    return new UploadError(problem('xlsx_entries', { limit: LIMITS.zipEntries }));
  if (total > LIMITS.inflatedBytes)
    return new UploadError(problem('xlsx_inflated', { mb: LIMITS.inflatedBytes / 1024 / 1024 }));
  return null;
}

function readZip(buf: Buffer, want: (name: string) => boolean): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(new UploadError(problem('xlsx_not_zip')));
      const out = new Map<string, string>();
      const seen = { total: 0, entries: 0 };
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on('entry', (e: yauzl.Entry) => {
        seen.total += e.uncompressedSize;
        const refused = checkDeclared(++seen.entries, seen.total);
        if (refused) return fail(refused);
        if (!want(e.fileName)) return zip.readEntry();
        readEntry(zip, e).then((text) => {
          out.set(e.fileName, text);
          zip.readEntry();
        }, fail);
      });
      zip.on('end', () => resolve(out));
      zip.on('error', () => reject(new UploadError(problem('xlsx_broken'))));
      zip.readEntry();
    });
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** &#x1F600; -> 😀; a reference past U+10FFFF is a broken file, not a crash. */
function codePoint(e: string): string {
  const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
  if (!Number.isInteger(n) || n < 0 || n > 0x10ffff)
    throw new UploadError(problem('xlsx_code_point'));
  return String.fromCodePoint(n);
}

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? codePoint(e) : (ENTITIES[e] ?? m),
  );
}
const texts = (xml: string) =>
  decode([...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]).join(''));

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The XML of the sheet named `du_lieu`, or of the first sheet. */
function dataSheet(files: Map<string, string>): string {
  const workbook = files.get('xl/workbook.xml');
  if (!workbook) throw new UploadError(problem('xlsx_no_workbook'));
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)].map(
    (m) => ({ name: decode(m[1]!), rid: m[2]! }),
  );
  const chosen = sheets.find((s) => s.name === 'du_lieu') ?? sheets[0];
  if (!chosen) throw new UploadError(problem('xlsx_no_sheet'));
  const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
  const target =
    new RegExp(`<Relationship\\b[^>]*Id="${chosen.rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${chosen.rid}"`).exec(rels)?.[1];
  const path = !target
    ? 'xl/worksheets/sheet1.xml'
    : target.startsWith('/')
      ? target.slice(1)
      : `xl/${target}`;
  const sheet = files.get(path);
  if (!sheet) throw new UploadError(problem('xlsx_no_data_sheet'));
  return sheet;
}

/** One cell's value; a formula or an error cell is a BadCell, never a silent value. */
function cellValue(attrs: string, body: string, shared: readonly string[]): unknown {
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
  // a formula's cached result may be stale or absent: the admin pastes values instead
  if (/<f[\s>/]/.test(body)) return new BadCell(problem('xlsx_formula'));
  if (type === 'e')
    return new BadCell(
      v ? problem('xlsx_error_cell', { error: v }) : problem('xlsx_error_cell_bare'),
    );
  if (type === 's') return v === undefined ? null : (shared[Number(v)] ?? null);
  if (type === 'inlineStr') return texts(body);
  if (type === 'str') return v === undefined ? null : decode(v);
  if (type === 'b') return v === '1';
  if (v === undefined || v === '') return null;
  // a number cell holds a decimal as Excel writes it; "0x33" or "0b110011" is no number of ours
  if (!MACHINE_NUMBER.test(v))
    return new BadCell(problem('number_not_decimal', { shown: `"${v.slice(0, 30)}"` }));
  return Number(v);
}

const MACHINE_NUMBER = /^-?\d+(?:\.\d+)?(?:E[-+]?\d{1,3})?$/i;

/** A column named twice in the header row: which of the two would be read is anyone's guess. */
export function duplicateHeader(header: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const h of header.map((x) => x.trim().toLowerCase()).filter(Boolean)) {
    if (seen.has(h)) return h;
    seen.add(h);
  }
  return null;
}

function cellGrid(sheet: string, shared: readonly string[]): Map<number, unknown[]> {
  const grid = new Map<number, unknown[]>();
  for (const m of sheet.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = /\br="([A-Z]+)(\d+)"/.exec(m[1]!);
    if (!ref) continue;
    getOrCreate(grid, Number(ref[2]), () => [])[columnIndex(ref[1]!)] = cellValue(
      m[1]!,
      m[2] ?? '',
      shared,
    );
  }
  return grid;
}

/** Rows of the sheet named `du_lieu`, or of the first sheet, keyed by the header row. */
export async function readXlsxRows(buf: Buffer): Promise<RawRow[]> {
  const files = await readZip(
    buf,
    (n) =>
      n === 'xl/workbook.xml' ||
      n === 'xl/_rels/workbook.xml.rels' ||
      n === 'xl/sharedStrings.xml' ||
      n.startsWith('xl/worksheets/sheet'),
  );
  const sheet = dataSheet(files);
  const shared = [
    ...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => texts(m[1]!));
  const grid = cellGrid(sheet, shared);
  const numbers = [...grid.keys()].sort((a, b) => a - b);
  if (numbers.length - 1 > LIMITS.rows)
    throw new UploadError(
      problem('upload_rows_over', { n: numbers.length - 1, limit: formatNumber(LIMITS.rows) }),
    );
  const header = (grid.get(numbers[0]!) ?? []).map((h) => String(h ?? '').trim());
  const twice = duplicateHeader(header);
  if (twice) throw new UploadError(problem('upload_duplicate_column', { column: twice }));
  const rows: RawRow[] = [];
  for (const n of numbers.slice(1)) {
    const values = grid.get(n)!;
    if (values.every((v) => v === null || v === undefined || v === '')) continue;
    const r: RawRow = {};
    header.forEach((h, c) => {
      if (h) r[h] = values[c] ?? null;
    });
    rows.push(r);
  }
  return rows;
}
