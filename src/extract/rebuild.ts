/**
 * From report files to store facts: the extractor's figures with the place and source of
 * each report (data/sources.json for known reports; otherwise read from the text).
 */
import { problemText } from '../domain/problem.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { msg } from '../messages.js';
import { type Fact, parseFact, SourceSchema, type Source } from '../store/schema.js';
import { extractFigures, reportPlace } from './extract.js';

const MANIFEST = fileURLToPath(new URL('../../data/sources.json', import.meta.url));
const ManifestSchema = z.object({
  reports: z.record(z.string(), z.object({ place: z.string(), source: SourceSchema })),
});

export function loadManifest(path = MANIFEST): z.infer<typeof ManifestSchema>['reports'] {
  return ManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).reports;
}

/** A source read from the text itself: its first line and the first date it shows. */
export function sourceFromText(text: string, file: string, now = new Date()): Source {
  const date = /(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)/.exec(text);
  const iso = date
    ? `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`
    : now.toISOString().slice(0, 10);
  const title =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 10)
      ?.slice(0, 120) ?? basename(file);
  return { publisher: 'Báo cáo (trích tự động)', title, date: iso, url: null };
}

export interface ReportFacts {
  readonly file: string;
  readonly facts: Fact[];
  readonly skipped: string[];
}

export function factsFromReport(file: string, manifest = loadManifest()): ReportFacts {
  return factsFromText(file, readFileSync(file, 'utf8'), manifest);
}

/** The facts of a report already read (a Word, PDF or spreadsheet file, a page). */
export function factsFromText(file: string, text: string, manifest = loadManifest()): ReportFacts {
  const known = manifest[basename(file)];
  const place = known?.place ?? reportPlace(text);
  const source = known?.source ?? sourceFromText(text, file);
  const facts: Fact[] = [];
  const skipped: string[] = [];
  for (const f of extractFigures(text, place)) {
    if (!f.place) {
      skipped.push(`${f.indicator}: ${msg('report_no_place_named')}`);
      continue;
    }
    const { evidence: _evidence, where: _where, ...figure } = f;
    const r = parseFact({ ...figure, source });
    if (r.ok) facts.push(r.fact);
    else skipped.push(`${f.indicator}: ${problemText(r.issues[0]!.problem)}`);
  }
  return { file, facts, skipped };
}
