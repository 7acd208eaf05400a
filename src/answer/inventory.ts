/** What the store holds: for a place, for an indicator (and period), and the list of sources. */
import { type Period, periodEnd, periodMonths, withYear } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { shortFigure } from './figure.js';
import {
  bold,
  escapeHtml,
  indicatorNoun,
  italic,
  periodText,
  placeName,
  scopeText,
} from './format.js';
import { type Reply, reply } from './reply.js';
import { msg } from '../messages.js';

const newestFirst = (a: Fact, b: Fact) => periodEnd(b.period) - periodEnd(a.period);

/** A place's indicators, each with its latest figure and the periods held, newest first. */
export function overview(idx: FactIndex, place: string): Reply {
  const facts = idx.forPlace(place);
  if (!facts.length) {
    const withData = idx.allPlaces().filter((p) => !idx.catalogue.isNational(p));
    return reply([
      `Chưa có số liệu nào của ${escapeHtml(placeName(place))} trong kho dữ liệu.`,
      italic(
        `Đang có số liệu của ${withData.length} tỉnh, thành phố và cả nước; gõ “hướng dẫn” để xem cách hỏi.`,
      ),
    ]);
  }
  const groups = new Map<string, Fact[]>();
  for (const f of [...facts].sort(newestFirst)) {
    const k = `${f.indicator}|${f.scope ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const lines = [bold(`Số liệu của ${placeName(place)} (${facts.length} số liệu)`)];
  for (const list of groups.values()) lines.push(indicatorLine(list));
  const first = [...groups.values()][0]![0]!;
  const short = idx.catalogue.indicator(first.indicator).short;
  lines.push(
    escapeHtml(`Hỏi chi tiết, ví dụ: “${short} ${placeName(place)} ${periodText(first.period)}”`),
  );
  const steps = [...groups.values()].slice(0, 3).map((list) => {
    const q = `${idx.catalogue.indicator(list[0]!.indicator).short} ${placeName(place)} ${periodText(list[0]!.period)}`;
    return { label: q, question: q };
  });
  return reply(lines, { nextSteps: steps });
}

function indicatorLine(list: readonly Fact[]): string {
  const latest = list[0]!;
  const scope = latest.scope ? ` (${scopeText(latest.scope)})` : '';
  const periods = [...new Set(list.map((f) => periodText(f.period)))];
  const shown = periods.slice(0, 4).join('; ');
  const more = periods.length > 4 ? ` và ${periods.length - 4} kỳ khác` : '';
  return `• ${bold(`${capFirst(indicatorNoun(latest.indicator))}${scope}`)}: ${escapeHtml(
    `mới nhất ${periodText(latest.period)}: ${shortFigure(latest)}. Các kỳ: ${shown}${more}.`,
  )}`;
}

const capFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "tỉnh nào có số liệu xuất khẩu năm 2024": the places, with the periods each has. */
export function placesWithReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const period = q.period && q.period.year !== null ? withYear(q.period, q.period.year) : null;
  const facts = idx
    .forIndicator(indicator)
    .filter((f) => !idx.catalogue.isNational(f.place) && inPeriod(f, period));
  const byPlace = new Map<string, Fact[]>();
  for (const f of [...facts].sort(newestFirst))
    byPlace.set(f.place, [...(byPlace.get(f.place) ?? []), f]);
  const what = `${indicatorNoun(indicator)}${period ? ` ${periodText(period)}` : ''}`;
  if (!byPlace.size)
    return reply([`Chưa có tỉnh, thành phố nào có số liệu ${escapeHtml(what)} trong kho.`], {
      period,
    });
  const lines = [bold(`${byPlace.size} tỉnh, thành phố có số liệu ${what}`)];
  for (const [place, list] of byPlace) {
    const periods = [...new Set(list.map((f) => periodText(f.period)))];
    const more = periods.length > 3 ? ` (+${periods.length - 3})` : '';
    lines.push(`• ${bold(placeName(place))}: ${escapeHtml(periods.slice(0, 3).join('; '))}${more}`);
  }
  const national = idx
    .forIndicator(indicator)
    .filter((f) => idx.catalogue.isNational(f.place) && inPeriod(f, period));
  if (national.length) lines.push(italic(`Cả nước: ${national.length} kỳ số liệu.`));
  return reply(lines, { period });
}

/** A figure "of 2024" is one whose period lies in 2024; a month asks for that very period. */
function inPeriod(f: Fact, period: Period | null): boolean {
  if (!period) return true;
  if (period.type === 'year') return f.period.year === period.year;
  return periodText(f.period) === periodText(period);
}

/** "Số liệu từ năm 2018 đến năm 2025; mới nhất: tháng 12/2025." */
function coverageLine(idx: FactIndex): string {
  return idx.memo('coverage', () => {
    const actual = idx.facts.filter((f) => f.kind === 'actual');
    if (!actual.length) return msg('coverage_empty');
    const years = actual.map((f) => f.period.year);
    // the latest end, and of those the shortest span: "tháng 12/2025" rather than "năm 2025"
    const later = (a: Fact, b: Fact) =>
      periodEnd(b.period) - periodEnd(a.period) || periodMonths(a.period) - periodMonths(b.period);
    const latest = actual.reduce((a, b) => (later(a, b) > 0 ? b : a));
    return msg('coverage', {
      from: Math.min(...years),
      to: Math.max(...years),
      latest: periodText(latest.period),
    });
  });
}

/** The sources the store cites, most used first, and the rule that picks one. */
export function sourcesReply(idx: FactIndex): Reply {
  const top = idx.memo('sources', () => {
    const count = new Map<string, number>();
    for (const f of idx.facts)
      count.set(f.source.publisher, (count.get(f.source.publisher) ?? 0) + 1);
    return [...count].sort((a, b) => b[1] - a[1]);
  });
  return reply([
    bold(`Nguồn số liệu: ${top.length} nơi công bố, ${idx.size} số liệu`),
    escapeHtml(coverageLine(idx)),
    ...top.slice(0, 15).map(([p, n]) => `• ${escapeHtml(p)}: ${n}`),
    top.length > 15 ? italic(`… và ${top.length - 15} nguồn khác.`) : null,
    escapeHtml(msg('sources_rule')),
    'Mỗi câu trả lời có dòng “Nguồn”, kèm đường dẫn khi có.',
  ]);
}

/** An indicator with no place: ask which, listing the places that have it. */
export function noPlaceReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const places = idx.provincesWith(indicator);
  const short = idx.catalogue.indicator(indicator).short;
  const shown = places.slice(0, 15).map(placeName).join(', ');
  const more = places.length > 15 ? ` và ${places.length - 15} nơi khác` : '';
  return reply(
    [
      `Bạn muốn xem ${escapeHtml(indicatorNoun(indicator))} của tỉnh, thành phố nào (hay cả nước)?`,
      places.length
        ? escapeHtml(`Đang có số liệu của: ${shown}${more}.`)
        : 'Kho dữ liệu chưa có số liệu nào của chỉ tiêu này.',
    ],
    {
      nextSteps: ['ca-nuoc', ...places.slice(0, 2)].map((p) => ({
        label: placeName(p),
        question: `${short} ${placeName(p)}${q.period ? ` ${periodText(q.period)}` : ''}`,
      })),
    },
  );
}

/** A place and a period, no indicator: the figures of that very period, or which periods exist. */
export function periodOverview(q: Query, idx: FactIndex): Reply {
  const place = q.places[0]!;
  const period = q.period && q.period.year !== null ? withYear(q.period, q.period.year) : null;
  if (!period) return overview(idx, place);
  const key = periodText(period);
  const facts = idx.forPlace(place).filter((f) => periodText(f.period) === key);
  if (!facts.length) {
    const periods = [
      ...new Set([...idx.forPlace(place)].sort(newestFirst).map((f) => periodText(f.period))),
    ];
    return reply(
      [
        `Chưa có số liệu nào của ${escapeHtml(placeName(place))} ${escapeHtml(key)} trong kho dữ liệu.`,
        periods.length ? escapeHtml(`Có số liệu cho: ${periods.slice(0, 6).join('; ')}.`) : null,
      ],
      { period },
    );
  }
  const lines = [bold(`Số liệu của ${placeName(place)}, ${key}`)];
  for (const f of facts)
    lines.push(`• ${bold(capFirst(indicatorNoun(f.indicator)))}: ${escapeHtml(shortFigure(f))}`);
  return reply(lines, { period });
}
