/**
 * Reads a schema-3 store file in slices of bytes: the header line (the tables) with JSON.parse,
 * then each row `[place,indicator,"2020-M04",flags,value,mom,yoy,plan,approx,scope,basis,note,
 * source]` scanned byte by byte into the table's columns, never holding the whole file nor an
 * object per row. Every row is checked (row-check.ts) before it is kept.
 */
import { msg } from '../messages.js';
import { closeSync, openSync, readSync } from 'node:fs';
import type { Catalogue } from '../domain/catalogue.js';
import { FactTable, readHeader } from './fact-table.js';
import { checkCells, type RowCells } from './row-check.js';

const SLICE = 1 << 20;
const NL = 10;
const COMMA = 44;
const QUOTE = 34;

class RowError extends Error {}

/** Cursor over one row's bytes. */
class RowReader {
  private buf: Buffer = Buffer.alloc(0);
  private at = 0;
  private end = 0;

  /** Points the reader at one row (one reader serves every row: no object per row). */
  reset(buf: Buffer, start: number, end: number): this {
    this.buf = buf;
    this.at = start;
    this.end = end;
    return this;
  }

  expect(byte: number): void {
    if (this.buf[this.at] !== byte) throw new RowError(msg('row_not_a_row'));
    this.at++;
  }

  /**
   * A number or null, up to the next ',' or ']', read without making a string: digits N and k
   * decimals give N / 10^k, which IEEE division rounds exactly as JSON.parse would.
   */
  number(field: string): number | null {
    const b = this.buf;
    const start = this.at;
    if (b[start] === 110) return this.nullWord();
    let i = b[start] === 45 ? start + 1 : start;
    let n = 0;
    let digits = 0;
    let decimals = 0;
    for (; b[i]! >= 48 && b[i]! <= 57; i++, digits++) n = n * 10 + b[i]! - 48;
    if (b[i] === 46)
      for (i++; b[i]! >= 48 && b[i]! <= 57; i++, digits++, decimals++) n = n * 10 + b[i]! - 48;
    if (digits === 0 || (decimals === 0 && b[i - 1] === 46))
      throw new RowError(`${field}: ${msg('number_not')}`);
    if ((b[i] !== COMMA && b[i] !== 93) || digits > 15) return this.longNumber(start);
    this.at = i;
    const value = decimals ? n / 10 ** decimals : n;
    return b[start] === 45 ? -value : value;
  }

  /** Exponents and long mantissas: through the string, as JSON writes them. */
  private longNumber(start: number): number {
    let i = start;
    while (i < this.end && this.buf[i] !== COMMA && this.buf[i] !== 93) i++;
    this.at = i;
    const s = this.buf.toString('latin1', start, i);
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s))
      throw new RowError(msg('number_not_shown', { shown: `"${s.slice(0, 20)}"` }));
    return Number(s);
  }

  private nullWord(): null {
    const b = this.buf;
    const a = this.at;
    if (b[a + 1] !== 117 || b[a + 2] !== 108 || b[a + 3] !== 108)
      throw new RowError(msg('number_not'));
    this.at = a + 4;
    return null;
  }

  int(field: string): number {
    const n = this.number(field);
    if (n === null || !Number.isInteger(n)) throw new RowError(msg('row_no_lookup', { field }));
    return n;
  }

  private digitAt(k: number): number {
    const d = this.buf[this.at + k]! - 48;
    if (d < 0 || d > 9) throw new RowError(`period: ${msg('cell_bad_period')}`);
    return d;
  }

  /** "2020-M04" into c.type, c.year, c.sub (type: 0 month, 1 ytd, 2 quarter, 3 year). */
  period(c: RowCells): void {
    this.expect(QUOTE);
    const b = this.buf;
    const a = this.at;
    const year =
      this.digitAt(0) * 1000 + this.digitAt(1) * 100 + this.digitAt(2) * 10 + this.digitAt(3);
    const letter = b[a + 5];
    if (b[a + 4] !== 45) throw new RowError(`period: ${msg('cell_bad_period')}`);
    let n = this.digitAt(6);
    let k = 7;
    if (b[a + 7] !== QUOTE) n = n * 10 + this.digitAt(k++);
    if (b[a + k] !== QUOTE) throw new RowError(`period: ${msg('cell_bad_period')}`);
    this.at = a + k + 1;
    c.year = year;
    c.sub = n;
    if (letter === 81 && n >= 1 && n <= 4) c.type = 2;
    else if (n < 1 || n > 12 || (letter !== 77 && letter !== 89))
      throw new RowError(`period: ${msg('cell_bad_period')}`);
    else c.type = letter === 77 ? 0 : n === 12 ? 3 : 1;
  }

  comma(): void {
    this.expect(COMMA);
  }

  done(): void {
    this.expect(93);
    if (this.at !== this.end) throw new RowError(msg('row_trailing'));
  }
}

/** One row's cells, reused from row to row (the table copies them). */
const scratch: RowCells = {
  ...{ place: 0, indicator: 0, type: 0, year: 0, sub: 0, flags: 0, approx: 0, scope: 0 },
  ...{ basis: 0, value: null, mom: null, yoy: null, plan: null, note: 0, source: 0 },
};

const reader = new RowReader();

function readRow(buf: Buffer, start: number, end: number): RowCells {
  const r = reader.reset(buf, start, end);
  const c = scratch;
  r.expect(91);
  c.place = r.int('place');
  r.comma();
  c.indicator = r.int('indicator');
  r.comma();
  r.period(c);
  r.comma();
  c.flags = r.int('flags');
  r.comma();
  c.value = r.number('value');
  r.comma();
  c.mom = r.number('mom_pct');
  r.comma();
  c.yoy = r.number('yoy_pct');
  r.comma();
  c.plan = r.number('plan_pct');
  r.comma();
  c.approx = r.int('approx');
  r.comma();
  c.scope = r.int('scope');
  r.comma();
  c.basis = r.int('basis');
  r.comma();
  c.note = r.int('note');
  r.comma();
  c.source = r.int('source');
  r.done();
  return c;
}

/** The first line of the file (the tables), read apart. */
function headerLine(fd: number): { line: string; next: number } {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(SLICE);
    const n = readSync(fd, chunk, 0, SLICE, pos);
    const nl = chunk.subarray(0, n).indexOf(NL);
    if (nl >= 0 || n === 0) {
      parts.push(chunk.subarray(0, nl >= 0 ? nl : n));
      return { line: Buffer.concat(parts).toString('utf8'), next: pos + (nl >= 0 ? nl + 1 : n) };
    }
    parts.push(chunk.subarray(0, n));
    pos += n;
  }
}

/** Reads and checks a whole schema-3 file; the error names the first bad record. */
export function readTableFile(path: string, cat: Catalogue, where = path): FactTable {
  const fd = openSync(path, 'r');
  try {
    const { line, next } = headerLine(fd);
    const h = readHeader(line, cat, where);
    const units = h.indicators.map((i) => cat.indicator(i).unit);
    const table = new FactTable(h.places, h.indicators, h.sources, h.notes, units, h.count);
    readRows(fd, next, table, where, {
      ...{ cat, places: h.places, indicators: h.indicators },
      ...{ sources: h.sources, notes: h.notes.length },
    });
    if (table.length !== h.count)
      throw new Error(msg('store_cut', { where, n: table.length, count: h.count }));
    return table;
  } finally {
    closeSync(fd);
  }
}

function readRows(
  fd: number,
  from: number,
  table: FactTable,
  where: string,
  ctx: Parameters<typeof checkCells>[1],
): void {
  let buf = Buffer.allocUnsafe(SLICE);
  let filled = 0;
  let pos = from;
  for (;;) {
    if (filled === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
    const n = readSync(fd, buf, filled, buf.length - filled, pos);
    pos += n;
    filled += n;
    const used = rowsIn(buf, filled, n === 0, table, where, ctx);
    buf.copy(buf, 0, used, filled);
    filled -= used;
    if (n === 0) return;
  }
}

/** Reads every complete row in buf[0, filled); returns the bytes used. */
function rowsIn(
  buf: Buffer,
  filled: number,
  last: boolean,
  table: FactTable,
  where: string,
  ctx: Parameters<typeof checkCells>[1],
): number {
  let start = 0;
  for (;;) {
    let end = buf.indexOf(NL, start);
    if (end < 0 || end >= filled) {
      if (!last || start >= filled) return start;
      end = filled;
    }
    if (end > start) keepRow(buf, start, end, table, where, ctx);
    start = end + 1;
  }
}

function keepRow(
  buf: Buffer,
  start: number,
  end: number,
  table: FactTable,
  where: string,
  ctx: Parameters<typeof checkCells>[1],
): void {
  if (table.length >= table.capacity)
    throw new Error(msg('store_too_many_at', { where, n: table.length + 1 }));
  let cells: RowCells;
  try {
    cells = readRow(buf, start, end);
  } catch (err) {
    if (err instanceof RowError)
      throw new Error(msg('store_row_issue', { where, n: table.length + 1, issue: err.message }));
    throw err;
  }
  const problem = checkCells(cells, ctx);
  if (problem) throw new Error(msg('store_row_problem', { where, n: table.length + 1, problem }));
  table.push(cells);
}
