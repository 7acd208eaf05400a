/**
 * Imports of any size from the command line: a JSON Lines or CSV file is read as a stream, twice
 * (once for each number column's decimal convention, once to check every row), so the file is
 * never held whole; only the facts of good rows are kept, and they land as one version. The
 * chat's 20 MB limit does not apply here; its checks do, row by row, with the same messages.
 */
import { problem, problemText } from '../domain/problem.js';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { msg } from '../messages.js';
import type { Source } from '../store/schema.js';
import { crashPoint } from '../util/crash-point.js';
import { type Conventions, NUMBER_COLUMNS, pctFree } from './cells.js';
import { ConventionTally } from './numbers.js';
import {
  csvOptions,
  csvProblem,
  jsonLineRow,
  kindOf,
  lineNumbers,
  type RawRow,
  UploadError,
  wrongDelimiter,
} from './read-upload.js';
import type { Checked } from './upload.js';
import { errorReport } from './error-report.js';
import { RowValidator } from './validate.js';
import { duplicateHeader } from './xlsx-reader.js';

export type StreamKind = 'jsonl' | 'csv';

/** Whether a file is read as a stream (JSON Lines, CSV) rather than whole. */
export function streamKindOf(filename: string): StreamKind | null {
  const kind = kindOf(filename);
  return kind === 'jsonl' || kind === 'csv' ? kind : null;
}

/** The file's text, chunk by chunk, refused at the first byte that is not UTF-8. */
async function* decodedChunks(path: string, what: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      let text = decoder.decode(chunk as Buffer, { stream: true });
      if (first) text = text.replace(/^\uFEFF/, '');
      first = false;
      yield text;
    }
    yield decoder.decode();
  } catch (err) {
    if (err instanceof TypeError) throw new UploadError(problem('upload_not_utf8', { what }));
    throw err;
  }
}

async function* jsonLines(path: string): AsyncGenerator<RawRow> {
  let carry = '';
  let lineNo = 0;
  for await (const text of decodedChunks(path, 'JSONL')) {
    const lines = (carry + text).split(/\r?\n/);
    carry = lines.pop()!;
    for (const line of lines) {
      lineNo++;
      if (line.trim()) yield jsonLineRow(line.trim(), lineNo);
    }
  }
  if (carry.trim()) yield jsonLineRow(carry.trim(), lineNo + 1);
}

async function* csvRecords(path: string): AsyncGenerator<RawRow> {
  let twice: string | null = null;
  let header = '';
  const parser = parseCsv({
    ...csvOptions((names) => {
      header = names.join(',');
      twice = duplicateHeader(names);
    }),
    info: true,
  });
  const source = Readable.from(decodedChunks(path, 'CSV'));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: RawRow;
      info: { lines: number };
    }>) {
      if (twice || wrongDelimiter(header)) break;
      lineNumbers.set(record, info.lines);
      yield record;
    }
  } catch (err) {
    // a file that cannot be read (missing, a folder) is the caller's to report, not a CSV fault
    if (err instanceof UploadError || (err as NodeJS.ErrnoException).syscall) throw err;
    throw new UploadError(csvProblem(header, err as Error & { code?: string; lines?: number }));
  } finally {
    source.destroy();
  }
  if (twice) throw new UploadError(problem('upload_duplicate_column', { column: twice }));
  if (wrongDelimiter(header)) throw new UploadError(csvProblem(header, new Error()));
}

/** Every row of the file, read as a stream. */
export function streamRows(path: string, kind: StreamKind): AsyncGenerator<RawRow> {
  return kind === 'jsonl' ? jsonLines(path) : csvRecords(path);
}

async function conventionsOfStream(path: string, kind: StreamKind): Promise<Conventions> {
  const tallies = NUMBER_COLUMNS.map(() => new ConventionTally());
  for await (const row of streamRows(path, kind))
    NUMBER_COLUMNS.forEach((col, i) => {
      tallies[i]!.add(pctFree(row[col], col));
    });
  return Object.fromEntries(
    NUMBER_COLUMNS.map((col, i) => [col, tallies[i]!.convention]),
  ) as Conventions;
}

/**
 * Reads and checks a file of any size, all or nothing: the facts of every row, or the reasons
 * the file is refused (the first of them, and how many).
 */
export async function checkStreamedUpload(
  path: string,
  kind: StreamKind,
  source: Source,
): Promise<Checked> {
  try {
    const validator = new RowValidator(source, 1, await conventionsOfStream(path, kind));
    let rows = 0;
    for await (const row of streamRows(path, kind)) {
      validator.check(row, rows++);
      if (rows % 10_000 === 0) crashPoint('import:rows-checked');
    }
    if (!rows) return { ok: false, message: msg('upload_no_rows') };
    if (validator.errors.length) return { ok: false, message: errorReport(validator.errors) };
    return { ok: true, facts: validator.facts, rows };
  } catch (err) {
    if (err instanceof UploadError)
      return { ok: false, message: msg('report_unreadable', { reason: problemText(err.problem) }) };
    throw err;
  }
}
