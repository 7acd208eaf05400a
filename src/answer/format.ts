/** HTML for replies (escaping, bold, the source with its link) and its plain-text form. */
import type { Period, PeriodQuery } from '../domain/period.js';
import type { Source } from '../store/schema.js';
import { vi, type Words } from './words.js';

/** Vietnamese wording for the callers that write only Vietnamese (admins' previews, data tools). */
export const formatNumber = (n: number): string => vi().number(n);
export const formatAmount = (value: number, unit: string): string => vi().amount(value, unit);
export const placeName = (id: string): string => vi().place(id);
export const indicatorName = (id: string): string => vi().indicator(id);
export const periodText = (p: Period | PeriodQuery): string => vi().period(p);

/** The source with a link (http/https only: the schema refuses anything else). */
export function sourceHtml(s: Source, w: Words): string {
  const label = escapeHtml(
    [s.publisher, s.title ? `“${s.title}”` : null].filter(Boolean).join(', '),
  );
  const linked =
    s.url && /^https?:\/\//i.test(s.url) ? `<a href="${escapeHtml(s.url)}">${label}</a>` : label;
  return `${linked}, ${escapeHtml(w.sourceDate(s.date))}`;
}

export function sourceText(s: Source, w: Words): string {
  return [s.publisher, s.title ? `“${s.title}”` : null, w.sourceDate(s.date)]
    .filter(Boolean)
    .join(', ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** The plain text of a reply's HTML (what `npm run ask` prints). */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '$2 ($1)')
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(lt|gt|quot|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!,
    );
}

export const bold = (s: string) => `<b>${escapeHtml(s)}</b>`;
export const italic = (s: string) => `<i>${escapeHtml(s)}</i>`;
