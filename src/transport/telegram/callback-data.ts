/**
 * Button payloads: one typed, versioned codec for every feature. A payload says what the button
 * does in itself (the question it asks, the place it subscribes to), so that it means the same
 * after a restart and never acts on something else; a question too long for Telegram's 64 bytes
 * travels as a hash of itself, which after a restart is "expired", never another question.
 * An unknown or older payload decodes to null: the button has expired.
 */
import { msgFor } from '../../messages.js';
import { createHash } from 'node:crypto';

export type Action =
  | { readonly kind: 'ask'; readonly question: string }
  | { readonly kind: 'ask-hash'; readonly hash: string }
  | { readonly kind: 'sub-place'; readonly place: string }
  | { readonly kind: 'sub-indicator'; readonly place: string; readonly indicator: string | null }
  | { readonly kind: 'sub-back' }
  | { readonly kind: 'unsub'; readonly place: string | null; readonly indicator: string | null }
  | { readonly kind: 'upload'; readonly apply: boolean; readonly id: string }
  | { readonly kind: 'report-place'; readonly id: string; readonly place: string }
  /** /khoiphuc confirmed (or not) while `current` is still the latest version. */
  | { readonly kind: 'restore'; readonly apply: boolean; readonly current: number }
  /** A watched source's queued item skipped, or every waiting item of its source applied. */
  | { readonly kind: 'queue'; readonly act: 'skip' | 'all'; readonly id: number };

const VERSION = 'v2';
const MAX_BYTES = 64;
const ID = /^[a-z0-9_*-]{1,40}$/;

/** A short, stable name for a long question. */
export function questionHash(question: string): string {
  return createHash('sha256').update(question).digest('base64url').slice(0, 16);
}

function fields(a: Action): string[] {
  switch (a.kind) {
    case 'ask':
      return ['q', a.question];
    case 'ask-hash':
      return ['h', a.hash];
    case 'sub-place':
      return ['sp', a.place];
    case 'sub-indicator':
      return ['si', a.place, a.indicator ?? '*'];
    case 'sub-back':
      return ['sb'];
    case 'unsub':
      return ['us', a.place ?? '*', a.indicator ?? '*'];
    case 'upload':
      return ['up', a.apply ? 'ok' : 'no', a.id];
    case 'report-place':
      return ['rp', a.id, a.place];
    case 'restore':
      return ['rs', a.apply ? 'ok' : 'no', String(a.current)];
    case 'queue':
      return ['qu', a.act, String(a.id)];
  }
}

/** The payload of a button; a question over 64 bytes becomes its hash. */
export function encode(a: Action): string {
  const data = [VERSION, ...fields(a)].join('|');
  if (Buffer.byteLength(data) <= MAX_BYTES) return data;
  if (a.kind === 'ask') return encode({ kind: 'ask-hash', hash: questionHash(a.question) });
  throw new Error(`callback data over ${MAX_BYTES} bytes: ${a.kind}`);
}

const star = (s: string | undefined) => (s === '*' ? null : (s ?? null));
const ids = (...xs: (string | undefined)[]) => xs.every((x) => x !== undefined && ID.test(x));

function actionOf(tag: string, f: string[], rest: string): Action | null {
  const [a, b] = f;
  switch (tag) {
    case 'q':
      return rest ? { kind: 'ask', question: rest } : null;
    case 'h':
      return a && /^[\w-]{16}$/.test(a) ? { kind: 'ask-hash', hash: a } : null;
    case 'sp':
      return ids(a) ? { kind: 'sub-place', place: a! } : null;
    case 'si':
      return ids(a, b) ? { kind: 'sub-indicator', place: a!, indicator: star(b) } : null;
    case 'sb':
      return { kind: 'sub-back' };
    case 'us':
      return ids(a, b) ? { kind: 'unsub', place: star(a), indicator: star(b) } : null;
    case 'up':
      return (a === 'ok' || a === 'no') && ids(b)
        ? { kind: 'upload', apply: a === 'ok', id: b! }
        : null;
    case 'rp':
      return ids(a, b) ? { kind: 'report-place', id: a!, place: b! } : null;
    case 'rs':
      return (a === 'ok' || a === 'no') && /^\d{1,9}$/.test(b ?? '')
        ? { kind: 'restore', apply: a === 'ok', current: Number(b) }
        : null;
    case 'qu':
      return (a === 'skip' || a === 'all') && /^\d{1,9}$/.test(b ?? '')
        ? { kind: 'queue', act: a, id: Number(b) }
        : null;
    default:
      return null;
  }
}

/** A question's button payload, and the hash stored for it when it travels as one. */
export function questionPayload(question: string): { data: string; hash: string | null } {
  const data = encode({ kind: 'ask', question });
  const action = decode(data);
  return { data, hash: action?.kind === 'ask-hash' ? action.hash : null };
}

/** The action of a payload, or null when it is unknown, malformed or of an older version. */
export function decode(data: string | undefined): Action | null {
  if (!data) return null;
  const parts = data.split('|');
  if (parts[0] !== VERSION || parts.length < 2) return null;
  const rest = parts.slice(2).join('|');
  return actionOf(parts[1]!, parts.slice(2), rest);
}

/** What an unknown or expired button says, in the language of the client that pressed it. */
export const expired = (ctx: { from?: { language_code?: string | undefined } | undefined }) =>
  msgFor(ctx.from?.language_code, 'button_expired');
