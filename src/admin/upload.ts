/**
 * An upload, all or nothing: read, check every row (reporting the share checked), and either refuse
 * with the reasons or hand back the facts.
 */
import { msg } from '../messages.js';
import type { Source } from '../store/schema.js';
import type { Fact } from '../store/schema.js';
import { UploadError, readUpload } from './read-upload.js';
import { errorReport, validateRowsInSlices } from './validate.js';

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
      return { ok: false, message: msg('report_unreadable', { reason: err.message }) };
    throw err;
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
