/** Why a source or an item could not be read, in the admin's words (the message catalogue). */
import { ReportInputError } from '../admin/report-input.js';
import { msg } from '../messages.js';
import { NotAFeedError } from './feed.js';
import { SourceFetchError } from './polite-fetch.js';

export function failureText(err: unknown): string {
  if (err instanceof SourceFetchError)
    return msg(`source_fail_${err.code}`, { detail: err.detail || '-' });
  if (err instanceof NotAFeedError) return msg('source_fail_not_feed', { type: err.message });
  if (err instanceof ReportInputError) return err.message;
  return msg('source_fail_other', {
    detail: err instanceof Error ? err.message.slice(0, 200) : String(err),
  });
}
