/**
 * Versions of the data on disk, committed atomically across processes.
 *
 * A commit writes, in order: the snapshot `versions/<n>.json` (the whole new data), the audit
 * record `versions/<n>.audit.json`, then `versions/versions.json` renamed into place: that
 * rename is the commit point. Only then are the data file and `audit.jsonl` brought up to date,
 * and `recover()` (run at every open, under the lock) replays those two steps after a crash and
 * removes the leftovers of a commit that never reached its commit point. So after a kill -9 at
 * any step the data is the old version or the new one, and whichever it is, a version records it.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  writeSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { copyFileAtomic, writeFileAtomic } from '../util/atomic-file.js';
import { crashPoint } from '../util/crash-point.js';
import { jsonPieces } from '../util/json-bytes.js';
import { appendFileFrom, copyRange, lineStartBefore, readRange } from '../util/file-tail.js';

export interface Version {
  n: number;
  who: string;
  at: string;
  file: string;
  action: 'apply' | 'restore' | 'initial' | 'external';
  added: number;
  changed: number;
  unchanged: number;
  total: number;
}

export type VersionDraft = Omit<Version, 'n' | 'at'>;

export interface Commit {
  readonly version: Version;
  /** The whole data after this version, as the data file must hold it (whole, or in pieces). */
  readonly data: string | Iterable<string>;
  readonly audit: Record<string, unknown>;
}

// proper-lockfile judges a lock stale by its age; the owner's pid lets a lock left by a
// killed process on this machine be taken at once instead of after `stale` milliseconds
const LOCK_OPTIONS = { stale: 20_000, update: 4_000, realpath: false, retries: 0 };
const LOCK_WAIT_MS = 120_000;

/** The lock was left by a process of this machine that no longer runs. */
function leftByDeadOwner(dir: string): boolean {
  try {
    const owner = `${dir}.owner`;
    // an owner file older than the lock belongs to an earlier holder, not to this lock's
    if (statSync(owner).mtimeMs < statSync(`${dir}.lock`).mtimeMs) return false;
    const pid = Number(readFileSync(owner, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function acquire(dir: string): Promise<() => Promise<void>> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const release = await lockfile.lock(dir, LOCK_OPTIONS);
      writeFileAtomic(`${dir}.owner`, String(process.pid));
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED' || Date.now() > until) throw err;
      if (leftByDeadOwner(dir)) rmSync(`${dir}.lock`, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 25));
    }
  }
}

export class VersionLog {
  constructor(
    readonly dir: string,
    private readonly dataPath: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Runs `work` holding the lock that every process applying to this data respects. */
  async locked<T>(work: () => Promise<T>): Promise<T> {
    const release = await acquire(this.dir);
    try {
      return await work();
    } finally {
      await release();
    }
  }

  /** The committed versions, read from disk (another process may have added one). */
  read(): Version[] {
    const path = join(this.dir, 'versions.json');
    if (!existsSync(path)) return [];
    return (JSON.parse(readFileSync(path, 'utf8')) as { versions: Version[] }).versions;
  }

  /** The data file as it is on disk, or null when there is none yet. */
  currentData(): string | null {
    return existsSync(this.dataPath) ? readFileSync(this.dataPath, 'utf8') : null;
  }

  snapshot(n: number): string {
    return readFileSync(this.snapshotPath(n), 'utf8');
  }

  /** Makes `make(n)` version n = latest + 1. Call inside `locked`. */
  commit(make: (n: number, at: string) => Commit): Version {
    const versions = this.read();
    const n = (versions.at(-1)?.n ?? 0) + 1;
    const c = make(n, new Date().toISOString());
    writeFileAtomic(this.snapshotPath(n), c.data);
    crashPoint('commit:snapshot-written');
    writeFileAtomic(this.auditRecordPath(n), jsonPieces(c.audit));
    crashPoint('commit:audit-record-written');
    writeFileAtomic(
      join(this.dir, 'versions.json'),
      JSON.stringify({ versions: [...versions, c.version] }, null, 1),
    );
    crashPoint('commit:committed');
    this.complete(n, false, crashPoint);
    return c.version;
  }

  /**
   * Finishes a commit a crash interrupted (its audit record is still there), removes what an
   * unfinished one left, and tells whether the data file was changed outside any version (it
   * is then kept as it is, for the caller to record). Call inside `locked`.
   */
  recover(): 'clean' | 'replayed' | 'external' {
    const latest = this.read().at(-1)?.n ?? 0;
    this.removeUncommitted(latest);
    this.removeStaleDataTemps();
    if (!latest) return 'clean';
    const data = this.snapshot(latest);
    const current = this.currentData();
    if (existsSync(this.auditRecordPath(latest))) {
      this.complete(latest, current === data);
      return 'replayed';
    }
    return current === data ? 'clean' : 'external';
  }

  /** `same`: the data file already holds version n's data (a replay that finds it written). */
  private complete(n: number, same = false, reached: (point: string) => void = () => {}): void {
    // the snapshot holds the data byte for byte: copied, not encoded again
    if (!same) copyFileAtomic(this.snapshotPath(n), this.dataPath);
    reached('commit:data-written');
    const record = this.auditRecordPath(n);
    this.setAsideTornTail();
    if (this.lastAudited() < n && existsSync(record))
      appendFileFrom(record, this.auditPath(), '\n');
    reached('commit:audited');
    rmSync(record, { force: true });
  }

  /** The version of the last line of audit.jsonl (0 when none), read from its end. */
  private lastAudited(): number {
    if (!existsSync(this.auditPath())) return 0;
    const fd = openSync(this.auditPath(), 'r');
    try {
      let end = fstatSync(fd).size;
      while (end > 0) {
        const start = lineStartBefore(fd, end - 1);
        // the record's own fields come first: its version is within the line's first bytes
        const head = readRange(fd, start, end, 4096).toString('utf8');
        const version = /"version":(\d+)/.exec(head)?.[1];
        if (version) return Number(version);
        end = start;
      }
      return 0;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The part of a line an append a crash tore (audit.jsonl not ending in a newline) is moved to
   * audit.torn, so that the next record starts on a line of its own and every line reads.
   */
  private setAsideTornTail(): void {
    const path = this.auditPath();
    if (!existsSync(path)) return;
    const fd = openSync(path, 'r+');
    try {
      const size = fstatSync(fd).size;
      if (size === 0 || readRange(fd, size - 1, size)[0] === 0x0a) return;
      const start = lineStartBefore(fd, size);
      const torn = openSync(join(this.dir, 'audit.torn'), 'a');
      try {
        copyRange(fd, start, size, torn);
        writeSync(torn, '\n');
      } finally {
        closeSync(torn);
      }
      ftruncateSync(fd, start);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** The data file's temporary copies: only a process killed mid-write leaves one (we hold the lock). */
  private removeStaleDataTemps(): void {
    const dir = dirname(this.dataPath);
    const stale = new RegExp(
      `^${basename(this.dataPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.tmp$`,
    );
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir))
      if (stale.test(name)) rmSync(join(dir, name), { force: true });
  }

  private removeUncommitted(latest: number): void {
    for (const name of readdirSync(this.dir)) {
      const n = Number(name.match(/^(\d+)\.(?:audit\.)?json$/)?.[1] ?? Number.NaN);
      if (name.endsWith('.tmp') || n > latest) rmSync(join(this.dir, name), { force: true });
    }
  }

  private snapshotPath(n: number): string {
    return join(this.dir, `${n}.json`);
  }
  private auditRecordPath(n: number): string {
    return join(this.dir, `${n}.audit.json`);
  }
  private auditPath(): string {
    return join(this.dir, 'audit.jsonl');
  }
}
