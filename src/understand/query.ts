/** What a question asks, once understood: the contract between understanding and answering. */
import type { Period, PeriodQuery } from '../domain/period.js';
import type { Correction } from './entities.js';
import type { InvalidPeriod } from './periods.js';

export type Intent = 'lookup' | 'compare' | 'rank' | 'trend' | 'help' | 'subscribe' | 'unknown';
/** The comparison a question asks about ("so với cùng kỳ", "tăng hay giảm", "% kế hoạch"). */
export type Focus = { mom: boolean; yoy: boolean; plan: boolean; direction: boolean };
export type Reused = 'places' | 'indicator' | 'period' | 'year';

export interface Query {
  readonly text: string;
  readonly intent: Intent;
  readonly places: readonly string[];
  readonly indicator: string | null;
  /** Other indicators named in the same question (for "Ý bạn là"). */
  readonly otherIndicators: readonly string[];
  readonly period: PeriodQuery | null;
  readonly focus: Focus;
  readonly rankOrder: 'desc' | 'asc';
  /** What a ranking orders by: the level, or a change (on a year before, a month before, plan). */
  readonly rankBy: 'level' | 'yoy' | 'mom' | 'plan';
  /** "top 5", "3 tỉnh": how many places a ranking lists (null: all). */
  readonly rankLimit: number | null;
  readonly unsubscribe: boolean;
  /** What this turn took from the previous one. */
  readonly reused: readonly Reused[];
  readonly corrections: readonly Correction[];
  /** A typo that could be several places: ask, do not guess. */
  readonly ambiguousPlaces: readonly string[];
  /** Looks like a question about something else (weather, gold price...). */
  readonly offTopic: boolean;
  /** A product the question names (gạo, thủy sản…): the store has totals, not products. */
  readonly commodity: string | null;
  /** "qua địa bàn", "trừ dầu thô": a series apart from the province's own total. */
  readonly scope: Scope | null;
  /** "Đồng Nai mới": the unit formed on 1 July 2025, even for an earlier period. */
  readonly newUnit: boolean;
  /** "chiếm bao nhiêu %", "tỷ trọng": a share of another figure (the national one). */
  readonly share: boolean;
  /** "bình quân mỗi tháng": the span's level divided by its months, said to be computed. */
  readonly average: boolean;
  /** "có số liệu gì", "tỉnh nào có số liệu": what the store holds, not a figure. */
  readonly inventory: boolean;
  /** "nguồn số liệu": the list of sources. */
  readonly sourcesList: boolean;
  /** "bot có dữ liệu gì": what the store holds, all places and indicators together. */
  readonly aboutStore: boolean;
  /** "bên nào nhiều hơn?", "which is higher?": the comparison answered in one line first. */
  readonly whichMore: boolean;
  /** "có vượt kế hoạch không?": answered yes or no first. */
  readonly yesNo: boolean;
  /** The yes/no question asks about a fall ("có giảm không"). */
  readonly asksFall: boolean;
  /** "Kiên Giang 4 tháng so với Lạng Sơn nửa năm": each place's own period, in place order. */
  readonly periodsByPlace: readonly (PeriodQuery | null)[] | null;
  /** "quý 1/2020 so với quý 1/2019": two periods of one place, as written. */
  readonly periodsCompared: readonly [PeriodQuery, PeriodQuery] | null;
  /** "6 tháng cuối năm": the second half of the period's year, never the year's own figure. */
  readonly secondHalf: boolean;
  /** "tuần trước", "hôm qua" as the user wrote it: a time the store has no period for. */
  readonly unreadTime: string | null;
  /** "tháng 13": a period that does not exist, said why. */
  readonly invalidPeriod: InvalidPeriod | null;
  /** Thanks, a greeting or only emoji: a short fitting reply, no figures. */
  readonly smallTalk: 'thanks' | 'greeting' | 'emoji' | null;
  /** Asked wholly in English: the reply is worded in English. */
  readonly english: boolean;
  /** "Kiên Giang bây giờ thuộc tỉnh nào?": the merger, not a figure. */
  readonly belongsTo: boolean;
}

export type Scope = 'qua-dia-ban' | 'tru-dau-tho';

/** What a conversation remembers between turns. */
export interface Context {
  readonly intent: Intent;
  readonly places: readonly string[];
  readonly indicator: string | null;
  readonly period: Period | PeriodQuery | null;
  readonly scope?: Scope | null;
  /** The conversation is in English: a turn with no word of either language stays English. */
  readonly english?: boolean;
  /** The places of the turn before, about the same indicator: "bên nào nhiều hơn" compares them. */
  readonly earlierPlaces?: readonly string[];
  /** How the ranking of the turn before was ordered, for "còn nhập khẩu?" after it. */
  readonly ranking?: Pick<Query, 'rankBy' | 'rankOrder' | 'rankLimit'>;
}
