/**
 * The clause grammar: a sentence's mentions, left to right, build figures. The subject (place,
 * indicator, period) is what was named last; a value or a change fills the open figure, and a
 * new subject word, or a second value for a slot already filled, closes it. A parenthesis that
 * names its own place ("Đồng Nai (35,01 tỷ USD)", "(cả nước tăng 8,3%)") is a figure aside; one
 * that does not ("(tăng 18,6% so với cùng kỳ)") goes on the open figure. A period named just
 * after a figure's numbers ("đạt 8,62 tỷ USD trong tháng 8") is that figure's.
 */
import type { Change, Reference } from './amount-words.js';
import type { Period } from '../domain/period.js';
import { type Draft, hasData, measureOf, unitFits } from './draft.js';
import type { Mention } from './mentions.js';
import type { PeriodRef } from './period-words.js';
import { reportWords } from './report-words.js';

/** Not an indicator: a measure of something else, or a part the store has no series for. */
const NONE = '-';

interface Subject {
  places: string[];
  /** The place before the last one named: a place's aside returns to it. */
  previous: string[];
  indicator: string | null;
  period: PeriodRef | null;
  periodStated: boolean;
  estimate: boolean;
  /** A breakdown's parts are estimates when their whole is. */
  baseEstimate: boolean;
  target: boolean;
  scope: Draft['scope'];
  refpre: Reference | null;
  breakdownOf: string | null;
  series: number[] | null;
  /** The sentence opened with "Với …": its numbers belong to the place named after them. */
  withClause: boolean;
  placeNamed: boolean;
}

interface Frame {
  subject: Subject;
  fig: Draft | null;
  attributive: boolean;
}

export interface ReaderContext {
  place: string | null;
  indicator: string | null;
  /** The indicator the report is about, per unit: for a number whose sentence names none. */
  topic: (unit: 'usd' | 'vnd') => string | null;
  /** The period of a figure before any is named: the report's own. */
  readonly defaultPeriod: PeriodRef;
  /** A period in the store's terms, its open parts taken from the report. */
  resolve: (p: PeriodRef) => Period | null;
}

export class ClauseReader {
  readonly drafts: Draft[] = [];
  private s!: Subject;
  private fig: Draft | null = null;
  private frames: Frame[] = [];
  private inlineParens = 0;
  private lastPeriod: PeriodRef | null = null;
  private seq = 0;

  constructor(private readonly ctx: ReaderContext) {}

  readSentence(mentions: readonly Mention[]): Draft[] {
    const start = this.drafts.length;
    this.s = this.freshSubject();
    this.fig = null;
    this.frames = [];
    this.inlineParens = 0;
    for (let i = 0; i < mentions.length; i++) this.read(mentions[i]!, mentions, i);
    while (this.frames.length) this.closeParen();
    this.close();
    if (this.s.indicator && this.s.indicator !== NONE) this.ctx.indicator = this.s.indicator;
    this.lastPeriod = this.s.period;
    // in the order the sentence says them, an aside after the figure it stands beside
    return this.drafts.slice(start).sort((a, b) => a.seq - b.seq);
  }

  private freshSubject(): Subject {
    const place = this.ctx.place ? [this.ctx.place] : [];
    return {
      ...{ places: place, previous: place, indicator: this.ctx.indicator },
      period: this.lastPeriod ?? this.ctx.defaultPeriod,
      ...{ periodStated: false, estimate: false, baseEstimate: false, target: false },
      ...{ scope: null, refpre: null },
      ...{ breakdownOf: null, series: null, withClause: false, placeNamed: false },
    };
  }

  private read(m: Mention, all: readonly Mention[], i: number): void {
    switch (m.k) {
      case 'indicator':
        // "… tổng mức bán lẻ … Trong đó, tổng mức bán lẻ hàng hóa …": the goods part
        return this.nameIndicator(
          m.id === 'retail' && this.s.breakdownOf === 'retail' ? 'retail_goods' : m.id,
        );
      case 'weak':
        return this.weak(m.id);
      case 'part':
        return this.nameIndicator(this.partOf(m.id));
      case 'other':
        return this.nameIndicator(NONE);
      case 'place':
        return this.place(m.ids, m.afterOf);
      case 'period':
        return this.period(m.p);
      case 'series':
        this.s.series = [...m.years];
        return;
      case 'amount':
        return this.amount(m);
      case 'change':
        return this.change(m.c);
      case 'pct':
        return this.bare(m.pct);
      default:
        return this.mark(m, all, i);
    }
  }

  private mark(m: Mention, all: readonly Mention[], i: number): void {
    switch (m.k) {
      case 'plan':
        return this.fill('plan', m.pct);
      case 'prior':
        return this.prior(m.pct, m.year, m.period);
      case 'planIs':
        return this.planIs(m.pct);
      case 'absolute':
        if (m.r) this.periodFromComparison(m.r);
        return;
      case 'refpre':
        this.s.refpre = m.r;
        return;
      case 'breakdown':
        return this.breakdown();
      case 'target':
        this.s.target = true;
        return;
      default:
        return this.flag(m, all, i);
    }
  }

  private flag(m: Mention, all: readonly Mention[], i: number): void {
    if (m.k === 'estimate') {
      this.s.estimate = true;
      if (this.fig) this.fig.estimate = true;
    } else if (m.k === 'scope') {
      this.s.scope = m.scope;
      if (this.fig) this.fig.scope = m.scope;
    } else if (m.k === 'open') this.openParen(all, i);
    else if (m.k === 'close') this.closeParen();
    else if (m.k === 'sep') {
      this.close();
      this.s.refpre = null;
    } else if (m.k === 'with') this.s.withClause = true;
  }

  /** "… qua các cửa khẩu đạt 1.209,5 triệu USD. Trong đó xuất khẩu …": its parts, same scope. */
  private breakdown(): void {
    const whole = this.fig ?? this.drafts.at(-1);
    this.close();
    this.s.breakdownOf = this.s.indicator;
    this.s.indicator = NONE;
    if (whole) {
      this.s.scope = whole.scope;
      this.s.baseEstimate = whole.estimate;
      this.s.estimate ||= whole.estimate;
    }
  }

  /** A sector named after "trong đó": its own series when the store has one, else nothing. */
  private partOf(id: string | null): string {
    const parent = this.s.breakdownOf ?? this.s.indicator;
    if (!id) return NONE;
    const entry = reportWords().growthOnly(id) || reportWords().unitOf(id) !== 'pct' ? id : NONE;
    if (entry === id && parent && !id.startsWith(parent.split('_')[0]!)) return NONE;
    return entry;
  }

  private nameIndicator(id: string): void {
    if (this.fig && this.fig.indicator !== id) this.close();
    if (this.s.indicator !== id) this.s.estimate = this.s.baseEstimate;
    this.s.indicator = id;
  }

  private weak(id: string | null): void {
    const current = this.s.indicator && this.s.indicator !== NONE ? this.s.indicator : null;
    if (id === 'trade_total') return this.nameIndicator(id);
    if (id === 'iip' && current && reportWords().growthOnly(current)) return;
    if (id) return this.nameIndicator(id);
    this.s.indicator = current ?? this.ctx.indicator;
  }

  private place(ids: string[], afterOf: boolean): void {
    if (afterOf && this.fig && this.fig.value !== null && this.fig.yoy === null) {
      this.fig.places = ids;
      return;
    }
    if (this.s.withClause && this.fig && hasData(this.fig) && !this.s.placeNamed) {
      this.fig.places = ids;
      this.s.placeNamed = true;
      this.s.places = ids;
      return;
    }
    if (this.fig && hasData(this.fig) && this.fig.places.join() !== ids.join()) this.close();
    this.s.previous = this.s.places;
    this.s.places = ids;
    this.s.placeNamed = true;
  }

  private period(p: PeriodRef): void {
    const fig = this.fig;
    if (fig && hasData(fig) && !fig.periodStated && !this.s.periodStated) {
      fig.period = p;
      fig.periodStated = true;
      this.s.period = p;
      this.s.periodStated = true;
      return;
    }
    if (hasData(fig)) this.close();
    // "ước" is said of the figure it stands with, not of the next span's
    if (this.s.periodStated) this.s.estimate = this.s.baseEstimate;
    this.s.period = p;
    this.s.periodStated = true;
  }

  private amount(m: Extract<Mention, { k: 'amount' }>): void {
    const indicator = this.indicatorFor(m.a.unit);
    if (!indicator || !unitFits(indicator, m.a.unit)) return;
    if (this.fig && this.fig.value !== null && this.inlineParens > 0) {
      // "vượt 1 triệu tỷ đồng (1,03 triệu tỷ đồng)": the parenthesis says it exactly
      this.fig.value = m.a.value;
      this.fig.approx = null;
      return;
    }
    const fig = this.figFor('value', indicator);
    fig.value = m.a.value;
    fig.unit = m.a.unit;
    fig.approx = m.a.approx;
  }

  private indicatorFor(unit: 'usd' | 'vnd'): string | null {
    const named = this.s.indicator;
    if (named === NONE) return null;
    if (named) return named;
    const topic = this.ctx.topic(unit);
    if (topic) this.s.indicator = topic;
    return topic;
  }

  private change(c: Change): void {
    if (this.s.series?.length) return this.seriesValue(c.pct);
    if (this.s.indicator === NONE) return;
    const refpre = this.s.refpre;
    const change = c.measure || c.ref || !refpre ? c : { ...c, ...refpre };
    const p = this.fig?.period ?? this.s.period;
    const measure = measureOf(change, p ? this.ctx.resolve(p) : null);
    this.periodFromComparison(c);
    this.figFor(measure)[measure] = c.pct;
  }

  /** "(kế hoạch năm là 23%)": the growth planned for the year, a target of its own. */
  private planIs(pct: number): void {
    const indicator = this.fig?.indicator ?? this.s.indicator;
    const period = this.fig?.period ?? this.s.period;
    if (!indicator || indicator === NONE || !period || !reportWords().growthOnly(indicator)) return;
    const open = this.fig;
    const fig = this.newFig();
    this.fig = open;
    Object.assign(fig, { indicator, period, target: true, estimate: false, yoy: pct });
    this.drafts.push(fig);
  }

  /** "tăng 9% so với năm 2024" in a text that names no period: the year after it. */
  private periodFromComparison(r: Reference): void {
    if (this.s.period !== this.ctx.defaultPeriod || r.ref?.type !== 'year' || !r.ref.year) return;
    this.period({ type: 'year', n: null, year: r.ref.year + 1 });
  }

  private bare(pct: number): void {
    if (this.s.series?.length) return this.seriesValue(pct);
    const named = this.s.indicator;
    // "tỷ trọng … trong GRDP ước đạt 38,97%": a level that is itself a percentage
    if (named && named !== NONE && reportWords().unitOf(named) === 'pct' && !reportWords().growthOnly(named)) {
      const fig = this.figFor('value', named);
      fig.value = pct;
      fig.unit = null;
      return;
    }
    const frame = this.frames.at(-1);
    const indicator = this.s.indicator;
    if (!frame?.attributive || !indicator || !reportWords().growthOnly(indicator)) return;
    this.fill('yoy', pct);
  }

  private seriesValue(pct: number): void {
    const year = this.s.series!.shift()!;
    const fig = this.newFig();
    fig.period = { type: 'year', n: null, year };
    fig.periodStated = true;
    fig.yoy = pct;
    this.close();
  }

  /** "(cùng kỳ năm 2024 tăng 6,5%)": the same span a year before, a figure of its own. */
  private prior(pct: number, year: number | null, period: PeriodRef | null): void {
    const base = period ? { period } : (this.fig ?? this.s);
    const resolved = base.period ? this.ctx.resolve(base.period) : null;
    const indicator = this.fig?.indicator ?? this.s.indicator;
    if (!resolved || !indicator || indicator === NONE || !base.period) return;
    const open = this.fig;
    const fig = this.newFig();
    this.fig = open;
    fig.indicator = indicator;
    fig.period = { ...base.period, year: year ?? (period ? resolved.year : resolved.year - 1) };
    fig.yoy = pct;
    this.drafts.push(fig);
  }

  /** The open figure, or a new one when it has no room for `slot` or names another subject. */
  private figFor(slot: 'value' | 'mom' | 'yoy' | 'plan', indicator?: string): Draft {
    const fig = this.fig;
    const full = fig && fig[slot] !== null;
    if (fig && !full && (!indicator || fig.indicator === indicator)) return fig;
    this.close();
    const fresh = this.newFig();
    if (indicator) fresh.indicator = indicator;
    return fresh;
  }

  private fill(slot: 'yoy' | 'plan', pct: number): void {
    if (this.s.indicator === NONE) return;
    this.figFor(slot)[slot] = pct;
  }

  private newFig(): Draft {
    const s = this.s;
    this.fig = {
      ...{ places: s.places, indicator: s.indicator, period: s.period, periodStated: s.periodStated },
      ...{ value: null, unit: null, approx: null, mom: null, yoy: null, plan: null },
      ...{ estimate: s.estimate, target: s.target, scope: s.scope, notes: [], seq: this.seq++ },
    };
    return this.fig;
  }

  private close(): void {
    if (hasData(this.fig)) this.drafts.push(this.fig);
    this.fig = null;
  }

  private openParen(all: readonly Mention[], i: number): void {
    const inside: Mention[] = [];
    for (let j = i + 1; j < all.length && all[j]!.k !== 'close'; j++) inside.push(all[j]!);
    const data = inside.some((m) => ['amount', 'change', 'pct', 'plan'].includes(m.k));
    const names = inside.some((m) => m.k === 'place' || m.k === 'period');
    const attributive = all[i - 1]?.k === 'place' && data;
    if (!data || (!names && !attributive)) {
      this.inlineParens += 1;
      return;
    }
    this.frames.push({ subject: { ...this.s }, fig: this.fig, attributive });
    this.fig = null;
    this.s.estimate = false;
  }

  private closeParen(): void {
    if (this.inlineParens > 0 && !this.frames.length) {
      this.inlineParens -= 1;
      return;
    }
    const frame = this.frames.pop();
    if (!frame) return;
    this.close();
    this.s = frame.subject;
    this.fig = frame.fig;
    if (frame.attributive) this.s.places = this.s.previous;
  }
}
