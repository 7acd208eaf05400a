/** A composed reply: HTML for Telegram, plain text for the terminal and `ask`, next steps. */
import type { Period, PeriodQuery } from '../domain/period.js';
import { htmlToPlain } from './format.js';
import type { Words } from './words.js';

export interface ChartPoint {
  readonly label: string;
  readonly value: number;
  /** Where the point is in time (periodEnd): the x axis runs in time, never by label. */
  readonly at?: number;
}
export interface ChartSeries {
  readonly name: string;
  readonly points: readonly ChartPoint[];
}
export interface ChartSpec {
  readonly kind: 'line' | 'bar';
  /** The language of the chart's numbers (7,01 or 7.01); Vietnamese when not said. */
  readonly lang?: 'vi' | 'en';
  readonly title: string;
  readonly unit: string;
  readonly series: readonly ChartSeries[];
  /** "Nguồn: …", printed under the chart. */
  readonly source?: string | undefined;
}

/** The chart's footnote: the publishers of its figures, the first three named. */
export function chartSource(w: Words, facts: readonly { source: { publisher: string } }[]): string {
  const publishers = [...new Set(facts.map((f) => f.source.publisher))];
  const more = publishers.length > 3 ? w.t('and_more_sources', { n: publishers.length - 3 }) : '';
  return `${w.t('source_label')} ${publishers.slice(0, 3).join('; ')}${more}`;
}

/** A next step offered under a reply: a label and the question it asks. */
export interface NextStep {
  readonly label: string;
  readonly question: string;
}

export interface Reply {
  readonly html: string;
  readonly text: string;
  /** The period the answer is about (the asked one, with an open year resolved). */
  readonly period: Period | PeriodQuery | null;
  readonly chart: ChartSpec | null;
  readonly nextSteps: readonly NextStep[];
  /** Likely readings when the question was unclear ("Ý bạn là …?"). */
  readonly didYouMean: readonly NextStep[];
}

export function reply(
  lines: readonly (string | null | false | undefined)[],
  extra: Partial<Omit<Reply, 'html' | 'text'>> = {},
): Reply {
  const html = lines.filter((l): l is string => typeof l === 'string').join('\n');
  return {
    html,
    text: htmlToPlain(html),
    period: null,
    chart: null,
    nextSteps: [],
    didYouMean: [],
    ...extra,
  };
}
