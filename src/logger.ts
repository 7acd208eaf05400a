/** pino logger whose output can never carry a secret: every line is scrubbed before it is written. */
import { pino, type Logger, type Level } from 'pino';

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
