/**
 * Report files as text the extractor reads, tables kept as tables: every table row is written as
 * one line of cells joined by " | " (the form src/extract/table-text.ts reads). Word through
 * mammoth's HTML (rows and cells, merged cells repeated over the columns they span); PDF through
 * the positions of its text (lines by height, cells by the gaps between words, aligned on the
 * columns of the table's fullest row); a spreadsheet's sheets row by row.
 */
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { extractTextItems, getDocumentProxy } from 'unpdf';

/** An empty cell, written so that a row keeps its columns. */
const EMPTY = '-';

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const rowLine = (cells: readonly string[]) => cells.map((c) => clean(c) || EMPTY).join(' | ');

/** A table's cells on a grid: a cell spanning columns or rows fills each of them. */
function tableGrid(table: Element): string[][] {
  const grid: string[][] = [];
  const rows = [...table.querySelectorAll('tr')];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of [...tr.children].filter((e) => /^t[dh]$/i.test(e.tagName))) {
      while (grid[r]![c] !== undefined) c += 1;
      const text = clean(td.textContent ?? '');
      const cols = Number(td.getAttribute('colspan') ?? 1) || 1;
      const span = Number(td.getAttribute('rowspan') ?? 1) || 1;
      for (let dr = 0; dr < span; dr++)
        for (let dc = 0; dc < cols; dc++) {
          grid[r + dr] ??= [];
          grid[r + dr]![c + dc] = text;
        }
      c += cols;
    }
  });
  return grid.map((row) => Array.from(row, (x) => x ?? ''));
}

const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'UL',
  'OL',
  'BODY',
  'BLOCKQUOTE',
  'FIGURE',
]);

/** Block elements in document order, a table as its rows. */
function walk(el: Element, lines: string[]): void {
  if (el.tagName === 'TABLE') {
    lines.push('', ...tableGrid(el).map(rowLine), '');
    return;
  }
  const blocks = [...el.children];
  if (CONTAINERS.has(el.tagName) && blocks.length) {
    for (const child of blocks) walk(child, lines);
    return;
  }
  const text = clean(el.textContent ?? '');
  if (text) lines.push(text);
}

/** An HTML document's text: a line per paragraph, a table as rows of cells. */
export function htmlText(html: string): string {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const lines: string[] = [];
  walk(document.body, lines);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A Word report's text, its tables as rows of cells. */
export async function docxText(buf: Buffer): Promise<string> {
  return htmlText((await mammoth.convertToHtml({ buffer: buf })).value);
}

interface Word {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** One page's words grouped into lines (top first), each line's words left to right. */
function pageLines(items: readonly PdfItem[]): Word[][][] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; words: PdfItem[] }[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(l.size, it.fontSize) * 0.4);
    if (line) line.words.push(it);
    else lines.push({ y: it.y, size: it.fontSize || 10, words: [it] });
  }
  return lines.map((l) =>
    cellsOfLine(
      l.words.sort((a, b) => a.x - b.x),
      l.size,
    ),
  );
}

/** Words closer than a gap of about two letters are one cell. */
function cellsOfLine(words: readonly PdfItem[], size: number): Word[][] {
  const cells: Word[][] = [];
  let last: PdfItem | null = null;
  for (const w of words) {
    const word = { text: w.str, x0: w.x, x1: w.x + w.width };
    if (last && w.x - (last.x + last.width) < size * 1.2) cells.at(-1)!.push(word);
    else cells.push([word]);
    last = w;
  }
  return cells;
}

const cellText = (cell: readonly Word[]) => clean(cell.map((w) => w.text).join(' '));
const span = (cell: readonly Word[]) => [cell[0]!.x0, cell.at(-1)!.x1] as const;

/** A block of lines with several cells: each cell on the column of the fullest row it overlaps. */
function alignBlock(block: readonly Word[][][]): string[] {
  const widest = block.reduce((a, b) => (b.length > a.length ? b : a));
  const columns = widest.map(span);
  return block.map((line) => {
    const row = columns.map(() => '');
    for (const cell of line) {
      const [x0, x1] = span(cell);
      const mid = (x0 + x1) / 2;
      let best = 0;
      columns.forEach(([a, b], k) => {
        const [p, q] = columns[best]!;
        if (Math.abs(mid - (a + b) / 2) < Math.abs(mid - (p + q) / 2)) best = k;
      });
      row[best] = clean(`${row[best]} ${cellText(cell)}`);
    }
    return rowLine(row);
  });
}

function pdfPageText(lines: readonly Word[][][]): string[] {
  const out: string[] = [];
  let block: Word[][][] = [];
  const flush = () => {
    if (block.length >= 2) out.push('', ...alignBlock(block), '');
    else out.push(...block.map((l) => l.map(cellText).join(' ')));
    block = [];
  };
  for (const line of lines) {
    // a header's second line under one column only ("(%)") stays in its table
    const left = block[0]?.[0]?.[0]?.x0 ?? Number.POSITIVE_INFINITY;
    const continued = line.length === 1 && block.length > 0 && line[0]![0]!.x0 > left + 20;
    if (line.length >= 2 || continued) block.push(line);
    else {
      flush();
      out.push(line.map(cellText).join(' '));
    }
  }
  flush();
  return out;
}

/** A PDF's text layer, its tables rebuilt from the positions of the words. */
export async function pdfText(buf: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  const { items } = await extractTextItems(pdf);
  return items
    .flatMap((page) => pdfPageText(pageLines(page as PdfItem[])))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function cellValue(cell: ExcelJS.Cell): string {
  const v = (cell.isMerged ? cell.master : cell).value;
  if (v === null || v === undefined) return '';
  // 1.234 must not read as one thousand two hundred and thirty-four
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'object' && 'result' in v) return cellValue({ value: v.result } as ExcelJS.Cell);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v instanceof Date ? v.toISOString().slice(0, 10) : v);
}

/** A spreadsheet that is a report: each sheet's title lines and its table rows. */
export async function xlsxText(buf: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  const lines: string[] = [];
  book.eachSheet((sheet) => {
    lines.push('', sheet.name);
    sheet.eachRow((row) => {
      const cells = Array.from({ length: row.cellCount }, (_, i) => cellValue(row.getCell(i + 1)));
      const filled = cells.filter((c) => clean(c));
      if (filled.length >= 2) lines.push(rowLine(cells));
      else if (filled.length === 1) lines.push(clean(filled[0]!));
    });
  });
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
