/** A refused upload in words: each row error's row, column and problem, from locales/ only. */
import { msg } from '../messages.js';
import { problemText } from '../domain/problem.js';
import { KEY, ROW, type RowError } from './validate.js';

const columnName = (c: string) =>
  c === ROW ? msg('column_row') : c === KEY ? msg('column_key') : c;

/** One error in words: its row, its column, what is wrong. */
export function errorLine(e: RowError): string {
  const said = { row: e.row, column: columnName(e.column), reason: problemText(e.problem) };
  return msg('upload_error_line', said);
}

/** The reply for a refused upload: the first 20 errors, then how many more. */
export function errorReport(errors: readonly RowError[], max = 20): string {
  const lines = errors.slice(0, max).map((e) => `• ${errorLine(e)}`);
  if (errors.length > max) lines.push(msg('upload_more_errors', { n: errors.length - max }));
  return msg('upload_errors', { n: errors.length, lines: lines.join('\n') });
}
