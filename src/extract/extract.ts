/**
 * Extracts the figures a report text states, in the store's terms (contract: ASK.md,
 * `npm run extract -- --json FILES`). Clause by clause: the indicator named (or carried
 * from the previous clause of the sentence), the period, the value with its unit
 * converted to the canonical one, and the comparisons (so tháng trước, so cùng kỳ,
 * % kế hoạch), with ước (estimate) and hơn/gần/khoảng (approx).
 */
import type { Period } from '../domain/period.js';
import { normalize } from '../normalize/fold.js';
import { lexicon } from '../understand/lexicon.js';
import { readEntities } from '../understand/entities.js';
import { readPeriod } from '../understand/periods.js';

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
}

/** "3.611,46" -> 3611.46; "17, 5" -> 17.5 */
export function parseViNumber(s: string): number {
  return Number(s.replace(/\s/g, '').replace(/\./g, '').replace(',', '.'));
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\s?\d+)?|\d+(?:,\s?\d+)?`;
const VALUE = new RegExp(String.raw`(?:(ước\s+)?(?:đạt\s+)?)?(hơn|gần|khoảng)?\s*(${NUM})\s*(ngàn|nghìn)?\s*(tỷ đồng|triệu USD|tỷ USD|triệu đô la)`, 'iu');
const CHANGE = new RegExp(String.raw`(tăng|giảm)\s+(${NUM})\s*%\s*(?:so\s+(?:với\s+)?(tháng trước|cùng kỳ|tháng\s+\d{1,2}\/\d{4}))?`, 'giu');
const PLAN = new RegExp(String.raw`(?:đạt|bằng)\s+(${NUM})\s*%\s*(?:so với\s+)?kế hoạch`, 'iu');
const SAME = /bằng (?:so với )?cùng kỳ/iu;
const SHARE = new RegExp(String.raw`(?:ước\s+)?đạt\s+(${NUM})\s*%(?!\s*kế hoạch)`, 'iu');

function toCanonical(value: number, thousand: boolean, unit: string): { value: number; unit: string } {
  const v = thousand ? value * 1000 : value;
  if (/tỷ USD/i.test(unit)) return { value: Math.round(v * 1000 * 1000) / 1000, unit: 'triệu USD' };
  if (/triệu/i.test(unit)) return { value: v, unit: 'triệu USD' };
  return { value: v, unit: 'tỷ đồng' };
}

/** The year a report is about: the most frequent year it names. */
function reportYear(text: string): number {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?:năm|\/)\s*((?:19|20)\d\d)\b/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? new Date().getFullYear();
}

/** The place a report is about: the province or city it names most (not counting "cả nước"). */
function reportPlace(text: string): string | null {
  const counts = new Map<string, number>();
  for (const sentence of text.split(/[.\n]/)) {
    for (const p of readEntities(normalize(sentence), lexicon()).places) if (p !== 'ca-nuoc') counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function extractFigures(text: string, place: string | null = reportPlace(text)): ExtractedFigure[] {
  const lex = lexicon();
  const year = reportYear(text);
  const out: ExtractedFigure[] = [];
  const sentences = text.normalize('NFC').split(/(?<=[^\d])\.(?=\s)|\n+/);
  for (const sentence of sentences) {
    let indicator: string | null = null;
    let period: Period | null = null;
    for (const clause of sentence.split(/;|,\s(?=(?:lũy kế|tính chung|trong đó)\b)/iu)) {
      const norm = normalize(clause.replace(/\(giá so sánh 2010\)/g, ''));
      const named = readEntities(norm, lex).indicators.filter((i) => !lex.indicators.get(i)?.parent);
      if (named.length) indicator = named[0]!;
      if (!indicator) continue;
      const reading = readPeriod(norm.flat.replace(/\b(?:19|20)\d\d\b/g, (y) => y), lex, { year, month: 12 });
      if (reading.period) period = { ...reading.period, year: reading.period.year ?? year } as Period;
      if (!period) continue;
      const ind = lex.indicators.get(indicator)!;
      const v = ind.growthOnly ? null : VALUE.exec(clause);
      let mom: number | null = null, yoy: number | null = null;
      for (const c of clause.matchAll(CHANGE)) {
        const pct = (c[1]!.toLowerCase() === 'giảm' ? -1 : 1) * parseViNumber(c[2]!);
        if (c[3] && /tháng/i.test(c[3])) mom ??= pct; else yoy ??= pct;
      }
      if (yoy === null && SAME.test(clause)) yoy = 0;
      const plan = PLAN.exec(clause);
      const share = ind.unit === '% GRDP' ? SHARE.exec(clause) : null;
      if (!v && mom === null && yoy === null && !plan && !share) continue;
      const canonical = v ? toCanonical(parseViNumber(v[3]!), !!v[4], v[5]!) : null;
      out.push({
        place,
        indicator,
        period: period.type === 'ytd' && period.month === 12 ? { type: 'year', year: period.year } : period,
        value: share ? parseViNumber(share[1]!) : canonical?.value ?? null,
        unit: canonical?.unit ?? ind.unit,
        mom_pct: mom,
        yoy_pct: yoy,
        plan_pct: plan ? parseViNumber(plan[1]!) : null,
        estimate: /(?:^|[^\p{L}])ước(?!\p{L})/iu.test(clause),
        approx: (v?.[2]?.toLowerCase() as ExtractedFigure['approx']) ?? null,
      });
    }
  }
  return out;
}
