/**
 * The clause grammar: a sentence's mentions, left to right, build figures. The subject (place,
 * indicator, period) is what was named last; a value or a change fills the open figure, and a
 * new subject word, or a second value for a slot already filled, closes it. A period named just
 * after a figure's numbers ("đạt 8,62 tỷ USD trong tháng 8") is that figure's; so is a place
 * right after its amount ("7,83 tỷ USD của TPHCM"). Asides (parentheses, earlier periods, plans,
 * "trong đó") are read in asides.ts.
 */
import type { Change, Reference } from './amount-words.js';
import { breakdown, closeParen, openParen, planIs, prior, seriesValue } from './asides.js';
import { type Draft, hasData, measureOf, unitFits } from './draft.js';
import type { Mention } from './mentions.js';
import type { PeriodRef } from './period-words.js';
import { msg } from '../messages.js';
import { lexicon } from '../domain/lexicon.js';
import { reportWords } from './report-words.js';
import { freshSubject, NONE, named, type ReaderContext, type Subject } from './subject.js';

export interface Frame {
  subject: Subject;
  fig: Draft | null;
  attributive: boolean;
}

type Handlers = { [K in Mention['k']]: (m: Extract<Mention, { k: K }>, i: number) => void };

export class ClauseReader {
  readonly drafts: Draft[] = [];
  /** The state of the sentence being read (shared with asides.ts). */
  s!: Subject;
  fig: Draft | null = null;
  frames: Frame[] = [];
  inlineParens = 0;
  mentions: readonly Mention[] = [];
  private lastPeriod: PeriodRef | null = null;
  private seq = 0;
  private readonly on: Handlers;

  constructor(readonly ctx: ReaderContext) {
    this.on = this.handlers();
  }

  readSentence(mentions: readonly Mention[]): Draft[] {
    const start = this.drafts.length;
    this.s = freshSubject(this.ctx, this.lastPeriod);
    Object.assign(this, { fig: null, frames: [], inlineParens: 0, mentions });
    mentions.forEach((m, i) => {
      (this.on[m.k] as (m: Mention, i: number) => void)(m, i);
    });
    while (this.frames.length) closeParen(this);
    this.close();
    // "… tăng 8,8%, nếu loại trừ yếu tố giá tăng 6%": the sentence was about retail all the same
    const indicator = this.s.headline ?? named(this.s);
    if (indicator) this.ctx.indicator = indicator;
    this.lastPeriod = this.s.period;
    // in the order the sentence says them, an aside after the figure it stands beside
    return this.drafts.slice(start).sort((a, b) => a.seq - b.seq);
  }

  private handlers(): Handlers {
    const s = () => this.s;
    return {
      indicator: (m) => this.indicator(m.id),
      weak: (m) => this.weak(m.id),
      part: (m) => this.nameIndicator(this.partOf(m.id)),
      other: () => this.nameIndicator(NONE),
      place: (m) => this.place(m.ids, m.afterOf),
      period: (m) => this.period(m.p),
      series: (m) => {
        s().series = [...m.years];
      },
      amount: (m) => this.amount(m),
      change: (m) => this.change(m.c),
      pct: (m) => this.bare(m.pct),
      plan: (m) => this.fill('plan', m.pct),
      prior: (m) => prior(this, m.pct, m.year, m.period),
      planIs: (m) => planIs(this, m.pct),
      absolute: (m) => this.periodFromComparison(m.r),
      refpre: (m) => {
        s().refpre = m.r;
      },
      breakdown: () => breakdown(this),
      target: () => {
        s().target = true;
      },
      ...this.flagHandlers(),
    };
  }

  private flagHandlers(): Pick<
    Handlers,
    'estimate' | 'scope' | 'open' | 'close' | 'sep' | 'with' | 'word'
  > {
    return {
      estimate: () => {
        this.s.estimate = true;
        if (this.fig) this.fig.estimate = true;
        // "Dự kiến cả năm 2024, kim ngạch …", "Ước tính …": said of the whole sentence
        else if (!this.s.indicatorNamed) this.s.baseEstimate = true;
      },
      scope: (m) => {
        this.s.scope = m.scope;
        if (this.fig) this.fig.scope = m.scope;
      },
      open: (_m, i) => openParen(this, i),
      close: () => closeParen(this),
      sep: () => {
        this.close();
        this.s.refpre = null;
        this.s.estimate = this.s.baseEstimate;
      },
      with: () => {
        this.s.withClause = true;
      },
      word: () => {
        if (!this.fig) this.s.unread += 1;
      },
    };
  }

  /** "… tổng mức bán lẻ … Trong đó, tổng mức bán lẻ hàng hóa …": the goods part. */
  private indicator(id: string): void {
    this.nameIndicator(id === 'retail' && this.s.breakdownOf === 'retail' ? 'retail_goods' : id);
  }

  /** A sector: its own series when the store has one under the indicator discussed, else none. */
  private partOf(id: string | null): string {
    const parent = this.s.breakdownOf ?? this.s.indicator;
    if (!id || !parent || parent === NONE) return NONE;
    return id.startsWith(parent.split('_')[0]!) ? id : NONE;
  }

  nameIndicator(id: string): void {
    if (this.fig && this.fig.indicator !== id) this.close();
    if (this.s.indicator !== id) this.s.estimate = this.s.baseEstimate;
    this.s.indicator = id;
    this.s.indicatorInferred = false;
    this.s.indicatorNamed = true;
    if (id !== NONE && !lexicon().indicators.get(id)?.parent) this.s.headline = id;
  }

  /** "kim ngạch", "tổng kim ngạch", "chỉ số này": the indicator discussed, or the one they name. */
  private weak(id: string | null): void {
    const current = named(this.s);
    if (id === 'iip' && current && reportWords().growthOnly(current)) return;
    if (id) this.nameIndicator(id);
    else this.s.indicator = current ?? this.ctx.indicator;
  }

  private place(ids: string[], afterOf: boolean): void {
    const fig = this.fig;
    const owns = afterOf && fig && fig.value !== null && fig.yoy === null;
    const withClause = this.s.withClause && hasData(fig) && !this.s.placeNamed;
    if (fig && (owns || withClause)) {
      fig.places = ids;
      if (withClause) Object.assign(this.s, { places: ids, placeNamed: true });
      return;
    }
    if (hasData(fig) && fig.places.join() !== ids.join()) this.close();
    Object.assign(this.s, { previous: this.s.places, places: ids, placeNamed: true });
  }

  period(p: PeriodRef): void {
    const fig = this.fig;
    const postposed = hasData(fig) && !fig.periodStated && !this.s.periodStated;
    if (postposed) Object.assign(fig, { period: p, periodStated: true });
    else if (hasData(fig)) this.close();
    // "ước" is said of the figure it stands with, not of the next span's
    if (!postposed && this.s.periodStated) this.s.estimate = this.s.baseEstimate;
    this.s.period = p;
    this.s.periodStated = true;
  }

  private amount(m: Extract<Mention, { k: 'amount' }>): void {
    const indicator = this.indicatorFor(m.a.unit);
    if (!indicator || !unitFits(indicator, m.a.unit)) return;
    if (this.fig && this.fig.value !== null && this.inlineParens > 0) {
      // "vượt 1 triệu tỷ đồng (1,03 triệu tỷ đồng)": the parenthesis says it exactly
      Object.assign(this.fig, { value: m.a.value, approx: null });
      return;
    }
    const fig = this.figFor('value', indicator);
    Object.assign(fig, { value: m.a.value, unit: m.a.unit, approx: m.a.approx });
  }

  private indicatorFor(unit: 'usd' | 'vnd'): string | null {
    if (this.s.indicator === NONE) return null;
    if (this.s.indicator) return this.s.indicator;
    const topic = this.ctx.topic(unit);
    if (topic) Object.assign(this.s, { indicator: topic, indicatorInferred: true });
    return topic;
  }

  private change(c: Change): void {
    if (this.s.series?.length) {
      seriesValue(this, c.pct);
      return;
    }
    if (this.s.indicator === NONE) return;
    // "Sản lượng điện tăng 5%" after a sentence on the IIP: a growth of something it does not name
    if (!this.fig && !this.s.indicatorNamed && this.s.unread >= 2) return;
    const refpre = this.s.refpre;
    const change = c.measure || c.ref || !refpre ? c : { ...c, ...refpre };
    const p = this.fig?.period ?? this.s.period;
    const measure = measureOf(change, this.ctx.resolve(p));
    this.periodFromComparison(c);
    this.figFor(measure)[measure] = c.pct;
  }

  /** "tăng 9% so với năm 2024" in a text that names no period: the year after it. */
  private periodFromComparison(r: Reference | null): void {
    if (this.s.period !== this.ctx.defaultPeriod || r?.ref?.type !== 'year' || !r.ref.year) return;
    this.period({ type: 'year', n: null, year: r.ref.year + 1 });
  }

  private bare(pct: number): void {
    if (this.s.series?.length) {
      seriesValue(this, pct);
      return;
    }
    const indicator = named(this.s);
    if (!indicator) return;
    const words = reportWords();
    // "tỷ trọng … trong GRDP ước đạt 38,97%": a level that is itself a percentage
    if (words.unitOf(indicator) === 'pct' && !words.growthOnly(indicator)) {
      Object.assign(this.figFor('value', indicator), { value: pct, unit: null });
      return;
    }
    // "chỉ đứng sau Phú Thọ (26,4%)": the growth of the place before the parenthesis
    if (this.frames.at(-1)?.attributive && words.growthOnly(indicator)) this.fill('yoy', pct);
  }

  /** The open figure, or a new one when it has no room for `slot` or names another subject. */
  figFor(slot: 'value' | 'mom' | 'yoy' | 'plan', indicator?: string): Draft {
    const fig = this.fig;
    if (fig && fig[slot] === null && (!indicator || fig.indicator === indicator)) return fig;
    this.close();
    const fresh = this.newFig();
    if (indicator) fresh.indicator = indicator;
    return fresh;
  }

  private fill(slot: 'yoy' | 'plan', pct: number): void {
    if (this.s.indicator === NONE) return;
    this.figFor(slot)[slot] = pct;
  }

  newFig(): Draft {
    const s = this.s;
    this.fig = {
      ...{ places: s.places, indicator: s.indicator, period: s.period },
      ...{ periodStated: s.periodStated, value: null, unit: null, approx: null },
      ...{ mom: null, yoy: null, plan: null, estimate: s.estimate, target: s.target },
      ...{ scope: s.scope, notes: s.indicatorInferred ? [msg('note_indicator_from_text')] : [] },
      seq: this.seq++,
    };
    return this.fig;
  }

  close(): void {
    if (hasData(this.fig)) this.drafts.push(this.fig);
    this.fig = null;
  }
}
