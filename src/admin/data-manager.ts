/**
 * Applying uploads: a preview against the current data (new / changed / unchanged, the
 * largest changes, plausibility warnings), then an atomic, versioned apply with an audit
 * trail, and a restore of the previous version. Applies run one at a time; an apply whose
 * preview was made on an older version is refused (two admins at once never mix).
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { formatNumber, indicatorName, periodText, placeName } from '../answer/format.js';
import type { FactStore } from '../store/fact-store.js';
import { findImplausible } from '../store/plausibility.js';
import type { Fact } from '../store/schema.js';
import { factKey } from './validate.js';

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
}
export interface Version {
  n: number;
  who: string;
  at: string;
  file: string;
  action: 'apply' | 'restore' | 'initial';
  added: number;
  changed: number;
  unchanged: number;
  total: number;
}

export class StaleUploadError extends Error {}

const same = (a: Fact, b: Fact) => JSON.stringify(a) === JSON.stringify(b);
const describe = (f: Fact) =>
  `${indicatorName(f.indicator)} – ${placeName(f.place)}, ${periodText(f.period)}`;

export class DataManager {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: FactStore,
    private readonly factsPath: string,
    private readonly dir: string,
    private readonly log: Low<{ versions: Version[] }>,
  ) {}

  static async open(store: FactStore, factsPath: string, stateDir: string): Promise<DataManager> {
    const dir = join(stateDir, 'versions');
    mkdirSync(dir, { recursive: true });
    const log = new Low(new JSONFile<{ versions: Version[] }>(join(dir, 'versions.json')), {
      versions: [],
    });
    await log.read();
    const dm = new DataManager(store, factsPath, dir, log);
    if (!log.data.versions.length)
      await dm.record({
        who: 'hệ thống',
        file: 'dữ liệu ban đầu',
        action: 'initial',
        added: store.index.facts.length,
        changed: 0,
        unchanged: 0,
      });
    return dm;
  }

  get version(): number {
    return this.log.data.versions.at(-1)?.n ?? 0;
  }
  versions(): readonly Version[] {
    return this.log.data.versions;
  }

  preview(incoming: readonly Fact[]): Preview {
    const current = new Map(this.store.index.facts.map((f) => [factKey(f), f]));
    const added: Fact[] = [];
    const changed: Change[] = [];
    let unchanged = 0;
    const merged = new Map(current);
    for (const f of incoming) {
      const key = factKey(f);
      const before = current.get(key);
      if (!before) added.push(f);
      else if (same(before, f)) unchanged++;
      else
        changed.push({
          key,
          before,
          after: f,
          ratio:
            before.value && f.value !== null
              ? Math.abs(f.value - before.value) / Math.abs(before.value)
              : 0,
        });
      merged.set(key, f);
    }
    changed.sort((a, b) => b.ratio - a.ratio);
    const touched = new Set([...added, ...changed.map((c) => c.after)]);
    const warnings = [...findImplausible([...merged.values()])]
      .filter(([f]) => touched.has(f))
      .map(([f, why]) => `${describe(f)}: ${why}`);
    return {
      baseVersion: this.version,
      added,
      changed,
      unchanged,
      warnings,
      merged: [...merged.values()],
    };
  }

  /** One-at-a-time, atomic: the data file is the old one or the new one, never a mix. */
  apply(p: Preview, who: string, file: string): Promise<Version> {
    const run = this.queue.then(async () => {
      if (p.baseVersion !== this.version)
        throw new StaleUploadError(
          'Dữ liệu đã thay đổi (một quản trị viên khác vừa áp dụng) sau khi bạn xem trước: hãy gửi lại tệp để xem trước bản mới.',
        );
      const before = new Map(this.store.index.facts.map((f) => [factKey(f), f]));
      await this.store.replace(p.merged);
      const v = await this.record({
        who,
        file,
        action: 'apply',
        added: p.added.length,
        changed: p.changed.length,
        unchanged: p.unchanged,
      });
      this.audit({
        at: v.at,
        who,
        action: 'apply',
        file,
        version: v.n,
        changes: [
          ...p.added.map((f) => ({ key: factKey(f), before: null, after: f.value })),
          ...p.changed.map((c) => ({
            key: c.key,
            before: before.get(c.key)?.value ?? null,
            after: c.after.value,
          })),
        ],
      });
      return v;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Goes back to the version before the latest one (itself recorded as a new version). */
  restorePrevious(who: string): Promise<Version> {
    const run = this.queue.then(async () => {
      const versions = this.log.data.versions;
      if (versions.length < 2) throw new Error('Chưa có phiên bản trước để khôi phục.');
      const target = versions[versions.length - 2]!;
      const snapshot = JSON.parse(readFileSync(this.snapshotPath(target.n), 'utf8')) as {
        facts: Fact[];
      };
      await this.store.replace(snapshot.facts);
      const v = await this.record({
        who,
        file: `khôi phục phiên bản ${target.n}`,
        action: 'restore',
        added: 0,
        changed: 0,
        unchanged: snapshot.facts.length,
      });
      this.audit({
        at: v.at,
        who,
        action: 'restore',
        file: v.file,
        version: v.n,
        restoredFrom: target.n,
      });
      return v;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private snapshotPath(n: number): string {
    return join(this.dir, `${n}.json`);
  }

  private async record(v: Omit<Version, 'n' | 'at' | 'total'>): Promise<Version> {
    const n = this.version + 1;
    // a copy of the data as it now is, written atomically, for restores
    const tmp = `${this.snapshotPath(n)}.tmp`;
    writeFileSync(
      tmp,
      existsSync(this.factsPath)
        ? readFileSync(this.factsPath)
        : JSON.stringify({ schema: 1, facts: this.store.index.facts }),
    );
    renameSync(tmp, this.snapshotPath(n));
    const version: Version = {
      ...v,
      n,
      at: new Date().toISOString(),
      total: this.store.index.facts.length,
    };
    this.log.data.versions.push(version);
    await this.log.write();
    return version;
  }

  private audit(entry: Record<string, unknown>): void {
    appendFileSync(join(this.dir, 'audit.jsonl'), `${JSON.stringify(entry)}\n`);
  }
}

export function previewText(p: Preview): string {
  const lines = [
    `📋 Xem trước: ${p.added.length} mới, ${p.changed.length} thay đổi, ${p.unchanged} không đổi.`,
  ];
  if (p.changed.length) {
    lines.push('Thay đổi lớn nhất:');
    for (const c of p.changed.slice(0, 5))
      lines.push(
        `• ${describe(c.after)}: ${c.before.value === null ? '–' : formatNumber(c.before.value)} → ${c.after.value === null ? '–' : formatNumber(c.after.value)}`,
      );
  }
  if (p.warnings.length) {
    lines.push(`⚠️ Cần kiểm tra (${p.warnings.length}):`);
    for (const w of p.warnings.slice(0, 5)) lines.push(`• ${w}`);
  }
  return lines.join('\n');
}
