/**
 * The webhook server on the open side of the proxy (issue 22): a body over the limit refused
 * before it is read whole, slow clients cut at the timeout, a connection cap, and the loopback
 * address unless told otherwise. Real sockets on 127.0.0.1.
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { startWebhookServer } from '../src/transport/telegram/webhook-server.js';
import { freePort } from './support/postgres.js';
import type { Server } from 'node:http';

const SECRET = 'limits-secret-0123456789';
const handled: number[] = [];
let server: Server;
let port = 0;

beforeAll(async () => {
  port = await freePort();
  server = await startWebhookServer(
    {
      ...{ host: '127.0.0.1', port, path: '/tg', secret: SECRET },
      ...{ maxBody: 64 * 1024, timeoutMs: 600, maxConnections: 5 },
    },
    async (u) => {
      handled.push(u.update_id);
    },
    createLogger('silent', []),
  );
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };

/** A raw socket that sends `head` and waits to be closed by the server (or gives up). */
function openSocket(head: string): Promise<{ socket: Socket; closed: Promise<string> }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      let got = '';
      socket.on('data', (d) => (got += d));
      const closed = new Promise<string>((r) => socket.on('close', () => r(got)));
      resolve({ socket, closed });
    });
    socket.on('error', () => undefined);
  });
}

describe('webhook limits', () => {
  it('listens on the loopback address by default', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('answers an update within the limit', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/tg`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ update_id: 7 }),
    });
    expect(res.status).toBe(200);
    expect(handled).toContain(7);
  });

  it('refuses a body over the limit with 413, declared or not, without reading it whole', async () => {
    const big = `{"update_id": 8, "pad": "${'x'.repeat(200 * 1024)}"}`;
    const declared = await fetch(`http://127.0.0.1:${port}/tg`, {
      method: 'POST',
      headers,
      body: big,
    });
    expect(declared.status).toBe(413);
    // chunked, no length said: cut as soon as it passes the limit
    const { socket, closed } = await openSocket(
      `POST /tg HTTP/1.1\r\nHost: x\r\nx-telegram-bot-api-secret-token: ${SECRET}\r\ntransfer-encoding: chunked\r\n\r\n`,
    );
    for (let i = 0; i < 100 && !socket.destroyed; i++)
      socket.write(`4000\r\n${'y'.repeat(0x4000)}\r\n`);
    expect(await closed).toMatch(/^HTTP\/1\.1 413|^$/);
    expect(handled).not.toContain(8);
  });

  it('refuses a body before reading it when the secret is wrong', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/tg`, {
      method: 'POST',
      headers: { ...headers, 'x-telegram-bot-api-secret-token': 'wrong-secret-0000000000' },
      body: JSON.stringify({ update_id: 9 }),
    });
    expect(res.status).toBe(401);
  });

  it('cuts a client that sends its body too slowly', async () => {
    const started = Date.now();
    const { closed } = await openSocket(
      `POST /tg HTTP/1.1\r\nHost: x\r\nx-telegram-bot-api-secret-token: ${SECRET}\r\ncontent-length: 100\r\n\r\n{"upd`,
    );
    await closed;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cuts a client that never finishes its headers', async () => {
    const started = Date.now();
    const { closed } = await openSocket('POST /tg HTTP/1.1\r\nHost: x\r\n');
    await closed;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('holds no more connections than its cap', async () => {
    const idle = await Promise.all(Array.from({ length: 5 }, () => openSocket('')));
    const extra = await openSocket('');
    const dropped = await Promise.race([
      extra.closed.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 400)),
    ]);
    expect(dropped).toBe(true);
    for (const s of idle) s.socket.destroy();
  });
});
