/** The rows of facts, versions and audit, and the digest of series (pg-facts.ts uses them). */
import { factKey } from '../../admin/validate.js';
import type { Version, VersionDraft } from '../../admin/version-log.js';
import { periodKey } from '../../domain/period.js';
import type { Fact } from '../../store/schema.js';
import { choiceKey } from '../../store/source-rule.js';
import type { Client } from './pool.js';

const INSERT_CHUNK = 5_000;

export async function latestVersion(c: Pick<Client, 'query'>): Promise<number> {
  const r = await c.query<{ n: number | null }>('SELECT max(n) AS n FROM versions');
  return r.rows[0]?.n ?? 0;
}

export async function currentTotal(c: Client): Promise<number> {
  const r = await c.query('SELECT count(*) AS n FROM facts WHERE to_version IS NULL');
  return Number(r.rows[0].n);
}

/**
 * What tells two figures of one series and period apart: kind, scope and the new unit's flag
 * (FactIndex keys them alike, or a post-merger period's two flags as one: finer is safe).
 */
export const variantOf = (f: Fact) => `${f.kind}|${f.scope ?? ''}|${f.post_merger ? 'mới' : ''}`;

export async function insertFacts(
  c: Client,
  facts: readonly Fact[],
  version: number,
): Promise<void> {
  for (let i = 0; i < facts.length; i += INSERT_CHUNK) {
    const chunk = facts.slice(i, i + INSERT_CHUNK);
    await c.query(
      `INSERT INTO facts (key, place, indicator, period, ptype, year, from_version, variant,
         choice, fact)
       SELECT k, p, ind, per, f->'period'->>'type', y, $6, v, ch, f FROM unnest($1::text[],
         $2::text[], $3::text[], $4::text[], $5::int[], $7::json[], $8::text[], $9::text[])
         AS t(k, p, ind, per, y, f, ch, v)`,
      [
        chunk.map(factKey),
        chunk.map((f) => f.place),
        chunk.map((f) => f.indicator),
        chunk.map((f) => periodKey(f.period)),
        chunk.map((f) => f.period.year),
        version,
        chunk.map((f) => JSON.stringify(f)),
        chunk.map(choiceKey),
        chunk.map(variantOf),
      ],
    );
  }
}

/**
 * The version and its audit record. `changesOfRows`: the record's changes (key, value before,
 * value after) are read by the database from the rows version n opened and closed, so that an
 * import of 250,000 figures never builds their list in this process.
 */
export async function recordVersion(
  c: Client,
  n: number,
  draft: VersionDraft,
  auditExtra: Record<string, unknown>,
  changesOfRows = false,
): Promise<Version> {
  const at = new Date().toISOString();
  const v: Version = { ...draft, n, at };
  await c.query('INSERT INTO versions (n, at, record) VALUES ($1, $2, $3)', [n, at, v]);
  const audit = { at, who: v.who, action: v.action, file: v.file, version: n, ...auditExtra };
  if (!changesOfRows)
    await c.query('INSERT INTO audit (version, at, record) VALUES ($1, $2, $3)', [n, at, audit]);
  else
    await c.query(
      `INSERT INTO audit (version, at, record)
       SELECT $1, $2, $3::jsonb || jsonb_build_object('changes', COALESCE(jsonb_agg(
         jsonb_build_object('key', n.key, 'before', o.fact->'value', 'after', n.fact->'value')
         ORDER BY n.id), '[]'::jsonb))
         FROM facts n LEFT JOIN facts o ON o.key = n.key AND o.to_version = $1
        WHERE n.from_version = $1`,
      [n, at, JSON.stringify(audit)],
    );
  return v;
}

/**
 * Recomputes the digest (the latest result of each series, a target when it has none) for the series of these places and
 * indicators, or for all of them: in the same transaction as the change.
 */
export async function refreshDigest(
  c: Client,
  pairs: readonly { place: string; indicator: string }[] | 'all',
): Promise<void> {
  const all = pairs === 'all';
  // an import of 250,000 figures touches a few hundred series: each named once
  const series = all ? [] : [...new Set(pairs.map((p) => `${p.place}\u0000${p.indicator}`))];
  const places = series.map((s) => s.split('\u0000')[0]!);
  const indicators = series.map((s) => s.split('\u0000')[1]!);
  const touched = `($1 OR (place, indicator) IN (SELECT * FROM unnest($2::text[], $3::text[])))`;
  await c.query(`DELETE FROM fact_digest WHERE ${touched}`, [all, places, indicators]);
  await c.query(
    // ordered as the series' first figure: lists of "what else" come out in stored order
    `INSERT INTO fact_digest (place, indicator, ptype, id, fact)
     SELECT DISTINCT ON (place, indicator) place, indicator, ptype,
            min(id) OVER (PARTITION BY place, indicator), fact FROM facts
      WHERE to_version IS NULL AND ${touched}
      ORDER BY place, indicator, (fact->>'kind') = 'actual' DESC, year DESC NULLS LAST,
        period DESC, id DESC`,
    [all, places, indicators],
  );
}
