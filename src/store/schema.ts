/** The statistics store's records, checked with zod on load and on every write. */
import { z } from 'zod';
import { PeriodSchema, isAfterMerger } from '../domain/period.js';
import { lexicon } from '../understand/lexicon.js';

export const SourceSchema = z
  .object({
    publisher: z.string().min(1),
    title: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD'),
    url: z.string().url().nullable().default(null),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

const pct = z.number().finite().min(-100).max(100000).nullable().default(null);

export const FactSchema = z
  .object({
    place: z.string(),
    indicator: z.string(),
    period: PeriodSchema,
    /** actual = a result (possibly an estimate); target = a plan or goal set for the period. */
    kind: z.enum(['actual', 'target']).default('actual'),
    value: z.number().finite().nullable(),
    unit: z.string(),
    mom_pct: pct,
    yoy_pct: pct,
    plan_pct: pct,
    estimate: z.boolean().default(false),
    approx: z.enum(['hơn', 'gần', 'khoảng']).nullable().default(null),
    /** "qua địa bàn": trade passing through the province's border gates, not its own. */
    scope: z.enum(['qua địa bàn']).nullable().default(null),
    source: SourceSchema,
  })
  .strict()
  .superRefine((f, ctx) => {
    const lex = lexicon();
    const place = lex.places.get(f.place);
    const ind = lex.indicators.get(f.indicator);
    if (!place)
      ctx.addIssue({
        code: 'custom',
        path: ['place'],
        message: `mã địa phương không có: ${f.place}`,
      });
    if (!ind)
      ctx.addIssue({
        code: 'custom',
        path: ['indicator'],
        message: `mã chỉ tiêu không có: ${f.indicator}`,
      });
    if (ind && f.unit !== ind.unit)
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `đơn vị của ${f.indicator} phải là "${ind.unit}", không phải "${f.unit}"`,
      });
    if (ind?.growthOnly && f.value !== null && f.kind === 'actual')
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${f.indicator} chỉ công bố tốc độ tăng (%), value phải là null`,
      });
    if (f.value === null && f.mom_pct === null && f.yoy_pct === null && f.plan_pct === null)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'bản ghi không có số liệu nào (value và các tỷ lệ đều trống)',
      });
    if (f.value !== null && f.value < 0 && ind?.unit !== '%')
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'giá trị âm không hợp lệ' });
    if (place && place.era === 'old' && isAfterMerger(f.period))
      ctx.addIssue({
        code: 'custom',
        path: ['place'],
        message: `${place.name} đã sáp nhập từ 01/07/2025, không thể có số liệu kỳ này`,
      });
    if (f.period.year < 1990 || f.period.year > 2100)
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'year'],
        message: `năm ${f.period.year} không hợp lệ`,
      });
  });
export type Fact = z.infer<typeof FactSchema>;
export type FactInput = z.input<typeof FactSchema>;

export const StoreFileSchema = z
  .object({
    schema: z.literal(1),
    facts: z.array(z.unknown()),
  })
  .strict();

export interface StoreData {
  schema: 1;
  facts: Fact[];
}

/** Parses a whole store; the error names the first bad record, nothing is half-loaded. */
export function parseStore(raw: unknown, where = 'store'): StoreData {
  const top = StoreFileSchema.safeParse(raw);
  if (!top.success)
    throw new Error(
      `${where}: cấu trúc tệp không hợp lệ (${top.error.issues[0]!.path.join('.')}: ${top.error.issues[0]!.message})`,
    );
  const facts: Fact[] = [];
  top.data.facts.forEach((rec, i) => {
    const r = FactSchema.safeParse(rec);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new Error(
        `${where}: bản ghi #${i + 1} (${describeRecord(rec)}): ${issue.path.join('.') || 'bản ghi'}: ${issue.message}`,
      );
    }
    facts.push(r.data);
  });
  return { schema: 1, facts };
}

function describeRecord(rec: unknown): string {
  if (rec && typeof rec === 'object') {
    const o = rec as Record<string, unknown>;
    return [o.place, o.indicator, JSON.stringify(o.period)].filter(Boolean).join(' ');
  }
  return String(rec).slice(0, 40);
}
