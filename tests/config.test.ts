import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig, redact } from '../src/config.js';

const TOKEN = '123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
}

describe('configuration', () => {
  it('has working defaults without a token (terminal chat)', () => {
    const c = loadConfig({});
    expect(c.BOT_TOKEN).toBeUndefined();
    expect(c.LOG_LEVEL).toBe('info');
    expect(c.ADMIN_IDS).toEqual([]);
  });
  it('parses admin ids and the API root', () => {
    const c = loadConfig({
      BOT_TOKEN: TOKEN,
      ADMIN_IDS: '12, 34;56',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
    });
    expect(c.ADMIN_IDS).toEqual([12, 34, 56]);
    expect(c.TELEGRAM_API_ROOT).toBe('http://127.0.0.1:8081');
  });
  it('gives each bad value its own message', () => {
    const p = problems({
      BOT_TOKEN: 'abc',
      ADMIN_IDS: '12,bob',
      LOG_LEVEL: 'loud',
      TELEGRAM_API_ROOT: 'not a url',
      WEBHOOK_PORT: '99999',
    });
    expect(p.find((x) => x.startsWith('BOT_TOKEN'))).toContain('BotFather');
    expect(p.find((x) => x.startsWith('ADMIN_IDS'))).toContain('bob');
    expect(p.find((x) => x.startsWith('LOG_LEVEL'))).toContain('debug');
    expect(p.find((x) => x.startsWith('TELEGRAM_API_ROOT'))).toContain('URL');
    expect(p.find((x) => x.startsWith('WEBHOOK_PORT'))).toBeDefined();
  });
  it('watched sources: polite defaults, private hosts only as named, each bad value said', () => {
    const c = loadConfig({ SOURCES_ALLOW_PRIVATE: '10.0.0.5:8080, intranet.soct:443' });
    expect(c.SOURCES_ALLOW_PRIVATE).toEqual(['10.0.0.5:8080', 'intranet.soct:443']);
    expect(loadConfig({}).SOURCES_ALLOW_PRIVATE).toEqual([]);
    expect(loadConfig({}).SOURCES_USER_AGENT).toMatch(/^solieu-bot\//);
    const p = problems({ SOURCES_ALLOW_PRIVATE: '10.0.0.5', SOURCES_USER_AGENT: 'bot Sở CT' });
    expect(p.find((x) => x.startsWith('SOURCES_ALLOW_PRIVATE'))).toContain('host:cổng');
    expect(p.find((x) => x.startsWith('SOURCES_USER_AGENT'))).toContain('ASCII');
  });
  it('requires a secret for webhooks', () => {
    expect(problems({ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://example.org/tg' }).join()).toContain(
      'WEBHOOK_SECRET',
    );
  });
  it('never shows the token in what may be logged', () => {
    expect(JSON.stringify(redact(loadConfig({ BOT_TOKEN: TOKEN })))).not.toContain(TOKEN.slice(10));
  });
  it('an error message never carries the token', () => {
    expect(problems({ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'ftp://x' }).join()).not.toContain(TOKEN);
  });
});
