/**
 * Replies for questions asked in English: the composed Vietnamese reply is reworded with the
 * patterns of intents/messages.en.json (wording is data). Source lines keep their titles, which
 * are the names of published documents.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { htmlToPlain } from './format.js';
import type { ChartSpec, Reply } from './reply.js';

const FILE = fileURLToPath(new URL('../../intents/messages.en.json', import.meta.url));

const EnglishWordingSchema = z.object({
  help: z.array(z.string()).min(1),
  sentences: z.array(z.tuple([z.string(), z.string()])),
  months: z.array(z.string()).length(12),
  phrases: z.record(z.string(), z.string()),
});

interface EnglishWording {
  readonly help: string;
  readonly sentences: readonly (readonly [RegExp, string])[];
  readonly months: readonly string[];
  readonly phrases: readonly (readonly [string, string])[];
}

let wording: EnglishWording | null = null;

function load(): EnglishWording {
  const raw = EnglishWordingSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  return {
    help: raw.help.join('\n'),
    sentences: raw.sentences.map(([from, to]) => [new RegExp(from, 'gu'), to] as const),
    months: raw.months,
    // longest first, so "tổng kim ngạch xuất nhập khẩu" goes before "kim ngạch"
    phrases: Object.entries(raw.phrases).sort((a, b) => b[0].length - a[0].length),
  };
}

function englishWording(): EnglishWording {
  wording ??= load();
  return wording;
}

/** vi-VN "309.633,5" -> "309,633.5"; dates (04/05/2020) and plain integers are left alone. */
export function englishNumbers(line: string): string {
  return line.replace(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+/g, (n) =>
    n.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')),
  );
}

const QUARTERS: Record<string, string> = { I: '1', II: '2', III: '3', IV: '4' };

function sourceLine(line: string): string {
  return line
    .replace('Nguồn:', 'Source:')
    .replace(/(;?) và (\d+) nguồn khác/, '$1 and $2 other sources');
}

/** "tháng 4/2020" -> "April 2020", "4 tháng đầu năm 2020" -> "January–April 2020", "quý I/2020" -> "Q1 2020". */
function englishPeriods(line: string, w: EnglishWording): string {
  return line
    .replace(/(\d{1,2}) tháng đầu năm (\d{4})/g, (m, month: string, year: string) => {
      const name = w.months[Number(month) - 1];
      return name ? `${w.months[0]}–${name} ${year}` : m;
    })
    .replace(/tháng (\d{1,2})\/(\d{4})/g, (m, month: string, year: string) => {
      const name = w.months[Number(month) - 1];
      return name ? `${name} ${year}` : m;
    })
    .replace(
      /quý (IV|I{1,3})\/(\d{4})/g,
      (_m, q: string, year: string) => `Q${QUARTERS[q]} ${year}`,
    );
}

function rewordLine(line: string, w: EnglishWording): string {
  if (/^(<[^>]+>)*Nguồn:/.test(line)) return sourceLine(line);
  let out = englishPeriods(line, w);
  for (const [pattern, to] of w.sentences) out = out.replace(pattern, to);
  for (const [from, to] of w.phrases) out = out.split(from).join(to);
  return englishNumbers(out);
}

/** The reply's HTML reworded into English, line by line. */
export function rewordHtml(html: string): string {
  const w = englishWording();
  return html
    .split('\n')
    .map((line) => rewordLine(line, w))
    .join('\n');
}

/** A chart's words (title, unit, series, labels, source) in English. */
function englishChart(chart: ChartSpec): ChartSpec {
  const en = (s: string) => rewordHtml(s);
  return {
    ...chart,
    title: en(chart.title),
    unit: en(chart.unit),
    ...(chart.source ? { source: sourceLine(chart.source) } : {}),
    series: chart.series.map((s) => ({
      name: en(s.name),
      points: s.points.map((p) => ({ ...p, label: en(p.label) })),
    })),
  };
}

/** The reply in English; help gets the English guide. */
export function englishReply(r: Reply, isHelp: boolean): Reply {
  const html = isHelp ? englishWording().help : rewordHtml(r.html);
  const chart = r.chart ? englishChart(r.chart) : r.chart;
  return { ...r, html, text: htmlToPlain(html), chart };
}
