/**
 * Configuration: read once from the environment at start-up and checked by a zod schema.
 * Every missing or malformed value gets its own Vietnamese message. The token is never
 * printed: `redact` is what may reach a log.
 */
import { msg } from './messages.js';
import { z } from 'zod';
import { BUNDLED_FACTS, PROJECT_ROOT } from './paths.js';

const idList = z
  .string()
  .trim()
  .default('')
  .transform((s, ctx) => {
    const ids = s.split(/[\s,;]+/).filter(Boolean);
    const bad = ids.filter((x) => !/^\d{1,15}$/.test(x));
    if (bad.length)
      ctx.addIssue({
        code: 'custom',
        message: msg('config_admin_ids', { bad: bad.join(', ') }),
      });
    return ids.map(Number);
  });

const ConfigSchema = z
  .object({
    BOT_TOKEN: z
      .string()
      .trim()
      .regex(/^\d{5,16}:[A-Za-z0-9_-]{30,}$/, msg('config_bot_token'))
      .optional(),
    ADMIN_IDS: idList,
    TELEGRAM_API_ROOT: z.string().url(msg('config_api_root')).optional(),
    FACTS_PATH: z.string().min(1).default(BUNDLED_FACTS),
    STATE_DIR: z.string().min(1).default(`${PROJECT_ROOT}state`),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: msg('config_log_level'),
      })
      .default('info'),
    WEBHOOK_URL: z
      .string()
      .url(msg('config_webhook_url'))
      .refine(
        (u) => u.startsWith('https://') || u.startsWith('http://127.0.0.1'),
        msg('config_webhook_https'),
      )
      .optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, msg('config_webhook_secret'))
      .optional(),
    WEBHOOK_PORT: z.coerce
      .number()
      .int()
      .min(1)
      .max(65535, msg('config_webhook_port'))
      .default(8080),
    /** Where the webhook listens: the reverse proxy's side (deploy/), not every interface. */
    WEBHOOK_HOST: z.string().min(1).default('127.0.0.1'),
    /** A Telegram update is a few KB: a larger body is refused before it is read. */
    WEBHOOK_MAX_BODY: z.coerce.number().int().min(1024).max(20_000_000).default(1_048_576),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    WEBHOOK_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(100),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, msg('config_database_url'))
      .optional(),
    /** This replica's name in the shared push queue (default: host name and process id). */
    REPLICA_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, msg('config_replica_id'))
      .optional(),
    PUSH_CRON: z.string().default('0 8 5 * *'),
    PUSH_RATE: z.coerce.number().positive(msg('config_push_rate')).max(1000).default(25),
    /** When the watcher looks for due sources, and when admins get the day's digest. */
    SOURCES_POLL_CRON: z.string().default('*/5 * * * *'),
    SOURCES_DIGEST_CRON: z.string().default('0 8 * * *'),
    /** "host:port" pairs a source may be on although private (an intranet); none by default. */
    SOURCES_ALLOW_PRIVATE: z
      .string()
      .default('')
      .transform((s) => s.split(/[\s,;]+/).filter(Boolean))
      .refine(
        (xs) => xs.every((x) => /^[\w.:[\]-]+:\d{1,5}$/.test(x)),
        msg('config_sources_allow'),
      ),
    SOURCES_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
    SOURCES_USER_AGENT: z
      .string()
      .regex(/^[\x20-\x7e]{8,200}$/, msg('config_sources_agent'))
      .default('solieu-bot/1.0 (Telegram bot on Vietnamese trade and industry statistics)'),
  })
  .superRefine((c, ctx) => {
    if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: msg('config_needs_secret'),
      });
    if (c.WEBHOOK_URL && !c.BOT_TOKEN)
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_TOKEN'],
        message: msg('config_needs_token'),
      });
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(msg('config_invalid', { problems: problems.map((p) => `  - ${p}`).join('\n') }));
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || msg('config_word')}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** What of the config may be logged: the token and the webhook secret are masked. */
export function redact(c: Config): Record<string, unknown> {
  return {
    ...c,
    BOT_TOKEN: c.BOT_TOKEN ? '***' : undefined,
    WEBHOOK_SECRET: c.WEBHOOK_SECRET ? '***' : undefined,
    DATABASE_URL: c.DATABASE_URL ? maskPassword(c.DATABASE_URL) : undefined,
  };
}

/** postgres://user:***@host:5432/db: the password never reaches a log. */
export function maskPassword(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** Every secret of the config, masked in every log line: the token, the webhook secret, the
 * database URL and its password. */
export function secretsOf(c: Config): string[] {
  const password = c.DATABASE_URL
    ? /^postgres(?:ql)?:\/\/[^:/@]*:([^@]*)@/.exec(c.DATABASE_URL)
    : null;
  return [
    c.BOT_TOKEN,
    c.WEBHOOK_SECRET,
    c.DATABASE_URL,
    password?.[1] && decodeURIComponent(password[1]),
  ].filter((s): s is string => !!s);
}
