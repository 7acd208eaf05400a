/**
 * One conversation with the bot: the whole flow (normalize -> understand -> look up ->
 * compose) plus the context a follow-up reuses. Every transport (Telegram, terminal,
 * `npm run ask`) talks to this and nothing else.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { answer } from '../answer/answer.js';
import { englishReply } from '../answer/english-reply.js';
import type { Reply } from '../answer/reply.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Today } from '../understand/periods.js';
import type { Context, Query } from '../understand/query.js';
import { understand } from '../understand/understand.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

let cachedHour = Number.NaN;
let cachedToday: Today = { year: 1970, month: 1 };

/**
 * Today's year and month in Vietnam (UTC+7: its months begin on a whole UTC hour, so the answer is
 * kept per UTC hour; a dayjs time-zone conversion per message cost 10% of the bot's time).
 */
export function todayIn(now: Date = new Date()): Today {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (hour !== cachedHour) {
    const d = dayjs(now).tz(TIME_ZONE);
    cachedToday = { year: d.year(), month: d.month() + 1 };
    cachedHour = hour;
  }
  return cachedToday;
}

/** The plain guide: not small talk, not the list of sources. */
const isGuide = (q: Query) => q.intent === 'help' && !q.smallTalk && !q.sourcesList;

export interface Turn {
  readonly query: Query;
  readonly reply: Reply;
}

export function contextAfter(q: Query, r: Reply, previous: Context | null): Context | null {
  if (q.intent === 'help' || q.intent === 'unknown') return previous;
  return {
    intent: q.intent,
    places: q.places,
    indicator: q.indicator,
    period: r.period ?? q.period,
    scope: q.scope,
  };
}

/** Where a conversation's context lives between turns (memory, or a state file). */
export interface ContextKeeper {
  get(): Context | null;
  set(context: Context | null): void;
}

function inMemory(): ContextKeeper {
  let context: Context | null = null;
  return {
    get: () => context,
    set: (c) => {
      context = c;
    },
  };
}

export class Conversation {
  constructor(
    private readonly index: () => FactIndex,
    private readonly clock: () => Date = () => new Date(),
    private readonly keeper: ContextKeeper = inMemory(),
  ) {}

  private get context(): Context | null {
    return this.keeper.get();
  }

  ask(text: string): Turn {
    const previous = this.context;
    const query = understand(text, previous, todayIn(this.clock()));
    const composed = answer(query, this.index());
    const reply = query.english ? englishReply(composed, isGuide(query)) : composed;
    const next = contextAfter(query, reply, previous);
    if (next !== previous) this.keeper.set(next);
    return { query, reply };
  }

  reset(): void {
    this.keeper.set(null);
  }
}
