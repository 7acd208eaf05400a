/**
 * The statistics store: lowdb on a file, every record checked on load and before every write
 * (lowdb writes through a temporary file and a rename, so a write is atomic). The file is
 * schema 3 (fact-table.ts); files of schema 1 and 2 (one JSON object per figure) still open.
 */
import { msg } from '../messages.js';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { type Adapter, Low } from 'lowdb';
import { writeFileAtomic } from '../util/atomic-file.js';
import { type Catalogue, defaultCatalogue } from '../domain/catalogue.js';
import { FactIndex } from './fact-index.js';
import { type FactTable, parseTable, serializeTable, tablePieces } from './fact-table.js';
import { tableOf } from './table-of.js';
import { readTableFile } from './table-file.js';
import { type Fact, parseStore, type StoreData } from './schema.js';

export { FactIndex, type FigureKey } from './fact-index.js';

const SCHEMA_3 = '{"schema":3';

/** The exact bytes of a store file: snapshots and the data file are written from this. */
export function serializeStore(data: StoreData, cat: Catalogue = defaultCatalogue()): string {
  return serializeTable(tableOf(data.facts, cat));
}

/** The store file of these facts, a line at a time (a commit writes it without one big string). */
export function storePieces(
  data: StoreData,
  cat: Catalogue = defaultCatalogue(),
): Iterable<string> {
  return tablePieces(tableOf(data.facts, cat));
}

/** Any store file, as a table: schema 3 read row by row, older schemas through zod. */
export function readStoreText(text: string, where: string, cat: Catalogue): FactTable {
  if (text.startsWith(SCHEMA_3)) return parseTable(text, cat, where);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(msg('store_not_json', { where }));
  }
  return tableOf(parseStore(raw, where, cat).facts, cat);
}

/** Every figure of a store file's text, as Facts (snapshots, restores). */
export function factsOfText(text: string, where = 'store', cat = defaultCatalogue()): Fact[] {
  const t = readStoreText(text, where, cat);
  return Array.from({ length: t.length }, (_, i) => t.fact(i));
}

/** lowdb's adapter for the store file: schema 3 streamed row by row, older ones parsed whole. */
class StoreFile implements Adapter<FactTable> {
  constructor(
    private readonly path: string,
    private readonly cat: Catalogue,
  ) {}

  async read(): Promise<FactTable | null> {
    if (!existsSync(this.path)) return null;
    if (startsWith(this.path, SCHEMA_3)) return readTableFile(this.path, this.cat);
    return readStoreText(readFileSync(this.path, 'utf8'), this.path, this.cat);
  }

  async write(table: FactTable): Promise<void> {
    writeFileAtomic(this.path, serializeTable(table));
  }
}

function startsWith(path: string, prefix: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(prefix.length);
    readSync(fd, head, 0, prefix.length, 0);
    return head.toString('latin1') === prefix;
  } finally {
    closeSync(fd);
  }
}

/** The store on disk: open, read the index, replace atomically. */
export class FactStore {
  private constructor(
    private readonly db: Low<FactTable>,
    private idx: FactIndex,
    private readonly cat: Catalogue,
  ) {}

  static async open(path: string, cat: Catalogue = defaultCatalogue()): Promise<FactStore> {
    // only replace() writes, and it validates first
    const db = new Low<FactTable>(new StoreFile(path, cat), tableOf([], cat));
    await db.read();
    return new FactStore(db, new FactIndex(db.data, cat), cat);
  }

  get index(): FactIndex {
    return this.idx;
  }

  /** Reads the file again (another process may have committed a version). */
  async reload(): Promise<void> {
    await this.db.read();
    this.idx = new FactIndex(this.db.data, this.cat);
  }

  /** Replaces every fact: validated first, then written atomically, then re-indexed. */
  async replace(facts: Fact[]): Promise<void> {
    const table = tableOf(
      parseStore({ schema: 2, facts }, msg('store_new_data'), this.cat).facts,
      this.cat,
    );
    const previous = this.db.data;
    this.db.data = table;
    try {
      await this.db.write();
    } catch (err) {
      this.db.data = previous;
      throw err;
    }
    this.idx = new FactIndex(table, this.cat);
  }
}
