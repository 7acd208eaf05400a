/**
 * The text of a report in the forms admins have it: a .txt, a Word .docx (tables included), a
 * PDF with a text layer, or a link to the article (fetched with a timeout and a size limit, its
 * text taken by Mozilla's Readability). What cannot be read gets a clear Vietnamese reason.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { msg } from '../messages.js';
import { docxText, htmlText, pdfText, xlsxText } from './document-text.js';

export class ReportInputError extends Error {}

export interface ReportInput {
  readonly text: string;
  /** Known from the input itself: the article's title and link, the page's site. */
  readonly title: string | null;
  readonly url: string | null;
  readonly publisher: string | null;
}

export const REPORT_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  pageBytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
};

/** Report files by extension (uploads of figures are .xlsx, .csv, .json, .jsonl). */
export function isReportFile(name: string): boolean {
  return /\.(txt|md|docx|pdf)$/i.test(name);
}

const plain = (text: string) => ({ text, title: null, url: null, publisher: null });

function nonEmpty(input: ReportInput, what: string): ReportInput {
  if (input.text.replace(/\s+/g, '').length < 20)
    throw new ReportInputError(msg('input_no_text', { what }));
  return input;
}

async function wordText(buf: Buffer): Promise<string> {
  try {
    return await docxText(buf);
  } catch {
    throw new ReportInputError(msg('input_bad_docx'));
  }
}

async function pdfLayerText(buf: Buffer): Promise<string> {
  let text: string;
  try {
    text = await pdfText(buf);
  } catch {
    throw new ReportInputError(msg('input_bad_pdf'));
  }
  if (text.replace(/\s+/g, '').length < 20) throw new ReportInputError(msg('pdf_no_text'));
  return text;
}

async function sheetText(buf: Buffer): Promise<string> {
  try {
    return await xlsxText(buf);
  } catch {
    throw new ReportInputError(msg('input_bad_xlsx'));
  }
}

/** The text of a report file; throws ReportInputError with the reason in Vietnamese. */
export async function readReportFile(buf: Buffer, name: string): Promise<ReportInput> {
  if (buf.length === 0) throw new ReportInputError(msg('input_empty'));
  if (buf.length > REPORT_LIMITS.fileBytes) throw new ReportInputError(msg('input_too_large'));
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'docx') return nonEmpty(plain(await wordText(buf)), msg('input_what_word'));
  if (ext === 'pdf') return nonEmpty(plain(await pdfLayerText(buf)), msg('input_what_pdf'));
  if (ext === 'xlsx') return nonEmpty(plain(await sheetText(buf)), msg('input_what_sheet'));
  if (ext === 'txt' || ext === 'md') {
    // a NUL byte: a binary file with a text name
    if (buf.includes(0)) throw new ReportInputError(msg('input_binary'));
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      return nonEmpty(plain(text), msg('input_what_file'));
    } catch (err) {
      if (err instanceof ReportInputError) throw err;
      throw new ReportInputError(msg('input_not_utf8'));
    }
  }
  throw new ReportInputError(msg('report_file_type', { name }));
}

/**
 * A report named on the command line: an http(s) link read as the chat reads it, or a file of
 * any kind the chat takes. Throws ReportInputError with the reason in Vietnamese.
 */
export async function readReportAt(where: string): Promise<ReportInput> {
  if (/^https?:\/\//i.test(where)) return readArticle(where);
  let buf: Buffer;
  try {
    buf = await readFile(where);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ReportInputError(
      msg(code === 'ENOENT' ? 'input_missing' : 'input_unreadable', { file: where }),
    );
  }
  return readReportFile(buf, basename(where));
}

/** The one link of a message that is nothing but a link, or null. */
export function lonelyLink(text: string): string | null {
  const t = text.trim();
  return /^https?:\/\/\S+$/i.test(t) && URL.canParse(t) ? t : null;
}

async function readBody(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > REPORT_LIMITS.pageBytes) {
      await reader.cancel();
      throw new ReportInputError(msg('input_page_too_large'));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function fetchPage(url: string, timeoutMs: number): Promise<Response> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!res.ok) throw new ReportInputError(msg('input_page_status', { status: res.status }));
    return res;
  } catch (err) {
    if (err instanceof ReportInputError) throw err;
    const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
    throw new ReportInputError(
      timedOut
        ? msg('input_page_timeout', { seconds: timeoutMs / 1000 })
        : msg('input_page_unreachable'),
    );
  }
}

/** The article behind a link: its title and readable text, with the page as the source. */
export async function readArticle(
  url: string,
  timeoutMs = REPORT_LIMITS.timeoutMs,
): Promise<ReportInput> {
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url))
    throw new ReportInputError('Chỉ mở được liên kết http:// hoặc https://.');
  const res = await fetchPage(url, timeoutMs);
  const type = res.headers.get('content-type') ?? '';
  if (!/text\/html|application\/xhtml/i.test(type))
    throw new ReportInputError(
      msg('input_not_a_page', { type: type.split(';')[0] || msg('input_type_unknown') }),
    );
  return articleOf(await readBody(res), url);
}

/** The article of a page already fetched: its title and readable text, tables kept. */
export function articleOf(html: string, url: string): ReportInput {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  // the article's HTML, so that its tables stay tables
  const text = article?.content ? htmlText(article.content) : (article?.textContent?.trim() ?? '');
  const input = { text, title: article?.title ?? null, url, publisher: new URL(url).hostname };
  return nonEmpty(input, msg('input_what_page'));
}
