/**
 * The webhook's HTTP server, made for the open internet behind the reverse proxy of deploy/:
 * it listens on WEBHOOK_HOST (127.0.0.1 unless told otherwise), checks the secret before it
 * reads a byte of the body, reads at most WEBHOOK_MAX_BODY (a Telegram update is a few KB),
 * gives headers and body WEBHOOK_TIMEOUT_MS to arrive, and holds at most
 * WEBHOOK_MAX_CONNECTIONS connections. A body that is not an update gets 400, the process stays.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';

export interface WebhookLimits {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly secret: string;
  readonly maxBody: number;
  readonly timeoutMs: number;
  readonly maxConnections: number;
}

class BodyError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body, up to `max` bytes: a longer one is refused as soon as it says or shows so. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) return Promise.reject(new BodyError(413));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new BodyError(413));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseUpdate(body: Buffer): Update {
  const update = JSON.parse(body.toString('utf8')) as Update;
  if (!update || typeof update !== 'object' || typeof update.update_id !== 'number')
    throw new BodyError(400);
  return update;
}

function end(res: ServerResponse, status: number, text = ''): void {
  if (!res.headersSent)
    res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
  res.end(text);
}

async function onUpdate(
  req: IncomingMessage,
  res: ServerResponse,
  limits: WebhookLimits,
  handle: (u: Update) => Promise<void>,
  log: Logger,
): Promise<void> {
  if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], limits.secret))
    return end(res, 401, 'unauthorized');
  let update: Update;
  try {
    update = parseUpdate(await readBody(req, limits.maxBody));
  } catch (err) {
    const status = err instanceof BodyError ? err.status : 400;
    log.warn({ status }, 'webhook: refused a request body');
    return end(res, status, status === 413 ? 'too large' : 'bad request');
  }
  await handle(update);
  end(res, 200);
}

/** Starts the server; `handle` answers one update (errors are the bot's own to report). */
export async function startWebhookServer(
  limits: WebhookLimits,
  handle: (u: Update) => Promise<void>,
  log: Logger,
): Promise<Server> {
  // Node checks request timeouts on an interval (30 s by default): as often as the timeout needs
  const interval = Math.max(50, Math.min(1_000, limits.timeoutMs / 2));
  const server = createServer({ connectionsCheckingInterval: interval }, (req, res) => {
    if (req.url === '/healthz') return end(res, 200, 'ok');
    if (req.method !== 'POST' || req.url !== limits.path) return end(res, 404);
    onUpdate(req, res, limits, handle, log).catch((err: unknown) => {
      log.error({ err: String(err).slice(0, 200) }, 'webhook: an update failed');
      end(res, 500);
    });
  });
  // slow clients: the headers and the whole request each get the timeout, then the socket goes
  server.headersTimeout = limits.timeoutMs;
  server.requestTimeout = limits.timeoutMs;
  server.keepAliveTimeout = Math.min(5_000, limits.timeoutMs);
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(limits.port, limits.host, () => resolve());
  });
  return server;
}
