/**
 * The one way the watcher reads the web: http(s) only, a User-Agent naming the bot, a time and
 * a size limit, conditional requests (ETag, Last-Modified), redirects followed by hand so that
 * each hop is checked, and no connection to a private, loopback or link-local address (checked
 * on the address the name resolves to, when connecting, so a name cannot be re-pointed between
 * the check and the request). Hosts an operator allows (SOURCES_ALLOW_PRIVATE) are exempt.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

export type FetchFailure =
  | 'not_http'
  | 'private'
  | 'timeout'
  | 'too_large'
  | 'status'
  | 'unreachable'
  | 'redirects'
  | 'robots';

export class SourceFetchError extends Error {
  constructor(
    readonly code: FetchFailure,
    readonly detail: string = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

export interface PoliteOptions {
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** "host:port" pairs that may be private (an intranet, the tests' 127.0.0.1). */
  readonly allowPrivate: readonly string[];
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly accept?: string;
}

export interface PoliteResponse {
  readonly status: number;
  readonly url: string;
  readonly contentType: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly body: Buffer;
}

const MAX_REDIRECTS = 5;

const PRIVATE = (() => {
  const b = new BlockList();
  for (const [net, bits] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 3],
  ] as const)
    b.addSubnet(net, bits, 'ipv4');
  for (const [net, bits] of [
    ['::', 127],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const)
    b.addSubnet(net, bits, 'ipv6');
  return b;
})();

/** A loopback, private, link-local, shared, multicast or unspecified address (v4-mapped too). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (!family) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup, refusing a name that resolves to a private address. */
function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(new SourceFetchError('private', hostname), []);
    if ((options as { all?: boolean }).all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

function checkTarget(url: URL, allow: readonly string[]): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SourceFetchError('not_http', url.protocol);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allow.includes(`${host}:${port}`)) return false;
  if (isIP(host) && isPrivateAddress(host)) throw new SourceFetchError('private', host);
  return true;
}

function headersOf(o: PoliteOptions): Record<string, string> {
  const h: Record<string, string> = { 'user-agent': o.userAgent, accept: o.accept ?? '*/*' };
  if (o.etag) h['if-none-match'] = o.etag;
  if (o.lastModified) h['if-modified-since'] = o.lastModified;
  return h;
}

function bodyOf(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        res.destroy();
        reject(new SourceFetchError('too_large', String(maxBytes)));
      } else chunks.push(c);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });
}

function failureOf(err: unknown, timedOut: boolean): SourceFetchError {
  if (err instanceof SourceFetchError) return err;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof SourceFetchError) return cause;
  if (timedOut) return new SourceFetchError('timeout');
  return new SourceFetchError('unreachable', (err as NodeJS.ErrnoException).code ?? '');
}

type Answer = PoliteResponse & { location: string | null };

function answerOf(url: URL, res: IncomingMessage, body: Buffer): Answer {
  const h = (n: string) => (res.headers[n] as string | undefined) ?? null;
  return {
    ...{ status: res.statusCode ?? 0, url: url.href, contentType: h('content-type') ?? '', body },
    ...{ etag: h('etag'), lastModified: h('last-modified'), location: h('location') },
  };
}

/** One request, no redirect followed: the response and its body (or the Location). */
function once(url: URL, o: PoliteOptions, guard: boolean): Promise<Answer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const req = send(url, {
      headers: headersOf(o),
      ...(guard ? { lookup: guardedLookup as never } : {}),
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new SourceFetchError('timeout'));
    }, o.timeoutMs);
    const fail = (e: unknown) => {
      clearTimeout(timer);
      reject(failureOf(e, timedOut));
    };
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const redirect = status >= 300 && status < 400;
      if (redirect) res.resume();
      const body = redirect ? Promise.resolve(Buffer.alloc(0)) : bodyOf(res, o.maxBytes);
      body.then((b) => {
        clearTimeout(timer);
        resolve(answerOf(url, res, b));
      }, fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** GET with the checks above; a 304 comes back as is, any other non-2xx is a failure. */
export async function politeGet(address: string, o: PoliteOptions): Promise<PoliteResponse> {
  if (!URL.canParse(address)) throw new SourceFetchError('not_http', address.slice(0, 60));
  let url = new URL(address);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await once(url, o, checkTarget(url, o.allowPrivate));
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      if (!res.location) throw new SourceFetchError('status', String(res.status));
      url = new URL(res.location, url);
      continue;
    }
    if (res.status !== 304 && (res.status < 200 || res.status >= 300))
      throw new SourceFetchError('status', String(res.status));
    const { location: _l, ...rest } = res;
    return rest;
  }
  throw new SourceFetchError('redirects', String(MAX_REDIRECTS));
}
