/**
 * Extracts the figures a report states, in the store's terms (contract: ASK.md,
 * `npm run extract -- --json FILES`). A report is read segment by segment (split at ";" and
 * at ", " before a word): a segment that names an indicator or a period starts a new figure
 * once the current one holds data; otherwise its value and comparisons (so tháng trước,
 * so cùng kỳ, % kế hoạch) belong to the current figure. The period carries on until another
 * is named; "trong đó" opens a breakdown that inherits the estimate and scope; sentences with
 * "mục tiêu" / "phấn đấu" state targets; "(cả nước tăng 8,3%)" is a figure of its own.
 */
import {
  CHANGE,
  ESTIMATE,
  PLAN,
  PLAN_BEYOND,
  PLAN_IS,
  parseViNumber,
  readLevel,
  readOtherChanges,
  round,
  SAME,
} from './amounts.js';
import { type Period, canonicalPeriod } from '../domain/period.js';
import { foldDiacritics, normalize } from '../normalize/fold.js';
import { hasPhrase } from '../understand/phrase-index.js';
import { lexicon } from '../understand/lexicon.js';
import { readEntities } from '../understand/entities.js';
import { readPeriod } from '../understand/periods.js';
import { PhraseIndex } from '../understand/phrase-index.js';
import { readReportText, reportYearOf, sentencesOf } from './report-text.js';

export { parseViNumber } from './amounts.js';

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
  scope: 'qua-dia-ban' | 'tru-dau-tho' | null;
  /**
   * [start, end) in the file as given (UTF-16 offsets) of the sentence the figure was read from.
   */
  evidence: [number, number];
  /** What was inferred rather than read ("năm lấy từ ngày đăng"), or null. */
  note: string | null;
}

/** A total that is no indicator ("tổng mức bán hàng hóa"): its amounts are read and dropped. */
const NOT_AN_INDICATOR = '-';

/** Stands for "no year known": never emitted. */
const NO_YEAR = 0;

type Draft = Omit<ExtractedFigure, 'period' | 'indicator' | 'evidence' | 'note'> & {
  indicator: string | null;
  period: Period | null;
};

/** The place a report is about: the province or city it names most (exact names only). */
export function reportPlace(text: string): string | null {
  const counts = new Map<string, number>();
  // "(tỉnh Bình Định tăng 9%)" is another place's figure, not what the report is about
  for (const sentence of text.replace(/\([^()]*\)/g, ' ').split(/[.\n]/)) {
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

export function extractFigures(input: string, placeGiven?: string | null): ExtractedFigure[] {
  const doc = readReportText(input.replace(/[\u00a0\u202f]/g, ' '));
  const place = placeGiven !== undefined ? placeGiven : (reportPlace(doc.body) ?? doc.place);
  const reader = new FigureReader(place);
  const found = reportYearOf(reader.fixed(doc.body), doc.date);
  // a year written nowhere and no publication date: figures without their own year are dropped
  reader.year = found.year ?? NO_YEAR;
  reader.note = found.fromDate ? 'năm lấy từ ngày đăng' : null;
  for (const part of sentencesOf(doc.body)) {
    reader.evidence = [doc.offset + part.start, doc.offset + part.end];
    reader.readSentence(reader.fixed(part.text));
  }
  return reader.out;
}

const hasData = (d: Draft) =>
  d.value !== null || d.mom_pct !== null || d.yoy_pct !== null || d.plan_pct !== null;
const signed = (c: RegExpMatchArray) =>
  (c[1]!.toLowerCase() === 'giam' ? -1 : 1) * parseViNumber(c[2]!);

/** One sentence's state: the figure being read, the breakdown it may be in, its asides. */
interface SentenceState {
  /** The place the sentence is about: the report's, until a clause names another one. */
  place: string | null;
  current: Draft;
  breakdown: boolean;
  /** The indicator a breakdown ("trong đó …") breaks down. */
  parent: string | null;
  inherit: Pick<Draft, 'estimate' | 'scope'> | null;
  readonly asides: { text: string; parent: Draft }[];
}

/** Reads a report sentence by sentence, segment by segment (see the comment at the top). */
class FigureReader {
  readonly out: ExtractedFigure[] = [];
  private readonly seen = new Set<string>();
  private readonly lex = lexicon();
  private readonly ex = this.lex.extraction;
  private period: Period | null = null;
  /** The last figure emitted: a sentence opening with "Trong đó" breaks it down. */
  private last: Draft | null = null;
  year = NO_YEAR;
  note: string | null = null;
  evidence: [number, number] = [0, 0];

  constructor(private readonly place: string | null) {}

  fixed(t: string): string {
    return this.ex.textFixups.reduce((acc, [a, b]) => acc.split(a).join(b), t.normalize('NFC'));
  }

  private fresh(from: Partial<Draft> = {}): Draft {
    return {
      ...{ place: this.place, indicator: null, period: this.period, value: null, unit: '' },
      ...{ mom_pct: null, yoy_pct: null, plan_pct: null, estimate: false, approx: null },
      ...{ kind: 'actual', scope: null },
      ...from,
    };
  }

  /** `aside`: a figure in parentheses, never the one a next "Trong đó" sentence breaks down. */
  private emit(d: Draft, aside = false): void {
    if (!d.indicator || d.indicator === NOT_AN_INDICATOR) return;
    if (!d.period || d.period.year === NO_YEAR || !hasData(d)) return;
    const ind = this.lex.indicators.get(d.indicator)!;
    const period =
      d.kind === 'target'
        ? { type: 'year' as const, year: d.period.year }
        : canonicalPeriod(d.period);
    const { place, value, mom_pct, yoy_pct, plan_pct, estimate, approx, kind, scope } = d;
    const unit = value === null ? ind.unit : d.unit;
    const fig: ExtractedFigure = {
      ...{ place, indicator: d.indicator, period, value, unit, mom_pct, yoy_pct, plan_pct },
      ...{ estimate, approx, kind, scope, evidence: this.evidence, note: this.note },
    };
    if (!aside) this.last = d;
    const key = JSON.stringify({ ...fig, evidence: null }); // one figure said twice is one
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push(fig);
  }

  readSentence(sentence: string): void {
    const folded = normalize(sentence.replace(/\([^()]*\)/g, ' ')).tokens.join(' ');
    const target = this.ex.targetMarkers.some((m) =>
      hasPhrase(folded, normalize(m).tokens.join(' ')),
    );
    const st: SentenceState = {
      place: this.place,
      current: this.fresh({ kind: target ? 'target' : 'actual' }),
      breakdown: false,
      parent: null,
      inherit: null,
      asides: [],
    };
    this.continueBreakdown(folded, st);
    for (const segment of sentence.split(/;|,\s+(?=\p{L}|\d{1,2}\s*tháng)/u))
      this.readSegment(segment, st);
    this.emit(st.current);
    for (const aside of st.asides) this.readAside(aside.text, aside.parent);
  }

  /** "… qua các cửa khẩu đạt 1 tỷ 953 triệu USD. Trong đó xuất khẩu …": the same scope. */
  private continueBreakdown(folded: string, st: SentenceState): void {
    const opens = this.ex.breakdownMarkers.some((m) =>
      folded.startsWith(normalize(m).tokens.join(' ')),
    );
    if (!opens || !this.last || this.last.place !== st.place) return;
    st.parent = this.last.indicator;
    st.inherit = { estimate: this.last.estimate, scope: this.last.scope };
    st.current.scope = this.last.scope;
    st.current.estimate = this.last.estimate;
  }

  private readSegment(rawSegment: string, st: SentenceState): void {
    const inners: string[] = [];
    const segment = rawSegment.replace(/\(([^()]*)\)/g, (_, inner: string) => {
      inners.push(inner);
      return ' ';
    });
    const norm = normalize(
      segment.replace(/kế hoạch(?: đề ra)?(?: của)? năm \d{4}/giu, 'kế hoạch'),
    );
    this.startFigureIfNamed(norm, st);
    // an aside belongs to the figure its segment ends on
    if (st.current.indicator && st.current.indicator !== NOT_AN_INDICATOR)
      this.readValues(segment, norm.tokens.join(' '), st.current);
    for (const text of inners) st.asides.push({ text, parent: st.current });
  }

  /**
   * A segment naming an indicator or a period starts a new figure once the current one has data.
   */
  private startFigureIfNamed(norm: ReturnType<typeof normalize>, st: SentenceState): void {
    const folded = norm.tokens.join(' ');
    if (this.ex.breakdownMarkers.some((m) => folded.startsWith(normalize(m).tokens.join(' ')))) {
      st.breakdown = true;
      st.parent = st.current.indicator ?? st.parent;
      if (hasData(st.current))
        st.inherit = { estimate: st.current.estimate, scope: st.current.scope };
    }
    // the parts of retail (goods, services) only inside a breakdown of retail itself
    const fromBreakdown =
      st.breakdown && st.parent === 'retail' ? breakdownIndicator(norm.tokens) : null;
    const entities = readEntities(norm, this.lex, { fuzzy: false });
    const named = this.isOtherTotal(norm)
      ? NOT_AN_INDICATOR
      : (fromBreakdown ?? entities.indicators[0] ?? null);
    // "Cả nước 9 tháng xuất khẩu đạt …": a clause about another place is that place's figure
    const other = entities.places.length === 1 && entities.places[0] !== st.place;
    if (other) st.place = entities.places[0]!;
    const reading = readPeriod(norm.flat, this.lex, { year: this.year, month: 12 });
    // "tháng này", "năm nay" in a report mean the period it is about, not today's
    const namedPeriod: Period | null =
      reading.period && !reading.relative
        ? ({ ...reading.period, year: reading.period.year ?? this.year } as Period)
        : null;
    if ((!named || named === st.current.indicator) && !namedPeriod && !other) return;
    if (hasData(st.current)) {
      this.emit(st.current);
      const { kind, indicator } = st.current;
      st.current = this.fresh({ kind, indicator, ...(st.inherit ?? {}) });
    }
    st.current.place = st.place;
    if (named) st.current.indicator = named;
    if (namedPeriod) {
      this.period = namedPeriod;
      st.current.period = namedPeriod;
    }
  }

  private isOtherTotal(norm: ReturnType<typeof normalize>): boolean {
    const folded = norm.tokens.join(' ');
    return this.ex.notIndicators.some((t) => hasPhrase(folded, normalize(t).tokens.join(' ')));
  }

  /** Value, estimate, scope and comparisons of the figure being read. */
  private readValues(original: string, folded: string, current: Draft): void {
    const segment = foldDiacritics(original);
    const ind = this.lex.indicators.get(current.indicator!)!;
    if (ESTIMATE.test(segment)) current.estimate = true;
    // the scope words questions use (intents/intents.json): one list for asking and reading
    for (const [scope, phrases] of Object.entries(this.lex.intents.scopes))
      if (phrases.some((sc) => hasPhrase(folded, normalize(sc).tokens.join(' '))))
        current.scope = scope as ExtractedFigure['scope'];
    if (!ind.growthOnly && current.value === null) readLevel(segment, ind.unit, current);
    for (const c of segment.matchAll(CHANGE)) {
      // "so với tháng trước", "so với quý trước", "so với tháng 01/2020": against an earlier span
      if (c[3] && /truoc|thang/i.test(c[3])) current.mom_pct ??= signed(c);
      else current.yoy_pct ??= signed(c);
    }
    readOtherChanges(segment, current);
    if (current.yoy_pct === null && SAME.test(segment)) current.yoy_pct = 0;
    const plan = PLAN.exec(segment);
    if (plan) current.plan_pct = parseViNumber(plan[1]!);
    const beyond = plan ? null : PLAN_BEYOND.exec(segment);
    if (beyond) current.plan_pct = round(100 + parseViNumber(beyond[1]!));
  }

  /** "(kế hoạch năm là 23%)", "(cả nước tăng 8,3%)": a target, or another place's figure. */
  private readAside(original: string, parent: Draft): void {
    const aside = foldDiacritics(original);
    const planIs = PLAN_IS.exec(aside);
    if (planIs && parent.indicator) {
      const growthOnly = this.lex.indicators.get(parent.indicator)!.growthOnly;
      const yoy_pct = growthOnly ? parseViNumber(planIs[1]!) : null;
      const { indicator, period } = parent;
      this.emit(this.fresh({ indicator, period, kind: 'target', yoy_pct, plan_pct: null }), true);
      return;
    }
    const places = readEntities(normalize(aside), this.lex, { fuzzy: false }).places;
    const change = [...aside.matchAll(CHANGE)][0];
    if (places.length !== 1 || !change || !parent.indicator || !parent.period) return;
    const { indicator, period } = parent;
    const estimate = ESTIMATE.test(aside);
    this.emit(
      this.fresh({ place: places[0]!, indicator, period, yoy_pct: signed(change), estimate }),
      true,
    );
  }
}
