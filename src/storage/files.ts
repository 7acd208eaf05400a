/**
 * The embedded implementation of the storage interface: the files of STATE_DIR and the data
 * file, through the classes that own them (FactStore, DataManager, SubscriptionStore,
 * AdminList, StateFile). No server needed; one process, or several on one machine for the data.
 */
import { msg } from '../messages.js';
import { join } from 'node:path';
import { AdminList } from '../admin/admins.js';
import { DataManager } from '../admin/data-manager.js';
import { SubscriptionStore } from '../push/subscriptions.js';
import type { FactStore } from '../store/fact-store.js';
import { StateFile } from '../util/state-file.js';
import type {
  AdminRepository,
  DataVersions,
  FactSource,
  KeyValueStore,
  Storage,
  SubscriptionRepository,
} from './storage.js';
import { periodKey } from '../domain/period.js';
import { FileSources } from './file-sources.js';

const HOUR = 3_600_000;
const SOURCES_FILE = 'sources.json';
/** Each namespace's file, and how many entries it keeps at most. */
const NAMESPACES: Record<string, { file: string; max: number }> = {
  context: { file: 'contexts.json', max: 20_000 },
  preview: { file: 'previews.json', max: 20 },
  report: { file: 'reports.json', max: 200 },
  review: { file: 'reviews.json', max: 200 },
  button: { file: 'buttons.json', max: 50_000 },
  // a subscribed chat's language: one entry a subscriber
  lang: { file: 'languages.json', max: 200_000 },
};

export class FileKeyValue implements KeyValueStore {
  private readonly files = new Map<string, StateFile<unknown>>();

  constructor(private readonly dir: string | null) {}

  private file(ns: string): StateFile<unknown> {
    let f = this.files.get(ns);
    if (!f) {
      const spec = NAMESPACES[ns] ?? { file: `${ns}.json`, max: 10_000 };
      f = new StateFile<unknown>(this.dir && join(this.dir, spec.file), HOUR, spec.max);
      this.files.set(ns, f);
    }
    return f;
  }

  async get<V>(ns: string, key: string): Promise<V | undefined> {
    return this.file(ns).get(key) as V | undefined;
  }
  async set<V>(ns: string, key: string, value: V, ttlMs: number): Promise<void> {
    this.file(ns).set(key, value, ttlMs);
  }
  async delete(ns: string, key: string): Promise<void> {
    this.file(ns).delete(key);
  }
  async flush(): Promise<void> {
    for (const f of this.files.values()) f.flush();
  }
}

function adminsOf(list: AdminList): AdminRepository {
  return {
    all: async () => list.all(),
    add: (id) => list.add(id),
    remove: (id) => list.remove(id),
  };
}

function subscriptionsOf(subs: SubscriptionStore): SubscriptionRepository {
  return {
    list: async (chatId) =>
      subs
        .list(chatId)
        .map(({ chatId: id, place, indicator }) => ({ chatId: id, place, indicator })),
    byChat: async () => subs.byChat(),
    add: (chatId, place, indicator) => subs.add(chatId, place, indicator),
    addMany: (rows) => subs.addMany(rows),
    remove: (chatId, place, indicator) => subs.remove(chatId, place, indicator),
    count: async () => subs.all().length,
  };
}

function factsOf(store: FactStore, dm: DataManager | null): FactSource {
  return {
    refresh: async () => dm?.refresh(),
    indexFor: async () => store.index,
    indexForPlaces: async () => store.index,
    count: async () => store.index.size,
    lookup: async (place, indicator, period) => {
      const same = store.index.series(place, indicator).find((f) => periodKey(f.period) === period);
      return same && store.index.get(place, indicator, same.period);
    },
  };
}

function dataOf(dm: DataManager): DataVersions {
  return {
    preview: async (incoming) => dm.preview(incoming),
    apply: (p, who, file) => dm.apply(p, who, file),
    restorePrevious: (who) => dm.restorePrevious(who),
    versions: async () => dm.versions(),
  };
}

/** A storage from parts already open (tests and the terminal may have only some of them). */
export function storageOfParts(parts: {
  readonly store: FactStore;
  readonly stateDir: string | null;
  readonly data?: DataManager | null;
  readonly subs?: SubscriptionStore | null;
  readonly admins?: AdminRepository;
}): Storage & { readonly kv: FileKeyValue } {
  const kv = new FileKeyValue(parts.stateDir);
  const dm = parts.data ?? null;
  return {
    kind: 'files',
    kv,
    state: kv,
    admins: parts.admins ?? memoryAdmins([]),
    subscriptions: parts.subs ? subscriptionsOf(parts.subs) : unavailableSubscriptions(),
    facts: factsOf(parts.store, dm),
    data: dm ? dataOf(dm) : unavailableData(),
    sources: new FileSources(parts.stateDir && join(parts.stateDir, SOURCES_FILE)),
    close: () => kv.flush(),
  };
}

/** Admins kept in memory (tests, terminal): ADMIN_IDS and those added since start. */
export function memoryAdmins(ids: readonly number[]): AdminRepository {
  const set = new Set(ids);
  return {
    all: async () => [...set],
    add: async (id) => {
      set.add(id);
    },
    remove: async (id) => {
      set.delete(id);
    },
  };
}

const noState = () => msg('no_state_dir');
function unavailableSubscriptions(): SubscriptionRepository {
  const refuse = async (): Promise<never> => {
    throw new Error(noState());
  };
  return {
    list: async () => [],
    byChat: async () => new Map(),
    add: refuse,
    addMany: refuse,
    remove: refuse,
    count: async () => 0,
  };
}
function unavailableData(): DataVersions {
  const refuse = async (): Promise<never> => {
    throw new Error(noState());
  };
  return { preview: refuse, apply: refuse, restorePrevious: refuse, versions: async () => [] };
}

export interface FileStorage extends Storage {
  readonly kind: 'files';
  /** The figures of FACTS_PATH, read in this process. */
  readonly store: FactStore;
  readonly kv: FileKeyValue;
  readonly dataManager: DataManager;
  readonly subscriptionStore: SubscriptionStore;
  readonly adminList: AdminList;
}

export async function openFileStorage(
  store: FactStore,
  factsPath: string,
  stateDir: string,
  adminIds: readonly number[],
): Promise<FileStorage> {
  const kv = new FileKeyValue(stateDir);
  const dataManager = await DataManager.open(store, factsPath, stateDir);
  const subscriptionStore = await SubscriptionStore.open(stateDir);
  const adminList = await AdminList.open(stateDir, adminIds);
  return {
    kind: 'files',
    ...{ kv, dataManager, subscriptionStore, adminList, state: kv, store },
    admins: adminsOf(adminList),
    subscriptions: subscriptionsOf(subscriptionStore),
    facts: factsOf(store, dataManager),
    data: dataOf(dataManager),
    sources: new FileSources(join(stateDir, SOURCES_FILE)),
    close: () => kv.flush(),
  };
}
