/**
 * pino logger whose output can never carry a secret: every line is scrubbed before it is written.
 */
import { pino, type Logger, type Level } from 'pino';

/** The text with every secret masked (for the few messages written outside a logger). */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let clean = text;
  for (const s of secrets) if (s && s.length >= 8) clean = clean.split(s).join('***');
  return clean;
}

export function createLogger(
  level: Level | 'silent',
  secrets: readonly (string | undefined)[],
  out: NodeJS.WritableStream = process.stdout,
): Logger {
  const masked = secrets.filter((s): s is string => !!s && s.length >= 8);
  const stream = {
    write(line: string) {
      let clean = line;
      for (const s of masked) clean = clean.split(s).join('***');
      out.write(clean);
    },
  };
  return pino(
    {
      level,
      base: { app: 'solieu' },
      redact: { paths: ['token', '*.token', 'config.BOT_TOKEN'], censor: '***' },
    },
    stream,
  );
}
