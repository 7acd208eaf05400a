/**
 * Report tables read as tables (issue 26): the own-words corpus of tests/corpus/table-corpus.ts,
 * each table written by the test itself as a Word file (docx) or a PDF (pdf-lib, with a text
 * layer), read back through the same input path as the chat and the CLI, scored against its gold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportFile } from '../src/admin/report-input.js';
import { type ExtractedFigure, extractFigures } from '../src/extract/extract.js';
import { sameFigure } from './corpus/report-corpus.js';
import { type CorpusTable, tableCorpus } from './corpus/table-corpus.js';
import { tableDocx, tablePdf, tableXlsx } from './support/table-files.js';

const matches = sameFigure;

interface Read {
  readonly table: CorpusTable;
  readonly found: ExtractedFigure[];
  readonly text: string;
}

const corpus = tableCorpus();
const reads: Read[] = [];

beforeAll(async () => {
  for (const table of corpus) {
    const buf = table.format === 'docx' ? await tableDocx(table) : await tablePdf(table);
    const input = await readReportFile(buf, `bao-cao.${table.format}`);
    reads.push({ table, found: extractFigures(input.text), text: input.text });
  }
}, 60_000);

describe('report tables (own-words corpus, Word and PDF)', () => {
  it('has at least 20 tables in both formats', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((t) => t.format))).toEqual(new Set(['docx', 'pdf']));
  });

  it('reads them with precision >= 0.98 and recall >= 0.95', () => {
    let produced = 0;
    let right = 0;
    let gold = 0;
    let recalled = 0;
    const wrong: string[] = [];
    for (const { table, found } of reads) {
      const all = [...table.gold, ...table.targets];
      produced += found.length;
      for (const f of found) {
        if (all.some((g) => matches(f, g))) right += 1;
        else
          wrong.push(
            `${table.name} (${table.format}): ${JSON.stringify({ ...f, evidence: undefined })}`,
          );
      }
      gold += all.length;
      for (const g of all)
        if (found.some((f) => matches(f, g))) recalled += 1;
        else wrong.push(`${table.name} (${table.format}) missed: ${JSON.stringify(g)}`);
    }
    const precision = right / produced;
    const recall = recalled / gold;
    console.log(
      `tables: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${gold} figures)`,
    );
    if (wrong.length) console.log(wrong.slice(0, 15).join('\n'));
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('each table figure says where it came from', () => {
    const { found } = reads.find((r) => r.table.name.startsWith('retail'))!;
    const total = found.find((f) => f.indicator === 'retail' && f.period.type === 'month')!;
    expect(total.note).toMatch(/^Biểu \d+, dòng \d+, cột \d+: Tổng số – /);
  });

  it('a spreadsheet that is a report: its sheet read as a table', async () => {
    for (const table of corpus.slice(0, 5)) {
      const input = await readReportFile(await tableXlsx(table), 'bieu.xlsx');
      const found = extractFigures(input.text);
      for (const g of table.gold)
        expect(
          found.some((f) => matches(f, g)),
          JSON.stringify(g),
        ).toBe(true);
    }
  });

  it('a plan column is a target, never a result', () => {
    const { found } = reads.find((r) => r.table.name.startsWith('a plan'))!;
    expect(found.filter((f) => f.kind === 'target').map((f) => f.period.type)).toEqual(['year']);
  });
});
