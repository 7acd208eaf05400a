/**
 * A small Telegram Bot API emulator on 127.0.0.1 for tests and benchmarks: long-polled
 * getUpdates, the sending methods this bot uses (including multipart sendPhoto and
 * document downloads), a record of every call, and injected failures (429, 403, 5xx).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly at: number;
  readonly multipart: boolean;
  ok: boolean;
}
export type Failure =
  | { code: 429; retry_after: number }
  | { code: 403 | 400 | 500 | 502; description?: string };

export const BOT_USER = {
  id: 999000,
  is_bot: true,
  first_name: 'Số Liệu',
  username: 'solieu_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

export class BotApiEmulator {
  readonly calls: Call[] = [];
  private server: Server | null = null;
  private updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private waiters: (() => void)[] = [];
  private failures: { method: string; failure: Failure; times: number; chatId?: number }[] = [];
  private readonly files = new Map<string, Buffer>();
  private listeners: ((c: Call) => void)[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer(
      (req, res) =>
        void this.route(req).then(({ status, body, raw }) => {
          if (raw) {
            res.writeHead(status, { 'content-type': 'application/octet-stream' }).end(raw);
            return;
          }
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        }),
    );
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  /** Queues an update (update_id is filled in) for getUpdates. */
  push(update: Record<string, unknown>): number {
    const id = this.nextUpdateId++;
    this.updates.push({ update_id: id, ...update });
    for (const w of this.waiters.splice(0)) w();
    return id;
  }

  message(chatId: number, text: string, extra: Record<string, unknown> = {}): number {
    const chat = extra.chat ?? { id: chatId, type: 'private', first_name: 'Lan' };
    return this.push({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat,
        from: { id: chatId, is_bot: false, first_name: 'Lan', language_code: 'vi' },
        text,
        ...(text.startsWith('/')
          ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
          : {}),
        ...extra,
      },
    });
  }

  addFile(fileId: string, content: Buffer): void {
    this.files.set(fileId, content);
  }

  /** The next `times` calls of `method` (optionally to one chat) fail this way. */
  fail(method: string, failure: Failure, times = 1, chatId?: number): void {
    this.failures.push({ method, failure, times, ...(chatId !== undefined ? { chatId } : {}) });
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls of `method` that succeeded (what a user actually received). */
  delivered(method: string): Call[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  onCall(listener: (c: Call) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves when `predicate` holds for the recorded calls. */
  async waitFor(predicate: (calls: Call[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > until)
        throw new Error(
          `emulator: condition not met in ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async route(
    req: IncomingMessage,
  ): Promise<{ status: number; body?: unknown; raw?: Buffer }> {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = /^\/file\/bot[^/]+\/(.+)$/.exec(url.pathname);
    if (file) {
      const content = this.files.get(decodeURIComponent(file[1]!));
      return content
        ? { status: 200, raw: content }
        : { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!m) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    const method = m[2]!;
    const raw = await readBody(req);
    const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/');
    const params = multipart
      ? parseMultipart(raw)
      : raw.length
        ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>)
        : Object.fromEntries(url.searchParams);
    const call: Call = { method, params, at: performance.now(), multipart, ok: true };
    if (method !== 'getUpdates') {
      this.calls.push(call);
      for (const l of this.listeners) l(call);
    }
    const failure = this.takeFailure(method, params);
    if (failure) {
      call.ok = false;
      const description =
        failure.code === 429
          ? `Too Many Requests: retry after ${failure.retry_after}`
          : (failure.description ??
            (failure.code === 403
              ? 'Forbidden: bot was blocked by the user'
              : 'Internal Server Error'));
      return {
        status: failure.code,
        body: {
          ok: false,
          error_code: failure.code,
          description,
          ...(failure.code === 429 ? { parameters: { retry_after: failure.retry_after } } : {}),
        },
      };
    }
    return { status: 200, body: { ok: true, result: await this.result(method, params) } };
  }

  private takeFailure(method: string, params: Record<string, unknown>): Failure | null {
    const i = this.failures.findIndex(
      (f) => f.method === method && (f.chatId === undefined || Number(params.chat_id) === f.chatId),
    );
    if (i < 0) return null;
    const f = this.failures[i]!;
    if (--f.times <= 0) this.failures.splice(i, 1);
    return f.failure;
  }

  private async result(method: string, p: Record<string, unknown>): Promise<unknown> {
    const chat = { id: Number(p.chat_id), type: Number(p.chat_id) < 0 ? 'group' : 'private' };
    const date = Math.floor(Date.now() / 1000);
    switch (method) {
      case 'getMe':
        return BOT_USER;
      case 'getUpdates': {
        const offset = Number(p.offset ?? 0);
        this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);
        if (!this.updates.length && Number(p.timeout ?? 0) > 0) {
          await new Promise<void>((r) => {
            const t = setTimeout(r, Math.min(Number(p.timeout), 2) * 1000);
            this.waiters.push(() => {
              clearTimeout(t);
              r();
            });
          });
        }
        return this.updates.slice(0, Number(p.limit ?? 100));
      }
      case 'sendMessage':
        return { message_id: this.nextMessageId++, date, chat, from: BOT_USER, text: p.text };
      case 'sendPhoto':
        return {
          message_id: this.nextMessageId++,
          date,
          chat,
          from: BOT_USER,
          photo: [{ file_id: 'photo1', file_unique_id: 'u1', width: 1000, height: 600 }],
          caption: p.caption,
        };
      case 'sendDocument':
        return {
          message_id: this.nextMessageId++,
          date,
          chat,
          from: BOT_USER,
          document: { file_id: `doc${this.nextMessageId}`, file_unique_id: 'd' },
        };
      case 'editMessageText':
        return { message_id: Number(p.message_id), date, chat, from: BOT_USER, text: p.text };
      case 'getFile':
        return this.files.has(String(p.file_id))
          ? {
              file_id: p.file_id,
              file_unique_id: 'f',
              file_size: this.files.get(String(p.file_id))!.length,
              file_path: p.file_id,
            }
          : Promise.reject(new Error('no file'));
      default:
        return true;
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Enough multipart parsing for tests: text fields as strings, files as their byte length. */
function parseMultipart(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('latin1');
  const files: { name: string; bytes: number; head: string }[] = [];
  const out: Record<string, unknown> = { files };
  for (const part of text.split(/--[^\r\n]+\r\n/)) {
    const name = /name="([^"]+)"/.exec(part)?.[1];
    if (!name) continue;
    const body = part
      .slice(part.indexOf('\r\n\r\n') + 4)
      .replace(/\r\n$/, '')
      .replace(/\r\n--[^\r\n]*--\r\n?$/, '');
    if (/filename=/.test(part)) files.push({ name, bytes: body.length, head: body.slice(0, 8) });
    else out[name] = Buffer.from(body, 'latin1').toString('utf8');
  }
  return out;
}
