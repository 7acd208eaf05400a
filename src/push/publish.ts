/** The bulletins new figures owe, whoever landed them (an admin, a trusted source). */
import { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import { latestMonth, type Month } from './summary.js';
import type { Trigger } from './subscriptions.js';

export interface Publisher {
  trigger(
    trigger: Trigger,
    startedBy: number | null,
    month?: Month | null,
    places?: readonly string[],
  ): Promise<unknown>;
}

/**
 * The month the new figures are about, for the places they are about: only those places'
 * subscribers get a bulletin, each of its own place's month.
 */
export async function publishLanded(
  push: Publisher | null,
  landed: readonly Fact[],
  startedBy: number | null,
): Promise<void> {
  const month = latestMonth(FactIndex.of([...landed]));
  const places = [...new Set(landed.map((f) => f.place))];
  if (month && push) await push.trigger('publish', startedBy, month, places);
}
