/**
 * One conversation with the bot: the whole flow (normalize -> understand -> look up ->
 * compose) plus the context a follow-up reuses. Every transport (Telegram, terminal,
 * `npm run ask`) talks to this and nothing else.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { answer } from '../answer/answer.js';
import type { Reply } from '../answer/reply.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Today } from '../understand/periods.js';
import type { Context, Query } from '../understand/query.js';
import { crashPoint } from '../util/crash-point.js';
import { understand } from '../understand/understand.js';
import { CONTEXT_NAMESPACE, type Storage } from '../storage/storage.js';

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

export interface Turn {
  readonly query: Query;
  readonly reply: Reply;
}

export function contextAfter(q: Query, r: Reply, previous: Context | null): Context | null {
  if (q.intent === 'help' || q.intent === 'unknown') return previous;
  // "Hải Phòng?" after "Kiên Giang": the two places a "bên nào nhiều hơn" then compares
  const earlier =
    previous && previous.indicator === q.indicator && q.places.length === 1
      ? previous.places.filter((p) => !q.places.includes(p))
      : [];
  return {
    intent: q.intent,
    places: q.places,
    indicator: q.indicator,
    period: r.period ?? q.period,
    scope: q.scope,
    english: q.english,
    ...(earlier.length ? { earlierPlaces: earlier } : {}),
    ...(q.intent === 'rank' ? { ranking: rankingOf(q) } : {}),
  };
}

const rankingOf = ({ rankBy, rankOrder, rankLimit }: Query) => ({ rankBy, rankOrder, rankLimit });

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

/** The reply to an understood question, in the language it was asked in. */
export function replyTo(query: Query, index: FactIndex): Reply {
  return answer(query, index);
}

/** A day: how long a chat's context waits for a follow-up. */
const CONTEXT_TTL_MS = 86_400_000;

/**
 * One turn of a chat whose context lives in shared storage (files, or PostgreSQL for replicas):
 * read the context, understand, read the figures the question needs, answer, keep the context.
 */
export async function askInChat(
  storage: Pick<Storage, 'facts' | 'state'>,
  chat: string,
  text: string,
  clock: () => Date = () => new Date(),
  clientEnglish = false,
): Promise<Turn> {
  const previous = (await storage.state.get<Context>(CONTEXT_NAMESPACE, chat)) ?? null;
  const query = understand(text, previous, todayIn(clock()), undefined, clientEnglish);
  const reply = replyTo(query, await storage.facts.indexFor(query));
  const next = contextAfter(query, reply, previous);
  // written only when it changed (an off-topic turn or help leaves it as it was)
  if (next !== previous && JSON.stringify(next) !== JSON.stringify(previous)) {
    if (next) await storage.state.set(CONTEXT_NAMESPACE, chat, next, CONTEXT_TTL_MS);
    else await storage.state.delete(CONTEXT_NAMESPACE, chat);
  }
  // the context is on disk (or in the database) before the reply is sent: a follow-up after a
  // kill -9 here still has its subject
  crashPoint('turn:context-saved');
  return { query, reply };
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
    const reply = replyTo(query, this.index());
    const next = contextAfter(query, reply, previous);
    if (next !== previous) this.keeper.set(next);
    return { query, reply };
  }

  reset(): void {
    this.keeper.set(null);
  }
}
