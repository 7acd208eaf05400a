/**
 * A forwarded or pasted report, as store facts: the extractor's figures with the report as source.
 */
import { extractFigures, type ExtractedFigure } from '../extract/extract.js';
import { type Fact, parseFact, type Source } from '../store/schema.js';
import { formatNumber, indicatorName, periodText } from '../answer/format.js';
import { msg } from '../messages.js';

export interface ReportReading {
  readonly figures: ExtractedFigure[];
  readonly place: string | null;
  /** The report as given: each figure's evidence offsets point into it. */
  readonly text: string;
}

export function readReport(text: string): ReportReading {
  const figures = extractFigures(text);
  const place = figures.find((f) => f.place)?.place ?? null;
  return { figures, place, text };
}

export function reportSource(
  text: string,
  publisher: string | null,
  date: Date,
  known: { title?: string | null; url?: string | null } = {},
): Source {
  const firstLine = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0)
    ?.slice(0, 120);
  return {
    publisher: publisher ?? msg('report_publisher_admin'),
    title: known.title?.slice(0, 300) ?? firstLine ?? msg('report_title_default'),
    date: date.toISOString().slice(0, 10),
    url: known.url ?? null,
  };
}

/** Facts for a place; figures the store would refuse are returned apart with the reason. */
export function reportFacts(
  r: ReportReading,
  place: string,
  source: Source,
): { facts: Fact[]; skipped: string[]; sentences: string[] } {
  const facts: Fact[] = [];
  const skipped: string[] = [];
  const sentences: string[] = [];
  for (const f of r.figures) {
    const { evidence: _evidence, ...figure } = f;
    const parsed = parseFact({
      ...figure,
      place: f.place ?? place,
      source,
    });
    if (parsed.ok) {
      facts.push(parsed.fact);
      sentences.push(r.text.slice(...f.evidence).replace(/\s+/g, ' '));
    } else
      skipped.push(
        `${indicatorName(f.indicator)} ${periodText(f.period)}: ${parsed.issues[0]!.message}`,
      );
  }
  return { facts, skipped, sentences };
}

/** Numbered figures, each under the words it was read from (what a reviewer checks). */
export function reviewTable(items: readonly { fact: Fact; sentence: string }[]): string {
  return items
    .map(({ fact, sentence }, i) => {
      const words = sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence;
      return `${i + 1}. ${figuresTable([fact]).slice(2)}\n   “${words}”`;
    })
    .join('\n');
}

export function figuresTable(facts: readonly Fact[]): string {
  const pct = (x: number | null, label: string) =>
    x === null ? '' : ` ${label} ${x > 0 ? '+' : ''}${formatNumber(x)}%`;
  const level = (f: Fact) =>
    f.value === null ? '–' : `${f.approx ? `${f.approx} ` : ''}${formatNumber(f.value)} ${f.unit}`;
  const plan = (f: Fact) =>
    f.plan_pct === null ? '' : ` ${msg('table_plan', { pct: formatNumber(f.plan_pct) })}`;
  return facts
    .map(
      (f) =>
        `• ${indicatorName(f.indicator)}, ${periodText(f.period)}: ${level(f)}${f.estimate ? ` ${msg('table_estimate')}` : ''}${pct(f.mom_pct, 'MoM')}${pct(f.yoy_pct, 'YoY')}${plan(f)}`,
    )
    .join('\n');
}
