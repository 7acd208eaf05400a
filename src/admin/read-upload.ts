/**
 * Reads an uploaded file (.xlsx, .csv, .json) into plain rows, refusing with a clear
 * Vietnamese reason what is too big, would inflate too much, has too many rows, or is not
 * UTF-8. Nothing here touches the store.
 */
import { type Problem, problem } from '../domain/problem.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { duplicateHeader, readXlsxRows } from './xlsx-reader.js';

import { LIMITS, UploadError } from './limits.js';
import { formatNumber } from '../answer/format.js';

export { LIMITS, UploadError };
export type RawRow = Record<string, unknown>;
export interface Upload {
  readonly rows: RawRow[];
  readonly kind: 'xlsx' | 'csv' | 'json' | 'jsonl';
}

export function kindOf(filename: string): Upload['kind'] | null {
  const ext = filename.toLowerCase().split('.').pop();
  return ext === 'xlsx' || ext === 'csv' || ext === 'json' || ext === 'jsonl' ? ext : null;
}

/** What csv-parse found, in Vietnamese, naming a wrong delimiter when that is the cause. */
export function csvProblem(body: string, err: Error & { code?: string; lines?: number }): Problem {
  const header = body.split(/\r?\n|\r/, 1)[0] ?? '';
  const other = [';', '\t', '|'].find((d) => header.includes(d) && !header.includes(','));
  if (other) return problem('csv_delimiter', { delimiter: other === '\t' ? 'tab' : other });
  const where = err.lines ? problem('csv_where', { line: err.lines }) : '';
  const reasons: Record<string, string> = {
    CSV_RECORD_INCONSISTENT_COLUMNS: 'csv_too_many_cells',
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'csv_too_many_cells',
    CSV_QUOTE_NOT_CLOSED: 'csv_quote_not_closed',
    CSV_INVALID_CLOSING_QUOTE: 'csv_closing_quote',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'csv_after_quote',
    INVALID_OPENING_QUOTE: 'csv_opening_quote',
  };
  const reason = problem((err.code && reasons[err.code]) ?? 'csv_invalid');
  return problem('csv_unreadable', { where, reason });
}

function readCsv(buf: Buffer): RawRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UploadError(problem('csv_not_utf8'));
  }
  const body = text.replace(/^\uFEFF/, '');
  // counted before parsing, as the parser splits (\r\n, \r or \n): a huge file is refused at once
  const breaks = body.match(/\r\n|\r|\n/g)?.length ?? 0;
  if (breaks - 1 > LIMITS.rows)
    throw new UploadError(
      problem('upload_rows_about', { n: breaks - 1, limit: formatNumber(LIMITS.rows) }),
    );
  let rows: RawRow[];
  let twice: string | null = null;
  try {
    // the parser stops one record past the limit: the count is what it yields, \r or \n alike
    rows = parseCsv(body, {
      ...csvOptions((header) => {
        twice = duplicateHeader(header);
      }),
      to: LIMITS.rows + 1,
    }) as RawRow[];
  } catch (err) {
    if (twice) throw new UploadError(problem('upload_duplicate_column', { column: twice }));
    throw new UploadError(csvProblem(body, err as Error & { code?: string; lines?: number }));
  }
  if (twice) throw new UploadError(problem('upload_duplicate_column', { column: twice }));
  // a header read as one column holding tabs, ';' or '|': the file uses another delimiter
  if (wrongDelimiter(body.split(/\r?\n|\r/, 1)[0] ?? ''))
    throw new UploadError(csvProblem(body, new Error()));
  if (rows.length > LIMITS.rows)
    throw new UploadError(problem('upload_rows_limit', { limit: formatNumber(LIMITS.rows) }));
  return rows;
}

/** How every CSV upload is parsed, whole or as a stream; `onHeader` sees the trimmed names. */
export function csvOptions(onHeader: (names: string[]) => void) {
  return {
    columns: (h: string[]) => {
      const names = h.map((x) => x.trim());
      onHeader(names);
      return names;
    },
    skip_empty_lines: true,
    trim: true,
    // optional columns at the end (source_url, note…) may be left out
    relax_column_count_less: true,
  };
}

/** A header with no comma but tabs, ';' or '|' between its names. */
export const wrongDelimiter = (header: string) => !header.includes(',') && /[;\t|]/.test(header);

/** Deeper than any upload needs: refused before parsing so no reader recurses on it. */
const MAX_JSON_DEPTH = 32;

function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/**
 * A key written twice in one object ('{"value": 51.2, "value": 5120}'): JSON.parse keeps the
 * last without a word, so the text is scanned first. Linear, strings skipped as they go.
 */
export function duplicateKey(text: string): string | null {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) stack.push(new Set());
    else if (c === 91) stack.push(null);
    else if (c === 125 || c === 93) stack.pop();
    else if (c === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      const keys = stack.at(-1);
      if (keys && text[k] === ':') {
        const key = text.slice(i + 1, j);
        if (keys.has(key)) return key;
        keys.add(key);
      }
      i = j;
    }
  }
  return null;
}

function readJson(buf: Buffer): RawRow[] {
  let data: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (tooDeep(text)) throw new UploadError(problem('json_too_deep', { depth: MAX_JSON_DEPTH }));
    data = JSON.parse(text);
    const twice = duplicateKey(text);
    if (twice) throw new UploadError(problem('upload_duplicate_key', { key: twice }));
  } catch (err) {
    if (err instanceof UploadError) throw err;
    throw new UploadError(problem('json_invalid'));
  }
  const rows = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { facts?: unknown }).facts)
      ? (data as { facts: unknown[] }).facts
      : null;
  if (!rows) throw new UploadError(problem('json_shape'));
  if (rows.length > LIMITS.rows)
    throw new UploadError(
      problem('json_records_limit', { n: rows.length, limit: formatNumber(LIMITS.rows) }),
    );
  return rows.map((r) =>
    r && typeof r === 'object' && !Array.isArray(r) ? (r as RawRow) : { _invalid: r },
  );
}

/** JSON Lines in the format of public-facts.jsonl: one record a line, blank lines skipped. */
function readJsonLines(buf: Buffer): RawRow[] {
  const text = decodeUtf8(buf, 'JSONL');
  const rows: RawRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (rows.length >= LIMITS.rows)
      throw new UploadError(problem('upload_rows_limit', { limit: formatNumber(LIMITS.rows) }));
    rows.push(jsonLineRow(line, i + 1));
  }
  return rows;
}

/** One non-blank line of a JSON Lines file as a row, remembering its line number. */
export function jsonLineRow(line: string, lineNo: number): RawRow {
  let rec: unknown;
  if (tooDeep(line)) throw new UploadError(problem('jsonl_too_deep', { line: lineNo }));
  try {
    rec = JSON.parse(line);
  } catch {
    throw new UploadError(problem('jsonl_invalid', { line: lineNo }));
  }
  const twice = duplicateKey(line);
  if (twice) throw new UploadError(problem('jsonl_duplicate_key', { line: lineNo, key: twice }));
  const row: RawRow =
    rec && typeof rec === 'object' && !Array.isArray(rec) ? (rec as RawRow) : { _invalid: rec };
  lineNumbers.set(row, lineNo);
  return row;
}

/** The line of the file a JSONL row came from (blank lines are skipped, so rows shift). */
export const lineNumbers = new WeakMap<RawRow, number>();

function decodeUtf8(buf: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new UploadError(problem('upload_not_utf8', { what }));
  }
}

const READERS: Record<Upload['kind'], (buf: Buffer) => RawRow[] | Promise<RawRow[]>> = {
  xlsx: readXlsxRows,
  csv: readCsv,
  json: readJson,
  jsonl: readJsonLines,
};

export async function readUpload(buf: Buffer, filename: string): Promise<Upload> {
  const kind = kindOf(filename);
  if (!kind) throw new UploadError(problem('upload_kinds', { name: filename }));
  if (buf.length > LIMITS.fileBytes)
    throw new UploadError(
      problem('upload_size', { mb: formatNumber(Math.round(buf.length / 104857.6) / 10) }),
    );
  if (buf.length === 0) throw new UploadError(problem('input_empty'));
  const rows = await READERS[kind](buf);
  if (!rows.length) throw new UploadError(problem('upload_no_rows'));
  return { rows, kind };
}
