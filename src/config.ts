/**
 * Configuration: read once from the environment at start-up and checked by a zod schema.
 * Every missing or malformed value gets its own Vietnamese message. The token is never
 * printed: `redact` is what may reach a log.
 */
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
        message: `ADMIN_IDS phải là các số id Telegram cách nhau bằng dấu phẩy; không hợp lệ: ${bad.join(', ')}`,
      });
    return ids.map(Number);
  });

const ConfigSchema = z
  .object({
    BOT_TOKEN: z
      .string()
      .trim()
      .regex(
        /^\d{5,16}:[A-Za-z0-9_-]{30,}$/,
        'BOT_TOKEN không đúng dạng "123456789:ABC…" do BotFather cấp',
      )
      .optional(),
    ADMIN_IDS: idList,
    TELEGRAM_API_ROOT: z
      .string()
      .url('TELEGRAM_API_ROOT phải là một URL, ví dụ http://127.0.0.1:8081')
      .optional(),
    FACTS_PATH: z.string().min(1).default(BUNDLED_FACTS),
    STATE_DIR: z.string().min(1).default(`${PROJECT_ROOT}state`),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'LOG_LEVEL phải là một trong: fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    WEBHOOK_URL: z
      .string()
      .url('WEBHOOK_URL phải là một URL https://…')
      .refine(
        (u) => u.startsWith('https://') || u.startsWith('http://127.0.0.1'),
        'WEBHOOK_URL phải dùng https',
      )
      .optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{16,256}$/,
        'WEBHOOK_SECRET phải dài 16–256 ký tự A–Z, a–z, 0–9, _ hoặc -',
      )
      .optional(),
    WEBHOOK_PORT: z.coerce
      .number()
      .int()
      .min(1)
      .max(65535, 'WEBHOOK_PORT phải trong khoảng 1–65535')
      .default(8080),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\/\S+$/,
        'DATABASE_URL phải có dạng postgres://người-dùng:mật-khẩu@máy:5432/tên-csdl',
      )
      .optional(),
    /** This replica's name in the shared push queue (default: host name and process id). */
    REPLICA_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'REPLICA_ID chỉ gồm chữ, số và _ . : - (tối đa 64)')
      .optional(),
    PUSH_CRON: z.string().default('0 8 5 * *'),
    PUSH_RATE: z.coerce
      .number()
      .positive('PUSH_RATE (tin/giây) phải là số dương')
      .max(1000)
      .default(25),
  })
  .superRefine((c, ctx) => {
    if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: 'WEBHOOK_SECRET là bắt buộc khi đặt WEBHOOK_URL',
      });
    if (c.WEBHOOK_URL && !c.BOT_TOKEN)
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_TOKEN'],
        message: 'BOT_TOKEN là bắt buộc khi đặt WEBHOOK_URL',
      });
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'cấu hình'}: ${i.message}`),
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
