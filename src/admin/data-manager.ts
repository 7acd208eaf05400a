/**
 * Applying uploads: a preview against the current data (new / changed / unchanged, the
 * largest changes, plausibility warnings), then an apply committed as one version (see
 * version-log.ts: atomic across processes, replayed after a crash) with an audit trail, and a
 * restore of the previous version. An apply whose preview was made on an older version is
 * refused, checked under the lock that every process respects: two admins never mix.
 */
import { join } from 'node:path';
import { formatNumber, indicatorName, periodText, placeName } from '../answer/format.js';
import {
  type FactIndex,
  type FactStore,
  factsOfText,
  serializeStore,
  storePieces,
} from '../store/fact-store.js';
import { findImplausible } from '../store/plausibility.js';
import { differ } from '../store/source-rule.js';
import { checkFacts, type Fact } from '../store/schema.js';
import { factKey } from './validate.js';
import { type Version, type VersionDraft, VersionLog } from './version-log.js';
import { msg } from '../messages.js';

export type { Version } from './version-log.js';

export interface Change {
  readonly key: string;
  readonly before: Fact;
  readonly after: Fact;
  readonly ratio: number;
}
export interface Preview {
  readonly baseVersion: number;
  readonly added: Fact[];
  readonly changed: Change[];
  readonly unchanged: number;
  readonly warnings: string[];
  readonly merged: Fact[];
  /** New records that state another figure than the one the store answers with for that key. */
  readonly conflicts: Change[];
}

export class StaleUploadError extends Error {}

const STALE_MESSAGE = msg('stale_preview');

const same = (a: Fact, b: Fact) => JSON.stringify(a) === JSON.stringify(b);
const describe = (f: Fact) =>
  `${indicatorName(f.indicator)} – ${placeName(f.place)}, ${periodText(f.period)}`;
const changeRatio = (before: Fact, after: Fact) =>
  before.value && after.value !== null
    ? Math.abs(after.value - before.value) / Math.abs(before.value)
    : 0;

/**
 * What an upload would change on the figures of `idx` (the whole store, or in PostgreSQL the
 * series the upload touches): new, changed, unchanged, warnings and conflicting sources.
 */
export function previewOn(idx: FactIndex, incoming: readonly Fact[], baseVersion: number): Preview {
  const current = new Map(idx.facts.map((f) => [factKey(f), f]));
  const added: Fact[] = [];
  const changed: Change[] = [];
  let unchanged = 0;
  const merged = new Map(current);
  for (const f of incoming) {
    const key = factKey(f);
    const before = current.get(key);
    if (!before) added.push(f);
    else if (same(before, f)) unchanged++;
    else changed.push({ key, before, after: f, ratio: changeRatio(before, f) });
    merged.set(key, f);
  }
  changed.sort((a, b) => b.ratio - a.ratio);
  const touched = new Set([...added, ...changed.map((c) => c.after)]);
  const warnings = [...findImplausible([...merged.values()])]
    .filter(([f]) => touched.has(f))
    .map(([f, why]) => `${describe(f)}: ${why}`);
  const conflicts = conflictsOf(idx, added);
  return {
    baseVersion,
    added,
    changed,
    unchanged,
    warnings,
    merged: [...merged.values()],
    conflicts,
  };
}

/** A new source for a figure the store holds: shown side by side with what it answers now. */
function conflictsOf(idx: FactIndex, added: readonly Fact[]): Change[] {
  return added.flatMap((f) => {
    const now = idx.get(f.place, f.indicator, f.period, { kind: f.kind, scope: f.scope });
    return now && differ(now, f)
      ? [{ key: factKey(f), before: now, after: f, ratio: changeRatio(now, f) }]
      : [];
  });
}

export class DataManager {
  private known: Version[] = [];

  private constructor(
    private readonly store: FactStore,
    private readonly log: VersionLog,
  ) {}

  static async open(store: FactStore, factsPath: string, stateDir: string): Promise<DataManager> {
    const dm = new DataManager(store, new VersionLog(join(stateDir, 'versions'), factsPath));
    await dm.log.locked(async () => {
      if (!dm.log.read().length) dm.commitCurrent('initial', msg('version_initial'));
      const state = dm.log.recover();
      // a data file replaced by hand is kept and recorded, never silently reverted
      if (state === 'external') dm.commitCurrent('external', msg('version_external'));
      // the store was read before the lock: another process may have committed since, and a
      // preview on that older data with the newer version number would drop its figures
      await store.reload();
      dm.known = dm.log.read();
    });
    return dm;
  }

  get version(): number {
    return this.known.at(-1)?.n ?? 0;
  }
  versions(): readonly Version[] {
    return this.known;
  }

  preview(incoming: readonly Fact[]): Preview {
    return previewOn(this.store.index, incoming, this.version);
  }

  /** Atomic and versioned: the data is the old one or the new one, never a mix. */
  apply(p: Preview, who: string, file: string): Promise<Version> {
    return this.log.locked(async () => {
      await this.catchUp();
      if (p.baseVersion !== this.version) throw new StaleUploadError(STALE_MESSAGE);
      // made as the audit record is written: 250,000 changes are never held as objects
      const changes = (function* () {
        for (const f of p.added) yield { key: factKey(f), before: null, after: f.value };
        for (const c of p.changed)
          yield { key: c.key, before: c.before.value, after: c.after.value };
      })();
      const draft = { who, file, action: 'apply' as const, unchanged: p.unchanged };
      const counts = { added: p.added.length, changed: p.changed.length };
      return this.commit(p.merged, { ...draft, ...counts, total: 0 }, { changes });
    });
  }

  /** Goes back to the version before the latest one (itself recorded as a new version). */
  restorePrevious(who: string): Promise<Version> {
    return this.log.locked(async () => {
      await this.catchUp();
      const target = this.known.at(-2);
      if (!target) throw new Error(msg('restore_none'));
      const facts = factsOfText(this.log.snapshot(target.n), msg('version_n', { n: target.n }));
      const file = msg('version_restore', { n: target.n });
      const draft = { who, file, action: 'restore' as const, added: 0, changed: 0 };
      return this.commit(
        facts,
        { ...draft, unchanged: facts.length, total: 0 },
        {
          restoredFrom: target.n,
        },
      );
    });
  }

  /** Reads what another process committed since (the version log and the data). */
  refresh(): Promise<void> {
    return this.log.locked(() => this.catchUp());
  }

  /** Another process may have committed since we last looked: read its version and data. */
  private async catchUp(): Promise<void> {
    const onDisk = this.log.read();
    if ((onDisk.at(-1)?.n ?? 0) === this.version) return;
    if (this.log.recover() === 'external') this.commitCurrent('external', msg('version_external'));
    await this.store.reload();
    this.known = this.log.read();
  }

  private async commit(
    facts: Fact[],
    draft: VersionDraft,
    auditExtra: Record<string, unknown>,
  ): Promise<Version> {
    checkFacts(facts); // before anything is written
    const data = { schema: 2 as const, facts };
    const version = this.log.commit((n, at) => {
      const v: Version = { ...draft, n, at, total: data.facts.length };
      const audit = { at, who: v.who, action: v.action, file: v.file, version: n, ...auditExtra };
      return { version: v, data: storePieces(data), audit };
    });
    await this.store.reload();
    this.known = this.log.read();
    return version;
  }

  /** Records the data file as found, byte for byte (the first version, or a change by hand). */
  private commitCurrent(action: 'initial' | 'external', file: string): void {
    const data = this.log.currentData() ?? serializeStore({ schema: 2, facts: [] });
    const total = factsOfText(data, msg('version_current')).length;
    const who = msg('version_system');
    const counts = { added: total, changed: 0, unchanged: 0, total };
    this.log.commit((n, at) => ({
      version: { n, at, who, file, action, ...counts },
      data,
      audit: { at, who, action, version: n },
    }));
  }
}

const shown = (f: Fact) =>
  f.value !== null
    ? formatNumber(f.value)
    : f.yoy_pct !== null
      ? `${formatNumber(f.yoy_pct)}%`
      : '–';

export function previewText(p: Preview): string {
  const counts = { added: p.added.length, changed: p.changed.length, unchanged: p.unchanged };
  const lines = [msg('preview_counts', counts)];
  const level = (f: Fact) => (f.value === null ? '–' : formatNumber(f.value));
  if (p.changed.length) {
    lines.push(msg('preview_largest_changes'));
    for (const c of p.changed.slice(0, 5))
      lines.push(`• ${describe(c.after)}: ${level(c.before)} → ${level(c.after)}`);
  }
  if (p.conflicts.length) {
    lines.push(msg('preview_conflicts', { n: p.conflicts.length }));
    for (const c of p.conflicts.slice(0, 5)) {
      const was = { before: shown(c.before), beforeSource: c.before.source.publisher };
      const now = { after: shown(c.after), afterSource: c.after.source.publisher };
      lines.push(`• ${describe(c.after)}: ${msg('preview_conflict', { ...was, ...now })}`);
    }
  }
  if (p.warnings.length) {
    lines.push(msg('preview_warnings', { n: p.warnings.length }));
    for (const w of p.warnings.slice(0, 5)) lines.push(`• ${w}`);
  }
  return lines.join('\n');
}
