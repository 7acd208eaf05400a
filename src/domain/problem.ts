/**
 * What a check found, as data: a code of the message catalogue and its values. The checks of
 * cells, numbers, rows and records return problems; the words are given where a problem is
 * shown (an upload's error report, a review, a refused record), from locales/ only.
 */
import { msg } from '../messages.js';

export type ProblemValue = string | number | Problem;

export interface Problem {
  readonly code: string;
  readonly values?: Readonly<Record<string, ProblemValue>>;
}

export function problem(code: string, values?: Record<string, ProblemValue>): Problem {
  return values ? { code, values } : { code };
}

/** The words of a problem (nested problems in its values worded first). */
export function problemText(p: Problem): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.values ?? {}))
    values[k] = typeof v === 'object' ? problemText(v) : v;
  return msg(p.code, values);
}
