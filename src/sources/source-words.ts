/** The words of watched sources (intents/sources.json), checked when first read. */
import { z } from 'zod';
import { readIntents } from '../domain/intents.js';

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
  cached ??= readIntents('sources.json', SourceWordsSchema);
  return cached;
}
