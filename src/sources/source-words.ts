/** The words of watched sources (intents/sources.json), checked when first read. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const FILE = fileURLToPath(new URL('../../intents/sources.json', import.meta.url));

const SourceWordsSchema = z.object({
  listingWords: z.array(z.string().min(2)).min(1),
  command: z.object({
    add: z.array(z.string()),
    remove: z.array(z.string()),
    list: z.array(z.string()),
    poll: z.array(z.string()),
    trusted: z.array(z.string()),
    detect: z.array(z.string()),
    every: z.array(z.string()),
  }),
  intervalUnits: z.record(z.string(), z.number().int().positive()),
});

export type SourceWords = z.infer<typeof SourceWordsSchema>;

let cached: SourceWords | null = null;

export function sourceWords(): SourceWords {
  cached ??= SourceWordsSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  return cached;
}
