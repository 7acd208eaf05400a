/**
 * The text of a report in the forms admins have it: a .txt, a Word .docx (tables included), a
 * PDF with a text layer, or a link to the article (fetched with a timeout and a size limit, its
 * text taken by Mozilla's Readability). What cannot be read gets a clear Vietnamese reason.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { msg } from '../messages.js';

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

async function docxText(buf: Buffer): Promise<string> {
  try {
    return (await mammoth.extractRawText({ buffer: buf })).value;
  } catch {
    throw new ReportInputError(msg('input_bad_docx'));
  }
}

async function pdfText(buf: Buffer): Promise<string> {
  let text: string;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(buf));
    text = (await extractText(pdf, { mergePages: true })).text;
  } catch {
    throw new ReportInputError(msg('input_bad_pdf'));
  }
  if (text.replace(/\s+/g, '').length < 20) throw new ReportInputError(msg('pdf_no_text'));
  return text;
}

/** The text of a report file; throws ReportInputError with the reason in Vietnamese. */
export async function readReportFile(buf: Buffer, name: string): Promise<ReportInput> {
  if (buf.length === 0) throw new ReportInputError(msg('input_empty'));
  if (buf.length > REPORT_LIMITS.fileBytes) throw new ReportInputError(msg('input_too_large'));
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'docx') return nonEmpty(plain(await docxText(buf)), msg('input_what_word'));
  if (ext === 'pdf') return nonEmpty(plain(await pdfText(buf)), msg('input_what_pdf'));
  if (ext === 'txt' || ext === 'md') {
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
  const html = await readBody(res);
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  const text = article?.textContent?.trim() ?? '';
  const input = { text, title: article?.title ?? null, url, publisher: new URL(url).hostname };
  return nonEmpty(input, msg('input_what_page'));
}
