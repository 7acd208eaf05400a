/** `npm start` as a user runs it: the terminal chat without a token, polling with one. */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_FACTS, PROJECT_ROOT } from '../../src/paths.js';
import { tempDir } from '../helpers.js';
import { BotApiEmulator } from '../support/bot-api-emulator.js';

describe('npm start', () => {
  it('without BOT_TOKEN: says how to get one and opens the terminal chat on the bundled data', () => {
    const env = { ...process.env };
    delete env.BOT_TOKEN;
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env,
      input: 'xuất khẩu Kiên Giang tháng 4/2020\ncòn nhập khẩu?\nthoát\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('@BotFather');
    expect(r.stdout).toContain('43,7 triệu USD');
    expect(r.stdout).toContain('18,5 triệu USD');
  });

  it('with a malformed setting: one clear message per problem, exit 1', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BOT_TOKEN: 'nope', LOG_LEVEL: 'loud' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BOT_TOKEN');
    expect(r.stderr).toContain('LOG_LEVEL');
  });

  it('with BOT_TOKEN: polls the Bot API, answers, stops on SIGTERM', async () => {
    const api = await new BotApiEmulator().start();
    const { dir, cleanup } = tempDir('solieu-start-');
    try {
      const facts = join(dir, 'facts.json');
      copyFileSync(BUNDLED_FACTS, facts);
      const token = '123456789:STARTtokenSTARTtokenSTARTtokenSTART';
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          BOT_TOKEN: token,
          TELEGRAM_API_ROOT: api.url,
          FACTS_PATH: facts,
          STATE_DIR: join(dir, 'state'),
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += String(d);
      });
      await api.waitFor((calls) => calls.some((c) => c.method === 'deleteWebhook'), 30_000);
      api.message(11, 'bán lẻ Lạng Sơn 6 tháng 2020');
      await api.waitFor(
        (calls) =>
          calls.some((c) => c.method === 'sendMessage' && String(c.params.text).includes('9.316')),
        30_000,
      );
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('polling');
      expect(out).not.toContain(token.split(':')[1]);
    } finally {
      await api.stop();
      cleanup();
    }
  }, 60_000);

  it('a failing Bot API at start: says why, without the token, and exits non-zero', async () => {
    const api = await new BotApiEmulator().start();
    const token = '123456789:FAILtokenFAILtokenFAILtokenFAILtoken';
    // the API echoes the request path, token included, in its error
    api.fail('getMe', { code: 400, description: `Bad Request: /bot${token}/getMe` }, 50);
    try {
      const r = await runMain({ BOT_TOKEN: token, TELEGRAM_API_ROOT: api.url });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('Lỗi khởi động');
      expect(r.stderr + r.stdout).not.toContain(token.split(':')[1]);
    } finally {
      await api.stop();
    }
  }, 60_000);

  it('an unreachable Bot API: exits non-zero within 30 s, saying so', async () => {
    const t0 = Date.now();
    const r = await runMain({
      BOT_TOKEN: '123456789:DOWNtokenDOWNtokenDOWNtokenDOWNtoken',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    });
    expect(r.code).not.toBe(0);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.stderr).toContain('Lỗi khởi động');
  }, 60_000);
});

describe('start deadlines that hold (15 s from the process start), naming the part', () => {
  let hang: Server;
  let bad: HttpServer;
  let hangPort = 0;
  let badPort = 0;
  beforeAll(async () => {
    // accepts the connection and never says a word: a Bot API or a database that hangs
    hang = createNetServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    hangPort = (hang.address() as AddressInfo).port;
    bad = createHttpServer((_req, res) => res.writeHead(502).end('bad gateway'));
    await new Promise<void>((r) => bad.listen(0, '127.0.0.1', r));
    badPort = (bad.address() as AddressInfo).port;
  });
  afterAll(() => {
    hang.close();
    bad.close();
  });

  it.each([
    [
      'a hanging Bot API',
      () => ({ TELEGRAM_API_ROOT: `http://127.0.0.1:${hangPort}` }),
      'Telegram Bot API',
    ],
    [
      'a Bot API answering 502',
      () => ({ TELEGRAM_API_ROOT: `http://127.0.0.1:${badPort}` }),
      'Telegram Bot API',
    ],
    [
      'a hanging database',
      () => ({ DATABASE_URL: `postgres://solieu:bi-mat-0123@127.0.0.1:${hangPort}/solieu` }),
      'cơ sở dữ liệu',
    ],
  ])(
    '%s',
    async (_name, env, part) => {
      const t0 = Date.now();
      const r = await runMain({
        BOT_TOKEN: '123456789:HANGtokenHANGtokenHANGtokenHANGtoken',
        ...env(),
      });
      const took = Date.now() - t0;
      expect(r.code).toBe(1);
      expect(took).toBeLessThan(16_000);
      expect(r.stderr).toContain('Lỗi khởi động');
      expect(r.stderr).toContain(part);
      expect(r.stderr).not.toContain('bi-mat-0123');
      expect(r.stderr).not.toContain('HANGtoken');
    },
    60_000,
  );
});

function runMain(env: Record<string, string>) {
  const { dir, cleanup } = tempDir('solieu-start-fail-');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, STATE_DIR: join(dir, 'state'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => {
      cleanup();
      resolve({ code, stdout, stderr });
    }),
  );
}
