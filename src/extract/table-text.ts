/**
 * Report tables as text: every way in (Word, PDF, spreadsheet, a pasted Markdown table) writes a
 * table row as one line of cells joined by "|", so one reader finds them all. A table is a run of
 * such lines; the lines just above it (the "Biểu 2 …" title, "Đơn vị tính: tỷ đồng") are its
 * caption. Each cell keeps its offsets in the text, so a figure points at the row it came from.
 */

export interface TableCell {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TextTable {
  /** 1-based, in the order of the report ("Biểu 1", "Biểu 2"…). */
  readonly index: number;
  readonly caption: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Where each row's line is, in the text. */
  readonly lines: readonly (readonly [number, number])[];
  /** The whole table in the text: prose reading leaves it to the table reader. */
  readonly start: number;
  readonly end: number;
}

interface Line {
  readonly text: string;
  readonly start: number;
}

const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const CAPTION_LINES = 3;

function linesOf(body: string, offset: number): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text of body.split('\n')) {
    out.push({ text, start: offset + start });
    start += text.length + 1;
  }
  return out;
}

/** The cells of a "a | b | c" line, trimmed, with their offsets; null when it is no table row. */
function cellsOf(line: Line): TableCell[] | null {
  if (!line.text.includes('|')) return null;
  const cells: TableCell[] = [];
  let from = 0;
  for (const part of line.text.split('|')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    cells.push({
      text,
      start: line.start + from + lead,
      end: line.start + from + lead + text.length,
    });
    from += part.length + 1;
  }
  // "| a | b |": the empty ends of a Markdown row are no cells
  if (cells[0]?.text === '') cells.shift();
  if (cells.at(-1)?.text === '') cells.pop();
  return cells.length >= 2 ? cells : null;
}

function captionOf(lines: readonly Line[], first: number): string[] {
  const out: string[] = [];
  for (let i = first - 1; i >= 0 && out.length < CAPTION_LINES; i--) {
    const t = lines[i]!.text.trim();
    if (!t) {
      if (out.length) break;
      continue;
    }
    if (cellsOf(lines[i]!)) break;
    out.unshift(t);
  }
  return out;
}

/** "Biểu 2 …", "Bảng 3: …": the number the report gives its table. */
function numberOf(caption: readonly string[]): number | null {
  for (const line of caption) {
    const m = /^\s*(?:Biểu|Bảng|Phụ lục|Table)\s*(?:số\s*)?(\d{1,3})\b/iu.exec(
      line.normalize('NFC'),
    );
    if (m) return Number(m[1]);
  }
  return null;
}

/** The tables of a text, in order. */
export function findTables(body: string, offset = 0): TextTable[] {
  const lines = linesOf(body, offset);
  const tables: TextTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!cellsOf(lines[i]!)) {
      i += 1;
      continue;
    }
    const first = i;
    const rows: TableCell[][] = [];
    const spans: [number, number][] = [];
    for (; i < lines.length && (cellsOf(lines[i]!) || SEPARATOR.test(lines[i]!.text)); i++) {
      const cells = SEPARATOR.test(lines[i]!.text) ? null : cellsOf(lines[i]!);
      if (!cells) continue;
      rows.push(cells);
      spans.push([lines[i]!.start, lines[i]!.start + lines[i]!.text.length]);
    }
    if (rows.length < 2) continue;
    const end = lines[i - 1]!.start + lines[i - 1]!.text.length;
    const caption = captionOf(lines, first);
    const index = numberOf(caption) ?? tables.length + 1;
    tables.push({ index, caption, rows, lines: spans, start: lines[first]!.start, end });
  }
  return tables;
}
