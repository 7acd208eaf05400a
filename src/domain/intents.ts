/**
 * The one reader of intents/, the language the bot reads: every file checked by its zod schema
 * when first read, a problem named with its file and path. SOLIEU_INTENTS_DIR points at another
 * folder of the same shape (a test's made-up indicator, a deployment's own words).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

const BUNDLED = fileURLToPath(new URL('../../intents/', import.meta.url));

/** The folder read: SOLIEU_INTENTS_DIR, or the project's intents/. */
export function intentsDir(): string {
  return process.env.SOLIEU_INTENTS_DIR || BUNDLED;
}

/** One file of intents/, checked; throws naming the file, the path and the problem. */
export function readIntents<T>(file: string, schema: z.ZodType<T>, dir = intentsDir()): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`intents/${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
