/**
 * The storage suite: the same behaviours against both implementations, the embedded files and
 * a real PostgreSQL server started here. Two "replicas" are two storages opened on the same
 * files or the same database.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaleUploadError } from '../src/admin/data-manager.js';
import { factsOfText, FactStore } from '../src/store/fact-store.js';
import type { Fact } from '../src/store/schema.js';
import { openFileStorage } from '../src/storage/files.js';
import { openPgStorage } from '../src/storage/pg/pg-storage.js';
import { migrate } from '../src/storage/pg/migrations.js';
import { CONTEXT_NAMESPACE, type Storage } from '../src/storage/storage.js';
import { SEED_FACTS, tempDir } from './helpers.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { readFileSync } from 'node:fs';

const seedFacts = () => factsOfText(readFileSync(SEED_FACTS, 'utf8'), 'seed');

let server: TestPostgres;
let dbCount = 0;
const temp = tempDir('solieu-storage-');

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
  temp.cleanup();
});

interface Deployment {
  /** A storage as one more replica would open it. */
  open(): Promise<Storage>;
}

async function filesDeployment(): Promise<Deployment> {
  const dir = join(temp.dir, `files-${++dbCount}`);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  const factsPath = join(dir, 'facts.json');
  copyFileSync(SEED_FACTS, factsPath);
  return {
    open: async () =>
      openFileStorage(await FactStore.open(factsPath), factsPath, join(dir, 'state'), [7]),
  };
}

async function pgDeployment(): Promise<Deployment> {
  const url = await server.database(`suite_${++dbCount}`);
  return { open: () => openPgStorage(url, { adminIds: [7], seed: seedFacts, poolSize: 4 }) };
}

const kiênGiangExportApril = (value: number): Fact => {
  const base = seedFacts().find(
    (f) => f.place === 'kien-giang' && f.indicator === 'export' && f.period.type === 'month',
  )!;
  return { ...base, value };
};

describe.each([
  ['files', filesDeployment],
  ['postgres', pgDeployment],
] as const)('storage on %s', (_name, deploy) => {
  let a: Storage;
  let b: Storage;
  beforeAll(async () => {
    const d = await deploy();
    a = await d.open();
    b = await d.open();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('keeps chat state by namespace and key, and forgets what expired', async () => {
    await a.state.set('context', '42', { places: ['kien-giang'] }, 60_000);
    expect(await a.state.get('context', '42')).toEqual({ places: ['kien-giang'] });
    expect(await a.state.get('preview', '42')).toBeUndefined();
    await a.state.set('context', 'old', { x: 1 }, -1);
    expect(await a.state.get('context', 'old')).toBeUndefined();
    await a.state.delete('context', '42');
    expect(await a.state.get('context', '42')).toBeUndefined();
  });

  it('admins: the configured ones, those added, minus those removed, seen by another replica', async () => {
    expect(await a.admins.all()).toEqual([7]);
    await a.admins.add(9);
    await a.admins.remove(7);
    if (a.kind === 'files') return; // the admin file is read at open: one process per folder
    expect((await b.admins.all()).sort()).toEqual([9]);
  });

  it('subscriptions: once per place and indicator, listed, removed', async () => {
    expect(await a.subscriptions.add(100, 'kien-giang', null)).toBe(true);
    expect(await a.subscriptions.add(100, 'kien-giang', null)).toBe(false);
    expect(await a.subscriptions.add(100, 'hai-phong', 'export')).toBe(true);
    await a.subscriptions.addMany([
      { chatId: 101, place: 'lang-son', indicator: null },
      { chatId: 102, place: 'lang-son', indicator: null },
    ]);
    expect(await a.subscriptions.count()).toBe(4);
    expect(await a.subscriptions.list(100)).toEqual([
      { chatId: 100, place: 'kien-giang', indicator: null },
      { chatId: 100, place: 'hai-phong', indicator: 'export' },
    ]);
    expect(await a.subscriptions.remove(100, 'hai-phong', 'export')).toBe(1);
    expect(await a.subscriptions.remove(101)).toBe(1);
    expect(await a.subscriptions.count()).toBe(2);
  });

  it('reads the figures: the whole index and one figure by key', async () => {
    const idx = await a.facts.indexFor(null);
    expect(idx.size).toBe(seedFacts().length);
    expect(await a.facts.count()).toBe(seedFacts().length);
    const f = idx.series('kien-giang', 'export')[0]!;
    const { periodKey } = await import('../src/domain/period.js');
    expect(await a.facts.lookup('kien-giang', 'export', periodKey(f.period))).toEqual(f);
    expect(await a.facts.lookup('kien-giang', 'export', '1999-01')).toBeUndefined();
  });

  it('applies a preview as a version, refuses a stale one, and restores the one before', async () => {
    const before = (await a.data.versions()).length;
    const p = await a.data.preview([kiênGiangExportApril(999.9)]);
    expect(p.changed).toHaveLength(1);
    const stale = await b.data.preview([kiênGiangExportApril(888.8)]);
    const v = await a.data.apply(p, 'admin-1', 'cap-nhat.xlsx');
    expect(v).toMatchObject({ n: before + 1, action: 'apply', changed: 1, added: 0 });
    await expect(b.data.apply(stale, 'admin-2', 'khac.xlsx')).rejects.toBeInstanceOf(
      StaleUploadError,
    );
    const seen = await refreshed(b);
    expect(seen.series('kien-giang', 'export').map((f) => f.value)).toContain(999.9);
    const r = await b.data.restorePrevious('admin-2');
    expect(r.action).toBe('restore');
    const back = await refreshed(a);
    expect(back.series('kien-giang', 'export').map((f) => f.value)).not.toContain(999.9);
    expect(back.size).toBe(seedFacts().length);
    expect((await a.data.versions()).map((x) => x.n)).toEqual(
      Array.from({ length: before + 2 }, (_, i) => i + 1),
    );
  });

  it('two applies at once on two replicas: one lands, the other is refused, nothing mixed', async () => {
    const [pa, pb] = await Promise.all([
      a.data.preview([kiênGiangExportApril(111.1)]),
      b.data.preview([kiênGiangExportApril(222.2)]),
    ]);
    const results = await Promise.allSettled([
      a.data.apply(pa, 'x', 'a.xlsx'),
      b.data.apply(pb, 'y', 'b.xlsx'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const values = (await refreshed(a)).series('kien-giang', 'export').map((f) => f.value);
    expect(values.includes(111.1) !== values.includes(222.2)).toBe(true);
  });

  it('a figure that fails the checks is refused and the data stays as it was', async () => {
    const versions = (await a.data.versions()).length;
    const bad = { ...kiênGiangExportApril(5), place: 'khong-co-tinh-nay' } as Fact;
    const p = await a.data.preview([bad]);
    await expect(a.data.apply(p, 'x', 'bad.xlsx')).rejects.toThrow();
    expect((await a.data.versions()).length).toBe(versions);
  });
});

/** The index after another replica's commit. */
async function refreshed(s: Storage) {
  await s.facts.refresh();
  return s.facts.indexFor(null);
}

describe('PostgreSQL chat state', () => {
  it('sweeps what expired and keeps the rest', async () => {
    const s = await openPgStorage(await server.database('sweep'));
    await s.state.set('context', 'old', { a: 1 }, -1);
    await s.state.set('context', 'live', { a: 2 }, 60_000);
    expect(await s.kv.sweep()).toBe(1);
    expect(await s.state.get('context', 'live')).toEqual({ a: 2 });
    await s.close();
  });

  it('commits a chat context without waiting for the disk, every other entry as the server says', async () => {
    const s = await openPgStorage(await server.database('relaxed'), { poolSize: 1 });
    // a trigger sees the setting the row's own transaction commits with
    await s.pool.query(`CREATE TABLE seen (ns text, commits text);
      CREATE FUNCTION note_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO seen VALUES (NEW.ns, current_setting('synchronous_commit')); RETURN NEW; END $$;
      CREATE TRIGGER note BEFORE INSERT ON kv FOR EACH ROW EXECUTE FUNCTION note_commit();`);
    await s.state.set(CONTEXT_NAMESPACE, 'chat-1', { subject: 'export' }, 60_000);
    await s.state.set('pending', 'chat-1', { upload: 1 }, 60_000);
    const seen = await s.pool.query('SELECT ns, commits FROM seen ORDER BY ns');
    expect(seen.rows).toEqual([
      { ns: CONTEXT_NAMESPACE, commits: 'off' },
      { ns: 'pending', commits: 'on' },
    ]);
    // the setting ended with its statement: the connection commits durably again
    expect((await s.pool.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
    expect(await s.state.get(CONTEXT_NAMESPACE, 'chat-1')).toEqual({ subject: 'export' });
    await s.close();
  });
});

describe('PostgreSQL migrations', () => {
  it('run once: a second start (or a replica starting at the same time) changes nothing', async () => {
    const url = await server.database('migrations');
    const { openPool } = await import('../src/storage/pg/pool.js');
    const pools = [openPool(url, 2), openPool(url, 2)];
    const runs = await Promise.all(pools.map((p) => migrate(p)));
    expect(runs.flat().sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await migrate(pools[0]!)).toEqual([]);
    await Promise.all(pools.map((p) => p.end()));
  });
});

describe('PostgreSQL audit', () => {
  it('records each change of an apply, its value before and after, built by the database', async () => {
    const url = await server.database('audit_changes');
    const pg = await openPgStorage(url, { seed: seedFacts });
    const { factKey } = await import('../src/admin/validate.js');
    const changed = kiênGiangExportApril(66.6);
    const added: Fact = {
      ...changed,
      period: { type: 'month', year: 2020, month: 9 },
      value: 12.5,
    };
    const before = (await pg.facts.lookup('kien-giang', 'export', '2020-M04'))!;
    const v = await pg.data.apply(await pg.data.preview([added, changed]), 'x', 'a.csv');
    const r = await pg.pool.query('SELECT record FROM audit WHERE version = $1', [v.n]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].record).toMatchObject({
      version: v.n,
      who: 'x',
      file: 'a.csv',
      action: 'apply',
    });
    expect(r.rows[0].record.changes).toEqual([
      { key: factKey(added), before: null, after: 12.5 },
      { key: factKey(changed), before: before.value, after: 66.6 },
    ]);
    await pg.close();
  });
});

describe('PostgreSQL beyond the whole-index size: each question reads only its series', () => {
  const questions = [
    ['xuất khẩu Kiên Giang tháng 4/2020', 'còn nhập khẩu?', 'so với năm trước?'],
    ['ban le hai phong thang 2 2020', 'còn Kiên Giang?'],
    ['so sánh bán lẻ Hải Phòng với Kiên Giang'],
    ['nhập khẩu Lạng Sơn 6 tháng 2020', 'thế còn xuất khẩu'],
    ['IIP Kon Tum'],
    ['xu hướng xuất khẩu Kiên Giang'],
    ['tỉnh nào xuất khẩu nhiều nhất tháng 4/2020'],
    ['Kien Giang exports April 2020'],
    ['Kiên Giang', 'tháng 4/2020 thì sao'],
    ['tỉnh nào có số liệu bán lẻ'],
    ['xuất khẩu tháng 4/2020'],
    ['xuất khẩu và nhập khẩu Kiên Giang tháng 4'],
    ['so sánh xuất khẩu Kiên Giang với Hải Phòng tháng 4/2020', 'bên nào nhiều hơn'],
    ['bán lẻ Hải Phòng quý 1 2020', 'có vượt kế hoạch không?'],
    ['Kiên Giang chiếm bao nhiêu phần trăm xuất khẩu cả nước tháng 4/2020'],
    ['6 tháng cuối năm 2020 xuất khẩu Kiên Giang'],
    ['xuất khẩu Kiên Giang tháng 4/2019 so với tháng 4/2020'],
    ['xuất khẩu Kiên Giang tháng 4/2020 so với tháng 4/2019'],
    ['xuất khẩu Kiên Giang năm 2019 và năm 2020'],
    ['nhập khẩu Lạng Sơn tháng 12/2019', 'còn tháng 1/2020?'],
    ['xuất khẩu Kiên Giang tháng 1/2020', 'so với cùng kỳ?', 'năm trước đó thì sao'],
    ['Kiên Giang 4 tháng 2020 so với Lạng Sơn 6 tháng 2020 xuất khẩu'],
    // two periods years apart: each read around its own year
    ['xuất khẩu Kiên Giang tháng 4/2017 so với tháng 4/2020'],
    ['Kiên Giang 4 tháng 2017 so với Lạng Sơn 4 tháng 2020 xuất khẩu'],
    ['xuất khẩu Kiên Giang quý 1/2020 so với quý 1/2019'],
    ['bình quân mỗi tháng xuất khẩu Kiên Giang 4 tháng 2020'],
    ['top 3 tỉnh bán lẻ cao nhất năm 2020'],
    ['tỉnh nào tăng trưởng xuất khẩu nhanh nhất tháng 4/2020'],
    ['các tháng năm 2020 xuất khẩu Kiên Giang'],
    ['An Giang xuất khẩu tháng 4/2020'],
    ['xuất khẩu Kiên Giang tháng 5/2020'],
    ['XK KG T4/2020', 'T3 thì sao', 'còn lũy kế?'],
    ['Kien Giang retail February 2020', 'how about Hai Phong?'],
    ['xuất khẩu cả nước tháng 4/2020'],
    ['nhập khẩu Kiên Giang tháng 4 năm 2020 tăng hay giảm'],
    ['xuất khẩu Kiên Giang 2021'],
    // before the merger a place is its own unit; a new unit's parts, or after it, read wider
    ['xuất khẩu An Giang mới tháng 4/2020'],
    ['xuất khẩu Kiên Giang tháng 4/2026', 'còn An Giang?'],
    ['nhập khẩu Hải Phòng tháng 2/2020', 'Hải Phòng mới thì sao'],
  ];

  it('answers as the whole data does', async () => {
    const url = await server.database('scoped');
    const pgScoped = await openPgStorage(url, { seed: seedFacts, wholeIndexLimit: 5 });
    const { askInChat, Conversation } = await import('../src/core/conversation.js');
    const store = await FactStore.open(SEED_FACTS);
    const clock = () => new Date('2026-11-23T09:00:00+07:00');
    for (const [n, turns] of questions.entries()) {
      const whole = new Conversation(() => store.index, clock);
      for (const text of turns) {
        const expected = whole.ask(text).reply.text;
        const got = await askInChat(pgScoped, `chat-${n}`, text, clock);
        // a ranking's "other periods" line lists what the scope read (the year asked and the
        // latest of each series), not every period of every place: the one known difference
        const same = (t: string) =>
          got.query.intent === 'rank' ? t.replace(/\nKỳ khác có số liệu:[^\n]*/, '') : t;
        expect(same(got.reply.text), text).toBe(same(expected));
      }
    }
    // an apply reaches the scoped answers (and the digest) at once
    const p = await pgScoped.data.preview([kiênGiangExportApril(77.7)]);
    await pgScoped.data.apply(p, 'x', 'sua.xlsx');
    await pgScoped.facts.refresh();
    const after = await askInChat(pgScoped, 'after', 'xuất khẩu Kiên Giang tháng 4/2020', clock);
    expect(after.reply.text).toContain('77,7');
    const other = await askInChat(pgScoped, 'after', 'bán lẻ Kiên Giang tháng 2/2020', clock);
    expect(other.reply.text).toContain('kim ngạch xuất khẩu hàng hóa');
    await pgScoped.close();
  });

  it('a question asked over and over reads nothing until the next version', async () => {
    const url = await server.database('scope_cache');
    const pg = await openPgStorage(url, { seed: seedFacts, wholeIndexLimit: 5 });
    const { askInChat } = await import('../src/core/conversation.js');
    const reads: string[] = [];
    const query = pg.pool.query.bind(pg.pool) as (...a: unknown[]) => Promise<unknown>;
    (pg.pool as unknown as { query: unknown }).query = (...a: unknown[]) => {
      // the series are read as prepared statements (a query config)
      const text = (a[0] as { text?: string }).text ?? '';
      if (text.startsWith('SELECT id, fact::text')) reads.push(text);
      return query(...a);
    };
    const ask = (chat: string) => askInChat(pg, chat, 'xuất khẩu Kiên Giang tháng 4/2020');
    const first = await ask('a');
    expect(reads).toHaveLength(1);
    // asked once, a scope is only remembered; asked again, its index is kept
    expect((await ask('b')).reply.text).toBe(first.reply.text);
    expect(reads).toHaveLength(2);
    for (const chat of ['c', 'd', 'e']) expect((await ask(chat)).reply.text).toBe(first.reply.text);
    expect(reads).toHaveLength(2);
    // another question does not push it out
    await askInChat(pg, 'f', 'bán lẻ Hải Phòng tháng 2/2020');
    await ask('g');
    expect(reads).toHaveLength(3);
    await pg.data.apply(await pg.data.preview([kiênGiangExportApril(81.2)]), 'x', 'sua.xlsx');
    await pg.facts.refresh();
    expect((await ask('h')).reply.text).toContain('81,2');
    expect(reads).toHaveLength(4);
    await pg.close();
  });
});
