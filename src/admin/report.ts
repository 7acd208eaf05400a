/**
 * A forwarded or pasted report, as store facts: the extractor's figures with the report as source.
 */
import { problemText } from '../domain/problem.js';
import { extractFigures, type ExtractedFigure } from '../extract/extract.js';
import { readReportText } from '../extract/report-text.js';
import { reportWords } from '../extract/report-words.js';
import { foldAligned } from '../extract/tokens.js';
import { foldPhrase } from '../normalize/fold.js';
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

/** A line of the letterhead ("UBND TỈNH …", "Số: 12/BC-SCT", "…, ngày 5 tháng 5 năm 2020"). */
function isLetterhead(line: string): boolean {
  const folded = foldAligned(line).replace(/\s+/g, ' ').trim();
  if (/^\S.*, ngay \d{1,2} thang \d{1,2} nam \d{4}$/.test(folded) || folded === 'bao cao')
    return true;
  if (/^so\s*:/.test(folded)) return true;
  const words = foldPhrase(line);
  return reportWords().letterhead.some(
    (w) =>
      w !== 'bao cao' &&
      w !== 'so' &&
      (words === w || (words.startsWith(`${w} `) && words.length < 70)),
  );
}

/** The report's own title: its first line after the letterhead, not the letterhead itself. */
export function reportTitle(text: string): string | null {
  const lines = readReportText(text)
    .body.split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const title = lines.find((l) => !isLetterhead(l));
  return title ? title.slice(0, 120) : null;
}

export function reportSource(
  text: string,
  publisher: string | null,
  date: Date,
  known: { title?: string | null; url?: string | null } = {},
): Source {
  return {
    publisher: publisher ?? msg('report_publisher_admin'),
    title: known.title?.slice(0, 300) ?? reportTitle(text) ?? msg('report_title_default'),
    date: date.toISOString().slice(0, 10),
    url: known.url ?? null,
  };
}

/** A figure to review and the words it was read from. */
export interface ReportItem {
  readonly fact: Fact;
  readonly sentence: string;
}

/**
 * Facts for a place: results, and the plans and targets it states apart (they reach the store
 * only when the admin keeps them as plans); figures the store would refuse, with the reason.
 */
export function reportFacts(
  r: ReportReading,
  place: string,
  source: Source,
): { items: ReportItem[]; plans: ReportItem[]; skipped: string[] } {
  const items: ReportItem[] = [];
  const plans: ReportItem[] = [];
  const skipped: string[] = [];
  for (const f of r.figures) {
    const { evidence, note: _note, where, ...figure } = f;
    const parsed = parseFact({ ...figure, place: f.place ?? place, source });
    // a table figure is checked against its table, row and column, not a sentence
    const sentence = where ?? r.text.slice(...evidence).replace(/\s+/g, ' ');
    if (!parsed.ok)
      skipped.push(
        `${indicatorName(f.indicator)} ${periodText(f.period)}: ${problemText(parsed.issues[0]!.problem)}`,
      );
    else (f.kind === 'target' ? plans : items).push({ fact: parsed.fact, sentence });
  }
  return { items, plans, skipped };
}

/**
 * Numbered figures, each under the words it was read from (what a reviewer checks), with what
 * contradicts the store or the report itself.
 */
export function reviewTable(items: readonly ReportItem[], flags: readonly string[][] = []): string {
  return items
    .map(({ fact, sentence }, i) => {
      const words = sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence;
      const warn = (flags[i] ?? []).map((f) => `\n   ${f}`).join('');
      return `${i + 1}. ${figuresTable([fact]).slice(2)}${warn}\n   “${words}”`;
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
