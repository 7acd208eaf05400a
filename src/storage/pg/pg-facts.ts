/**
 * Facts with their versions and audit in PostgreSQL. A row is current while `to_version` is
 * null; an apply closes the rows it replaces and inserts the new ones in one transaction under
 * an advisory lock, after checking that the preview was made on the latest version, so two
 * admins on two replicas never mix. A restore re-opens the rows of an older version.
 *
 * Answers read a FactIndex: the whole current data while it is small (cached per version), else
 * only the series a question needs, so that neither the start nor a lookup grows with the store.
 */
import {
  type Preview,
  previewOn,
  StaleUploadError,
  type Version,
} from '../../admin/data-manager.js';
import { type Catalogue, defaultCatalogue } from '../../domain/catalogue.js';
import { msg } from '../../messages.js';
import { crashPoint } from '../../util/crash-point.js';
import { FactIndex } from '../../store/fact-store.js';
import { checkFacts, type Fact } from '../../store/schema.js';
import { joinTables } from '../../store/table-join.js';
import { tableOf } from '../../store/table-of.js';
import type { Query } from '../../understand/query.js';
import type { DataVersions, FactSource } from '../storage.js';
import {
  currentTotal,
  insertFacts,
  latestVersion,
  recordVersion,
  refreshDigest,
} from './pg-fact-rows.js';
import { mergedRows, type Scope, scopeOf, type StoredFact } from './pg-fact-scope.js';
import { type Client, inTransaction, type Pool, prepared } from './pool.js';
import { ScopeCache } from './scope-cache.js';

/** Up to this many current figures, every answer reads the whole data from memory. */
export const WHOLE_INDEX_LIMIT = 100_000;
const APPLY_LOCK = 72_110_002;
const VERSION_CHECK_MS = 1_000;

/**
 * The latest figure of every series, in stored order, and its index: a question's series are
 * laid over its table.
 */
interface Digest {
  readonly rows: StoredFact[];
  readonly index: FactIndex;
}

export class PgFacts implements FactSource, DataVersions {
  private seen = { version: -1, at: 0, total: 0 };
  private whole: FactIndex | null = null;
  private digest: Digest | null = null;
  /** A question scope's index by its query, kept from its second asking (scope-cache.ts). */
  private readonly scoped = new ScopeCache();

  constructor(
    private readonly pool: Pool,
    private readonly cat: Catalogue = defaultCatalogue(),
    private readonly wholeIndexLimit = WHOLE_INDEX_LIMIT,
  ) {}

  /** An empty database starts from the given figures (the bundled data) as version 1. */
  async seedIfEmpty(facts: () => Fact[]): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [APPLY_LOCK]);
      if ((await latestVersion(c)) > 0) return;
      const all = facts();
      await insertFacts(c, all, 1);
      await refreshDigest(c, 'all');
      const draft = {
        who: msg('version_system'),
        file: msg('version_initial'),
        action: 'initial' as const,
      };
      const counts = { added: all.length, changed: 0, unchanged: 0, total: all.length };
      await recordVersion(c, 1, { ...draft, ...counts }, {});
    });
  }

  /** The latest version and size, read at most once a second (another replica may apply). */
  private async current(): Promise<{ version: number; total: number }> {
    if (Date.now() - this.seen.at < VERSION_CHECK_MS) return this.seen;
    const r = await this.pool.query<{ n: number | null; total: string }>(
      `SELECT (SELECT max(n) FROM versions) AS n,
              (SELECT (record->>'total')::bigint FROM versions ORDER BY n DESC LIMIT 1) AS total`,
    );
    const version = r.rows[0]?.n ?? 0;
    if (version !== this.seen.version) {
      this.whole = null;
      this.digest = null;
      this.scoped.clear();
    }
    this.seen = { version, at: Date.now(), total: Number(r.rows[0]?.total ?? 0) };
    return this.seen;
  }

  async refresh(): Promise<void> {
    this.seen = { ...this.seen, at: 0 };
  }

  async count(): Promise<number> {
    return (await this.current()).total;
  }

  async indexFor(q: Query | null): Promise<FactIndex> {
    const { total } = await this.current();
    if (total <= this.wholeIndexLimit) {
      this.whole ??= FactIndex.of(await this.select('TRUE', []), this.cat);
      return this.whole;
    }
    const digest = await this.digestRows();
    const scope = q && scopeOf(q, this.cat, digest.rows);
    if (!scope) return digest.index;
    const key = `${scope.sql}\u0000${JSON.stringify(scope.params)}`;
    const known = this.scoped.get(key);
    if (known) return known;
    const index = await this.readScope(scope, digest);
    this.scoped.offer(key, index);
    return index;
  }

  private async readScope(scope: Scope, digest: Digest): Promise<FactIndex> {
    const series = await this.readSeries(scope);
    if (scope.unless && !scope.unless.holds(series))
      return this.readScope(scope.unless.wider, digest);
    const seriesTable = tableOf(
      series.map((r) => r.fact),
      this.cat,
    );
    const rows = mergedRows(digest.rows, series, scope);
    const unitOf = (indicator: string) => this.cat.indicator(indicator).unit;
    const table = joinTables([digest.index.table, seriesTable], rows, unitOf);
    return new FactIndex(table, this.cat);
  }

  private async readSeries(scope: Scope): Promise<StoredFact[]> {
    const r = await this.pool.query<{ id: string; fact: string }>(
      prepared(scope.sql, scope.params),
    );
    const facts = JSON.parse(`[${r.rows.map((row) => row.fact).join(',')}]`) as Fact[];
    return facts.map((fact, i) => ({ id: Number(r.rows[i]!.id), fact }));
  }

  /** The latest figure of every series, read once per version. */
  private async digestRows(): Promise<Digest> {
    if (this.digest) return this.digest;
    const rows = await this.stored('SELECT id, fact FROM fact_digest ORDER BY id', []);
    this.digest = {
      rows,
      index: FactIndex.of(
        rows.map((r) => r.fact),
        this.cat,
      ),
    };
    return this.digest;
  }

  private async stored(sql: string, params: unknown[]): Promise<StoredFact[]> {
    const r = await this.pool.query<{ id: string; fact: Fact }>(sql, params);
    return r.rows.map((row) => ({ id: Number(row.id), fact: row.fact }));
  }

  async indexForPlaces(places: readonly string[]): Promise<FactIndex> {
    const { total } = await this.current();
    if (total <= this.wholeIndexLimit) return this.indexFor(null);
    const wanted = [...new Set([...places, this.cat.nationalId])];
    return FactIndex.of(await this.select('place = ANY($1)', [wanted]), this.cat);
  }

  private async rows(sql: string, params: unknown[]): Promise<Fact[]> {
    return (await this.pool.query<{ fact: Fact }>(sql, params)).rows.map((r) => r.fact);
  }

  private select(where: string, params: unknown[]): Promise<Fact[]> {
    return this.rows(
      `SELECT fact FROM facts WHERE to_version IS NULL AND ${where} ORDER BY id`,
      params,
    );
  }

  async lookup(place: string, indicator: string, period: string): Promise<Fact | undefined> {
    const rows = await this.select('place = $1 AND indicator = $2 AND period = $3', [
      place,
      indicator,
      period,
    ]);
    if (!rows.length) return undefined;
    const f = rows[0]!;
    return FactIndex.of(rows, this.cat).get(place, indicator, f.period);
  }

  async versions(): Promise<readonly Version[]> {
    const r = await this.pool.query<{ record: Version }>('SELECT record FROM versions ORDER BY n');
    return r.rows.map((row) => row.record);
  }

  /** Compared with the series the upload touches: the same preview as on files. */
  async preview(incoming: readonly Fact[]): Promise<Preview> {
    const pairs = [...new Set(incoming.map((f) => `${f.place}\u0000${f.indicator}`))];
    const [places, indicators] = [0, 1].map((i) => pairs.map((p) => p.split('\u0000')[i]!));
    const current = await this.pool.query<{ fact: Fact; n: number }>(
      `SELECT fact FROM facts f JOIN unnest($1::text[], $2::text[]) AS t(place, indicator)
         ON f.place = t.place AND f.indicator = t.indicator WHERE f.to_version IS NULL`,
      [places, indicators],
    );
    const version = await latestVersion(this.pool);
    const idx = FactIndex.of(
      current.rows.map((r) => r.fact),
      this.cat,
    );
    return { ...previewOn(idx, incoming, version), merged: [] };
  }

  apply(p: Preview, who: string, file: string): Promise<Version> {
    return this.locked(async (c, n) => {
      if (p.baseVersion !== n - 1) throw new StaleUploadError(msg('stale_preview'));
      const incoming = [...p.added, ...p.changed.map((ch) => ch.after)];
      checkFacts(incoming, msg('store_new_data'), this.cat);
      await c.query('UPDATE facts SET to_version = $1 WHERE to_version IS NULL AND key = ANY($2)', [
        n,
        p.changed.map((ch) => ch.key),
      ]);
      await insertFacts(c, incoming, n);
      crashPoint('pg-apply:rows-written');
      await refreshDigest(c, incoming);
      const total = await currentTotal(c);
      const counts = { added: p.added.length, changed: p.changed.length };
      const draft = { who, file, action: 'apply' as const, unchanged: p.unchanged };
      const v = await recordVersion(c, n, { ...draft, ...counts, total }, {}, true);
      crashPoint('pg-apply:recorded');
      return v;
    });
  }

  restorePrevious(who: string): Promise<Version> {
    return this.locked(async (c, n) => {
      if (n - 1 < 2) throw new Error(msg('restore_none'));
      const target = n - 2;
      await c.query('UPDATE facts SET to_version = $1 WHERE to_version IS NULL', [n]);
      await c.query(
        `INSERT INTO facts (key, place, indicator, period, ptype, year, from_version, variant,
           choice, fact)
         SELECT key, place, indicator, period, ptype, year, $1, variant, choice, fact FROM facts
          WHERE from_version <= $2 AND (to_version IS NULL OR to_version > $2) AND from_version < $1
          ORDER BY id`,
        [n, target],
      );
      await refreshDigest(c, 'all');
      const total = await currentTotal(c);
      const file = msg('version_restore', { n: target });
      const draft = { who, file, action: 'restore' as const };
      const counts = { added: 0, changed: 0, unchanged: total, total };
      return recordVersion(c, n, { ...draft, ...counts }, { restoredFrom: target });
    });
  }

  /** One writer at a time across every replica; `n` is the version this commit will be. */
  private async locked<T>(work: (c: Client, n: number) => Promise<T>): Promise<T> {
    const result = await inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [APPLY_LOCK]);
      return work(c, (await latestVersion(c)) + 1);
    });
    this.seen = { version: -1, at: 0, total: 0 };
    return result;
  }
}
