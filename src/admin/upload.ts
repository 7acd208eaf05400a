/**
 * An upload, all or nothing: read, check every row (reporting the share checked), and either refuse
 * with the reasons or hand back the facts.
 */
import { problemText } from '../domain/problem.js';
import { msg } from '../messages.js';
import type { Source } from '../store/schema.js';
import type { Fact } from '../store/schema.js';
import { UploadError, readUpload } from './read-upload.js';
import { errorReport } from './error-report.js';
import { COLUMNS, validateRowsInSlices } from './validate.js';

export type Checked = { ok: true; facts: Fact[]; rows: number } | { ok: false; message: string };

export async function checkUpload(
  buf: Buffer,
  filename: string,
  source: Source,
  onProgress?: (share: number) => void,
): Promise<Checked> {
  try {
    const upload = await readUpload(buf, filename);
    const { facts, errors } = await validateRowsInSlices(
      upload.rows,
      source,
      upload.kind === 'json' ? 1 : 2,
      onProgress,
    );
    if (errors.length) return { ok: false, message: errorReport(errors) };
    return { ok: true, facts, rows: upload.rows.length };
  } catch (err) {
    if (err instanceof UploadError)
      return { ok: false, message: msg('report_unreadable', { reason: problemText(err.problem) }) };
    throw err;
  }
}

/**
 * A spreadsheet laid out as the upload template (a header naming its columns: place,
 * indicator…), rather than a report's tables to be read as a report.
 */
export async function isTemplateSheet(buf: Buffer, filename: string): Promise<boolean> {
  if (!/\.xlsx$/i.test(filename)) return true;
  try {
    const { rows } = await readUpload(buf, filename);
    return Object.keys(rows[0] ?? {}).some((k) =>
      (COLUMNS as readonly string[]).includes(k.trim().toLowerCase()),
    );
  } catch {
    return true; // the upload path says what is wrong with it
  }
}

export function uploadSource(who: string, filename: string, now = new Date()): Source {
  return {
    publisher: msg('upload_publisher', { who }),
    title: filename,
    date: now.toISOString().slice(0, 10),
    url: null,
  };
}
