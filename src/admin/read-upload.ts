/**
 * Reads an uploaded file (.xlsx, .csv, .json) into plain rows, refusing with a clear
 * Vietnamese reason what is too big, would inflate too much, has too many rows, or is not
 * UTF-8. Nothing here touches the store.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { readXlsxRows } from './xlsx-reader.js';

import { LIMITS, UploadError } from './limits.js';
import { msg } from '../messages.js';

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
function csvProblem(body: string, err: Error & { code?: string; lines?: number }): string {
  const header = body.split(/\r?\n|\r/, 1)[0] ?? '';
  const other = [';', '\t', '|'].find((d) => header.includes(d) && !header.includes(','));
  if (other) return msg('csv_delimiter', { delimiter: other === '\t' ? 'tab' : other });
  const where = err.lines ? ` (dòng ${err.lines})` : '';
  const reasons: Record<string, string> = {
    CSV_RECORD_INCONSISTENT_COLUMNS: 'số ô nhiều hơn số cột tiêu đề',
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'số ô nhiều hơn số cột tiêu đề',
    CSV_QUOTE_NOT_CLOSED: 'dấu ngoặc kép chưa đóng',
    CSV_INVALID_CLOSING_QUOTE: 'dấu ngoặc kép đặt sai chỗ',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'có ký tự sau dấu ngoặc kép đóng',
    INVALID_OPENING_QUOTE: 'dấu ngoặc kép mở sai chỗ',
  };
  const reason = (err.code && reasons[err.code]) ?? 'cấu trúc CSV không hợp lệ';
  return `Tệp CSV không đọc được${where}: ${reason}.`;
}

function readCsv(buf: Buffer): RawRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UploadError(
      'Tệp CSV không phải mã UTF-8. Hãy lưu lại với "CSV UTF-8 (Comma delimited)" rồi gửi lại.',
    );
  }
  const body = text.replace(/^\uFEFF/, '');
  // counted before parsing, as the parser splits (\r\n, \r or \n): a huge file is refused at once
  const breaks = body.match(/\r\n|\r|\n/g)?.length ?? 0;
  if (breaks - 1 > LIMITS.rows)
    throw new UploadError(
      `Tệp có khoảng ${breaks - 1} dòng, vượt giới hạn ${LIMITS.rows.toLocaleString('vi-VN')} dòng.`,
    );
  let rows: RawRow[];
  try {
    // the parser stops one record past the limit: the count is what it yields, \r or \n alike
    rows = parseCsv(body, {
      columns: (h: string[]) => h.map((x) => x.trim()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      // optional columns at the end (source_url, note…) may be left out
      relax_column_count_less: true,
      to: LIMITS.rows + 1,
    }) as RawRow[];
  } catch (err) {
    throw new UploadError(csvProblem(body, err as Error & { code?: string; lines?: number }));
  }
  if (rows.length > LIMITS.rows)
    throw new UploadError(`Tệp vượt giới hạn ${LIMITS.rows.toLocaleString('vi-VN')} dòng.`);
  return rows;
}

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

function readJson(buf: Buffer): RawRow[] {
  let data: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (tooDeep(text))
      throw new UploadError(
        `Tệp JSON lồng nhau quá ${MAX_JSON_DEPTH} tầng: không phải tệp số liệu.`,
      );
    data = JSON.parse(text);
  } catch (err) {
    if (err instanceof UploadError) throw err;
    throw new UploadError('Tệp JSON không hợp lệ (sai cú pháp hoặc không phải UTF-8).');
  }
  const rows = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { facts?: unknown }).facts)
      ? (data as { facts: unknown[] }).facts
      : null;
  if (!rows)
    throw new UploadError(
      'Tệp JSON phải là một mảng bản ghi, hoặc một đối tượng có trường "facts" là mảng.',
    );
  if (rows.length > LIMITS.rows)
    throw new UploadError(
      `Tệp có ${rows.length} bản ghi, vượt giới hạn ${LIMITS.rows.toLocaleString('vi-VN')}.`,
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
      throw new UploadError(`Tệp vượt giới hạn ${LIMITS.rows.toLocaleString('vi-VN')} dòng.`);
    let rec: unknown;
    if (tooDeep(line)) throw new UploadError(`Dòng ${i + 1}: bản ghi lồng nhau quá sâu.`);
    try {
      rec = JSON.parse(line);
    } catch {
      throw new UploadError(`Dòng ${i + 1}: không phải một bản ghi JSON hợp lệ.`);
    }
    rows.push(
      rec && typeof rec === 'object' && !Array.isArray(rec) ? (rec as RawRow) : { _invalid: rec },
    );
    lineNumbers.set(rows[rows.length - 1]!, i + 1);
  }
  return rows;
}

/** The line of the file a JSONL row came from (blank lines are skipped, so rows shift). */
export const lineNumbers = new WeakMap<RawRow, number>();

function decodeUtf8(buf: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new UploadError(`Tệp ${what} không phải mã UTF-8.`);
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
  if (!kind)
    throw new UploadError(`Chỉ nhận tệp .xlsx, .csv, .json hoặc .jsonl (tệp gửi: ${filename}).`);
  if (buf.length > LIMITS.fileBytes)
    throw new UploadError(
      `Tệp lớn ${(buf.length / 1024 / 1024).toFixed(1)} MB, vượt giới hạn 20 MB.`,
    );
  if (buf.length === 0) throw new UploadError('Tệp rỗng.');
  const rows = await READERS[kind](buf);
  if (!rows.length)
    throw new UploadError('Tệp không có dòng dữ liệu nào (chỉ có tiêu đề hoặc trống).');
  return { rows, kind };
}
