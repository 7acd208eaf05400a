/**
 * The admin's review of a report's figures before they land, by replying to the preview:
 * "bỏ 2" drops figure 2, "sửa 3 45,2" corrects its value, "sửa 3 kỳ T5/2021" its period,
 * "nơi Khánh Hòa" or "năm 2021" sets the place or the year of every figure. Each edit is
 * checked again as a record; an edit that cannot apply says why and changes nothing.
 */
import { problemText } from '../domain/problem.js';
import type { Period, PeriodQuery } from '../domain/period.js';
import { parseViNumber } from '../extract/extract.js';
import { foldDiacritics, normalize } from '../normalize/fold.js';
import { type Fact, parseFact } from '../store/schema.js';
import { readEntities } from '../understand/entities.js';
import { lexicon } from '../domain/lexicon.js';
import { readPeriod } from '../understand/periods.js';
import { msg } from '../messages.js';

/** A figure under review and the words it was read from. */
export interface ReviewItem {
  readonly fact: Fact;
  readonly sentence: string;
}

export type ReviewResult =
  | { ok: true; items: ReviewItem[]; plans?: ReviewItem[]; said: string }
  | { ok: false; reason: string };

/** The figures under review, and the plans the report states (kept apart until kept). */
export interface UnderReview {
  readonly items: readonly ReviewItem[];
  readonly plans?: readonly ReviewItem[];
}

const USAGE = msg('review_usage');

function numbered(items: readonly ReviewItem[], n: number): ReviewItem | null {
  return Number.isInteger(n) && n >= 1 && n <= items.length ? items[n - 1]! : null;
}

/** Every figure checked again after an edit: all or nothing. */
function recheck(items: ReviewItem[], said: string): ReviewResult {
  const out: ReviewItem[] = [];
  for (const [i, item] of items.entries()) {
    const r = parseFact(item.fact);
    if (!r.ok)
      return {
        ok: false,
        reason: msg('review_invalid', { n: i + 1, issue: problemText(r.issues[0]!.problem) }),
      };
    out.push({ ...item, fact: r.fact });
  }
  return out.length ? { ok: true, items: out, said } : { ok: false, reason: msg('review_empty') };
}

const edit = (items: readonly ReviewItem[], f: (fact: Fact) => Fact, only?: ReviewItem) =>
  items.map((x) => (!only || x === only ? { ...x, fact: f(x.fact) } : x));

function placeOf(name: string): string | null {
  const lex = lexicon();
  return readEntities(normalize(name), lex, { fuzzy: false }).places[0] ?? null;
}

function periodOf(text: string, year: number): Period | null {
  const p: PeriodQuery | null = readPeriod(normalize(text).flat, lexicon(), {
    year,
    month: 12,
  }).period;
  return p ? ({ ...p, year: p.year ?? year } as Period) : null;
}

type Edit = (items: readonly ReviewItem[], t: string, reply: string) => ReviewResult | null;

const dropEdit: Edit = (items, t) => {
  const drop = /^bo ((?:\d+ ?)+)$/.exec(t);
  if (!drop) return null;
  const gone = new Set(drop[1]!.trim().split(' ').map(Number));
  if ([...gone].some((n) => !numbered(items, n)))
    return { ok: false, reason: msg('review_no_such', { usage: USAGE }) };
  const kept = items.filter((_, i) => !gone.has(i + 1));
  return recheck(kept, msg('review_dropped', { numbers: [...gone].join(', ') }));
};

const valueEdit: Edit = (items, t, reply) => {
  const value = /^sua (\d+) (?:gia tri )?(\d[\d.,]*)$/.exec(t);
  if (!value) return null;
  const item = numbered(items, Number(value[1]));
  if (!item) return { ok: false, reason: msg('review_no_number', { n: value[1]!, usage: USAGE }) };
  const v = parseViNumber(reply.match(/\d[\d.,]*$/)![0]);
  return recheck(
    edit(items, (f) => ({ ...f, value: v }), item),
    msg('review_value', { n: value[1]!, value: v }),
  );
};

const periodEdit: Edit = (items, t) => {
  const period = /^sua (\d+) ky (.+)$/.exec(t);
  if (!period) return null;
  const item = numbered(items, Number(period[1]));
  const p = item && periodOf(period[2]!, item.fact.period.year);
  if (!item || !p)
    return { ok: false, reason: msg('review_bad_period', { period: period[2]!, usage: USAGE }) };
  return recheck(
    edit(items, (f) => ({ ...f, period: p }), item),
    msg('review_period', { n: period[1]! }),
  );
};

const yearEdit: Edit = (items, t) => {
  const year = /^nam (\d{4})$/.exec(t);
  if (!year) return null;
  const y = Number(year[1]);
  return recheck(
    edit(items, (f) => ({ ...f, period: { ...f.period, year: y } })),
    msg('review_year', { year: y }),
  );
};

const placeEdit: Edit = (items, t) => {
  const place = /^(?:noi|tinh|thanh pho) (.+)$/.exec(t);
  if (!place) return null;
  const id = placeOf(place[1]!);
  if (!id) return { ok: false, reason: msg('review_bad_place', { place: place[1]! }) };
  return recheck(
    edit(items, (f) => ({ ...f, place: id })),
    msg('review_place', { place: id }),
  );
};

/** "giữ kế hoạch": the report's plans and targets go to the store with its results, as plans. */
function keepPlans(review: UnderReview): ReviewResult {
  const plans = review.plans ?? [];
  if (!plans.length) return { ok: false, reason: msg('review_no_targets') };
  const kept = recheck(
    [...review.items, ...plans],
    msg('report_targets_kept', { n: plans.length }),
  );
  return kept.ok ? { ...kept, plans: [] } : kept;
}

/** Applies one reply to the figures under review. */
export function applyReview(review: UnderReview, reply: string): ReviewResult {
  const items = review.items;
  // folded, but numbers keep their separators ("120,5")
  const t = foldDiacritics(reply)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]$/, '');
  if (/^giu (?:cac )?(?:ke hoach|muc tieu|chi tieu)$/.test(t)) return keepPlans(review);
  for (const e of [dropEdit, valueEdit, periodEdit, yearEdit, placeEdit]) {
    const r = e(items, t, reply);
    if (r) return r.ok ? { ...r, plans: [...(review.plans ?? [])] } : r;
  }
  return { ok: false, reason: USAGE };
}
