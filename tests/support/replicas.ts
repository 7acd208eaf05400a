/**
 * Bot replicas as real processes (`src/main.ts` in webhook mode on PostgreSQL), each on its own
 * port, for the replica tests and `npm run bench:replicas`. Updates are POSTed to a replica as a
 * load balancer would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REPLICA_TOKEN = '123456789:REPLICAtokenREPLICAtokenREPLICAtoken';
export const REPLICA_SECRET = 'replica-webhook-secret-0123';

export interface Replica {
  readonly name: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Everything the process wrote (its log), for a failing test to show. */
  readonly output: string[];
  post(update: Record<string, unknown>): Promise<number>;
  exited(): Promise<number | null>;
}

export interface ReplicaOptions {
  readonly name: string;
  readonly databaseUrl: string;
  readonly apiRoot: string;
  readonly adminIds?: readonly number[];
  readonly env?: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof when profiling a replica). */
  readonly nodeArgs?: readonly string[];
}

export async function startReplica(o: ReplicaOptions): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...{ BOT_TOKEN: REPLICA_TOKEN, TELEGRAM_API_ROOT: o.apiRoot, DATABASE_URL: o.databaseUrl },
      ...{ WEBHOOK_URL: `http://127.0.0.1:${port}/tg`, WEBHOOK_SECRET: REPLICA_SECRET },
      ...{ WEBHOOK_PORT: String(port), REPLICA_ID: o.name, LOG_LEVEL: 'warn' },
      STATE_DIR: mkdtempSync(join(tmpdir(), `solieu-${o.name}-`)),
      ADMIN_IDS: (o.adminIds ?? []).join(','),
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await waitHealthy(port, exit, output);
  return {
    ...{ name: o.name, port, process: child, output },
    post: async (update) => {
      const res = await fetch(`http://127.0.0.1:${port}/tg`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': REPLICA_SECRET,
        },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      return res.status;
    },
    exited: () => exit,
  };
}

async function waitHealthy(port: number, exit: Promise<unknown>, output: string[]): Promise<void> {
  let gone = false;
  void exit.then(() => {
    gone = true;
  });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (gone) throw new Error(`replica exited at start:\n${output.join('')}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`replica not healthy in 30 s:\n${output.join('')}`);
}

let nextUpdate = 1;
/** A private-chat text message update, as Telegram would POST it. */
export function textUpdate(chatId: number, text: string): Record<string, unknown> {
  const id = nextUpdate++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Lan' },
      from: { id: chatId, is_bot: false, first_name: 'Lan', language_code: 'vi' },
      text,
      ...(text.startsWith('/')
        ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
        : {}),
    },
  };
}
