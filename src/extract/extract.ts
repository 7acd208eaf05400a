/**
 * Extracts the figures a report states, in the store's terms (contract: ASK.md,
 * `npm run extract -- --json FILES`). A report is read segment by segment (split at ";" and
 * at ", " before a word): a segment that names an indicator or a period starts a new figure
 * once the current one holds data; otherwise its value and comparisons (so tháng trước,
 * so cùng kỳ, % kế hoạch) belong to the current figure. The period carries on until another
 * is named; "trong đó" opens a breakdown that inherits the estimate and scope; sentences with
 * "mục tiêu" / "phấn đấu" state targets; "(cả nước tăng 8,3%)" is a figure of its own.
 */
import { type Period, canonicalPeriod } from '../domain/period.js';
import { normalize } from '../normalize/fold.js';
import { hasPhrase } from '../understand/phrase-index.js';
import { lexicon } from '../understand/lexicon.js';
import { readEntities } from '../understand/entities.js';
import { readPeriod } from '../understand/periods.js';
import { PhraseIndex } from '../understand/phrase-index.js';

export interface ExtractedFigure {
  place: string | null;
  indicator: string;
  period: Period;
  value: number | null;
  unit: string;
  mom_pct: number | null;
  yoy_pct: number | null;
  plan_pct: number | null;
  estimate: boolean;
  approx: 'hơn' | 'gần' | 'khoảng' | null;
  kind: 'actual' | 'target';
  scope: 'qua địa bàn' | null;
}

/** "3.611,46" -> 3611.46; "17, 5" -> 17.5 */
export function parseViNumber(s: string): number {
  return Number(s.replace(/\s/g, '').replace(/\./g, '').replace(',', '.'));
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\s?\d+)?|\d+(?:,\s?\d+)?`;
const VALUE = new RegExp(
  String.raw`(hơn|gần|khoảng)?\s*(${NUM})\s*(ngàn|nghìn)?\s*(tỷ đồng|triệu USD|tỷ USD|triệu đô la)`,
  'iu',
);
const CHANGE = new RegExp(
  String.raw`(tăng|giảm)\s+(${NUM})\s*%\s*(?:so\s+(?:với\s+)?(tháng trước|cùng kỳ|tháng\s+\d{1,2}\/\d{4}))?`,
  'giu',
);
const PLAN = new RegExp(String.raw`(?:đạt|bằng)\s+(${NUM})\s*%\s*(?:so với\s+)?kế hoạch`, 'iu');
const PLAN_IS = new RegExp(String.raw`kế hoạch(?: năm)? là\s+(${NUM})\s*%`, 'iu');
const SHARE = new RegExp(String.raw`(?:ước\s+)?đạt\s+(${NUM})\s*%(?!\s*kế hoạch)`, 'iu');
const SAME = /bằng (?:so với )?cùng kỳ/iu;
const ESTIMATE = /(?:^|[^\p{L}])ước(?!\p{L})/iu;

type Draft = Omit<ExtractedFigure, 'period' | 'indicator'> & {
  indicator: string | null;
  period: Period | null;
};

function canonicalValue(
  value: number,
  thousand: boolean,
  unit: string,
): { value: number; unit: string } {
  const v = thousand ? value * 1000 : value;
  if (/tỷ USD/i.test(unit)) return { value: Math.round(v * 1000 * 1000) / 1000, unit: 'triệu USD' };
  if (/triệu/i.test(unit)) return { value: v, unit: 'triệu USD' };
  return { value: v, unit: 'tỷ đồng' };
}

/** The year a report is about: the year it names most. */
export function reportYear(text: string): number {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?:năm|\/|-)\s*((?:19|20)\d\d)\b/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? new Date().getFullYear();
}

/** The place a report is about: the province or city it names most (exact names only). */
export function reportPlace(text: string): string | null {
  const counts = new Map<string, number>();
  for (const sentence of text.split(/[.\n]/)) {
    for (const p of readEntities(normalize(sentence), lexicon(), { fuzzy: false }).places)
      if (p !== 'ca-nuoc') counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

let breakdownIndex: PhraseIndex<string> | null = null;
function breakdownIndicator(folded: readonly string[]): string | null {
  if (!breakdownIndex) {
    breakdownIndex = new PhraseIndex<string>();
    for (const [id, phrases] of Object.entries(lexicon().extraction.breakdown))
      for (const p of phrases) breakdownIndex.add(p, id);
  }
  return breakdownIndex.scan(folded)[0]?.value ?? null;
}

export function extractFigures(
  input: string,
  place: string | null = reportPlace(input),
): ExtractedFigure[] {
  const lex = lexicon();
  const ex = lex.extraction;
  let text = input.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ');
  for (const [from, to] of ex.textFixups) text = text.split(from).join(to);
  const year = reportYear(text);
  const out: ExtractedFigure[] = [];
  const seen = new Set<string>();
  let period: Period | null = null;

  const emit = (d: Draft) => {
    if (!d.indicator || !d.period) return;
    if (d.value === null && d.mom_pct === null && d.yoy_pct === null && d.plan_pct === null) return;
    const ind = lex.indicators.get(d.indicator)!;
    const p =
      d.kind === 'target'
        ? { type: 'year' as const, year: d.period.year }
        : canonicalPeriod(d.period);
    const fig: ExtractedFigure = {
      place: d.place,
      indicator: d.indicator,
      period: p,
      value: d.value,
      unit: d.value === null ? ind.unit : d.unit,
      mom_pct: d.mom_pct,
      yoy_pct: d.yoy_pct,
      plan_pct: d.plan_pct,
      estimate: d.estimate,
      approx: d.approx,
      kind: d.kind,
      scope: d.scope,
    };
    const key = JSON.stringify(fig);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(fig);
    }
  };
  const fresh = (from: Partial<Draft> = {}): Draft => ({
    place,
    indicator: null,
    period,
    value: null,
    unit: '',
    mom_pct: null,
    yoy_pct: null,
    plan_pct: null,
    estimate: false,
    approx: null,
    kind: 'actual',
    scope: null,
    ...from,
  });
  const hasData = (d: Draft) =>
    d.value !== null || d.mom_pct !== null || d.yoy_pct !== null || d.plan_pct !== null;

  for (const sentence of text.split(/(?<=[^\d\s])\.(?=\s)|\.(?=\s*\n)|\n+/)) {
    // side figures in parentheses: "(cả nước tăng 8,3%)", "(kế hoạch năm là 23%)"
    const asides: { text: string; parent: () => Draft }[] = [];
    const withoutAsides = sentence.replace(/\([^()]*\)/g, ' ');
    const foldedSentence = normalize(withoutAsides).tokens.join(' ');
    const target = ex.targetMarkers.some((m) =>
      hasPhrase(foldedSentence, normalize(m).tokens.join(' ')),
    );
    let current = fresh({ kind: target ? 'target' : 'actual' });
    let breakdown = false;
    let inherit: Pick<Draft, 'estimate' | 'scope'> | null = null;

    for (const rawSegment of sentence.split(/;|,\s+(?=\p{L}|\d{1,2}\s*tháng)/u)) {
      const inners: string[] = [];
      const segment = rawSegment.replace(/\(([^()]*)\)/g, (_, inner: string) => {
        inners.push(inner);
        return ' ';
      });
      // an aside belongs to the figure its segment ends on
      const attachAsides = () => {
        const at = current;
        for (const text of inners) asides.push({ text, parent: () => at });
      };
      const norm = normalize(
        segment.replace(/kế hoạch(?: đề ra)?(?: của)? năm \d{4}/giu, 'kế hoạch'),
      );
      const folded = norm.tokens.join(' ');
      if (ex.breakdownMarkers.some((m) => folded.startsWith(normalize(m).tokens.join(' ')))) {
        breakdown = true;
        if (hasData(current)) inherit = { estimate: current.estimate, scope: current.scope };
      }
      const fromBreakdown = breakdown ? breakdownIndicator(norm.tokens) : null;
      const named =
        fromBreakdown ?? readEntities(norm, lex, { fuzzy: false }).indicators[0] ?? null;
      const reading = readPeriod(norm.flat, lex, { year, month: 12 });
      const named_period: Period | null = reading.period
        ? ({ ...reading.period, year: reading.period.year ?? year } as Period)
        : null;
      if ((named && named !== current.indicator) || named_period) {
        if (hasData(current)) {
          emit(current);
          current = fresh({ kind: current.kind, indicator: current.indicator, ...(inherit ?? {}) });
        }
        if (named) current.indicator = named;
        if (named_period) {
          period = named_period;
          current.period = named_period;
        }
      }
      if (!current.indicator) {
        attachAsides();
        continue;
      }
      const ind = lex.indicators.get(current.indicator)!;
      if (ESTIMATE.test(segment)) current.estimate = true;
      for (const sc of ex.scopes)
        if (hasPhrase(folded, normalize(sc).tokens.join(' '))) current.scope = sc as Draft['scope'];
      if (!ind.growthOnly && current.value === null) {
        const share = ind.unit.includes('%') ? SHARE.exec(segment) : null;
        const v = share ? null : VALUE.exec(segment);
        if (share) {
          current.value = parseViNumber(share[1]!);
          current.unit = ind.unit;
        }
        if (v) {
          const c = canonicalValue(parseViNumber(v[2]!), !!v[3], v[4]!);
          current.value = c.value;
          current.unit = c.unit;
          current.approx = (v[1]?.toLowerCase() as Draft['approx']) ?? null;
        }
      }
      for (const c of segment.matchAll(CHANGE)) {
        const pct = (c[1]!.toLowerCase() === 'giảm' ? -1 : 1) * parseViNumber(c[2]!);
        if (c[3] && /tháng/i.test(c[3])) current.mom_pct ??= pct;
        else current.yoy_pct ??= pct;
      }
      if (current.yoy_pct === null && SAME.test(segment)) current.yoy_pct = 0;
      const plan = PLAN.exec(segment);
      if (plan) current.plan_pct = parseViNumber(plan[1]!);
      attachAsides();
    }
    emit(current);
    for (const { text: aside, parent: parentOf } of asides) {
      const parent = parentOf();
      const norm = normalize(aside);
      const planIs = PLAN_IS.exec(aside);
      if (planIs && parent.indicator) {
        emit(
          fresh({
            indicator: parent.indicator,
            period: parent.period,
            kind: 'target',
            yoy_pct: lex.indicators.get(parent.indicator)!.growthOnly
              ? parseViNumber(planIs[1]!)
              : null,
            plan_pct: null,
          }),
        );
        continue;
      }
      const places = readEntities(norm, lex, { fuzzy: false }).places;
      const change = [...aside.matchAll(CHANGE)][0];
      if (places.length === 1 && change && parent.indicator && parent.period) {
        const pct = (change[1]!.toLowerCase() === 'giảm' ? -1 : 1) * parseViNumber(change[2]!);
        emit(
          fresh({
            place: places[0]!,
            indicator: parent.indicator,
            period: parent.period,
            yoy_pct: pct,
            estimate: ESTIMATE.test(aside),
          }),
        );
      }
    }
  }
  return out;
}
