/**
 * Reads an uploaded file (.xlsx, .csv, .json) into plain rows, refusing with a clear
 * Vietnamese reason what is too big, would inflate too much, has too many rows, or is not
 * UTF-8. Nothing here touches the store.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import yauzl from 'yauzl';

export const LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  inflatedBytes: 200 * 1024 * 1024,
  zipEntries: 1000,
  rows: 1_000_000,
};

export class UploadError extends Error {}

export type RawRow = Record<string, unknown>;
export interface Upload { readonly rows: RawRow[]; readonly kind: 'xlsx' | 'csv' | 'json' }

export function kindOf(filename: string): Upload['kind'] | null {
  const ext = filename.toLowerCase().split('.').pop();
  return ext === 'xlsx' || ext === 'csv' || ext === 'json' ? ext : null;
}

/** Sums the uncompressed sizes the zip's central directory declares, without inflating anything. */
function checkZip(buf: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(new UploadError('Tệp .xlsx bị hỏng hoặc không phải tệp Excel (không đọc được cấu trúc zip).'));
      let total = 0, entries = 0;
      zip.on('entry', (e: yauzl.Entry) => {
        total += e.uncompressedSize;
        if (++entries > LIMITS.zipEntries) { zip.close(); return reject(new UploadError(`Tệp .xlsx có quá nhiều thành phần (hơn ${LIMITS.zipEntries}).`)); }
        if (total > LIMITS.inflatedBytes) { zip.close(); return reject(new UploadError(`Tệp .xlsx khi giải nén vượt quá ${LIMITS.inflatedBytes / 1024 / 1024} MB: bị từ chối để bảo vệ máy chủ.`)); }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(new UploadError('Tệp .xlsx bị hỏng.')));
      zip.readEntry();
    });
  });
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return v.text;
    if ('error' in v) return null;
  }
  return v;
}

async function readXlsx(buf: Buffer, onProgress?: (share: number) => void): Promise<RawRow[]> {
  await checkZip(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new UploadError('Không đọc được tệp .xlsx (tệp hỏng hoặc không đúng định dạng Excel).');
  }
  const sheet = wb.getWorksheet('du_lieu') ?? wb.worksheets[0];
  if (!sheet) throw new UploadError('Tệp .xlsx không có trang tính nào.');
  if (sheet.rowCount - 1 > LIMITS.rows) throw new UploadError(`Tệp có ${sheet.rowCount - 1} dòng, vượt giới hạn ${LIMITS.rows.toLocaleString('vi-VN')} dòng.`);
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(cellValue(v) ?? '').trim());
  const rows: RawRow[] = [];
  const total = sheet.rowCount;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const r: RawRow = {};
    for (let c = 1; c < header.length; c++) if (header[c]) r[header[c]!] = cellValue(values[c] ?? null);
    rows.push(r);
    if (onProgress && n % 20000 === 0) onProgress(n / total);
  });
  return rows;
}

function readCsv(buf: Buffer): RawRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UploadError('Tệp CSV không phải mã UTF-8. Hãy lưu lại với "CSV UTF-8 (Comma delimited)" rồi gửi lại.');
  }
  const lines = text.split('\n').length;
  if (lines - 1 > LIMITS.rows) throw new UploadError(`Tệp có khoảng ${lines - 1} dòng, vượt giới hạn ${LIMITS.rows.toLocaleString('vi-VN')} dòng.`);
  try {
    return parseCsv(text.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((x) => x.trim()), skip_empty_lines: true, trim: true, relax_column_count: false }) as RawRow[];
  } catch (err) {
    throw new UploadError(`Tệp CSV không đọc được: ${(err as Error).message.slice(0, 160)}`);
  }
}

function readJson(buf: Buffer): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf));
  } catch {
    throw new UploadError('Tệp JSON không hợp lệ (sai cú pháp hoặc không phải UTF-8).');
  }
  const rows = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { facts?: unknown }).facts) ? (data as { facts: unknown[] }).facts : null;
  if (!rows) throw new UploadError('Tệp JSON phải là một mảng bản ghi, hoặc một đối tượng có trường "facts" là mảng.');
  if (rows.length > LIMITS.rows) throw new UploadError(`Tệp có ${rows.length} bản ghi, vượt giới hạn ${LIMITS.rows.toLocaleString('vi-VN')}.`);
  return rows.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? r as RawRow : { _invalid: r }));
}

export async function readUpload(buf: Buffer, filename: string, onProgress?: (share: number) => void): Promise<Upload> {
  const kind = kindOf(filename);
  if (!kind) throw new UploadError(`Chỉ nhận tệp .xlsx, .csv hoặc .json (tệp gửi: ${filename}).`);
  if (buf.length > LIMITS.fileBytes) throw new UploadError(`Tệp lớn ${(buf.length / 1024 / 1024).toFixed(1)} MB, vượt giới hạn 20 MB.`);
  if (buf.length === 0) throw new UploadError('Tệp rỗng.');
  const rows = kind === 'xlsx' ? await readXlsx(buf, onProgress) : kind === 'csv' ? readCsv(buf) : readJson(buf);
  if (!rows.length) throw new UploadError('Tệp không có dòng dữ liệu nào (chỉ có tiêu đề hoặc trống).');
  return { rows, kind };
}
