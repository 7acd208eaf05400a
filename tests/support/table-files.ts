/** Report files the tests write themselves: a table of the own-words corpus as Word or PDF. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { CorpusTable } from '../corpus/table-corpus.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve(
  '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
);

export async function tableDocx(t: CorpusTable): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const row = (cells: readonly string[]) => new TableRow({ children: cells.map(cell) });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph(t.prose),
          ...t.caption.map((c) => new Paragraph(c)),
          new Table({ rows: [...t.header, ...t.rows].map(row) }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** Words of a header cell in lines that fit its column. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, size) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function drawRow(
  page: PDFPage,
  font: PDFFont,
  cells: readonly string[][],
  xs: number[],
  y: number,
) {
  const depth = Math.max(...cells.map((c) => c.length));
  cells.forEach((lines, c) => {
    lines.forEach((line, k) => {
      page.drawText(line, { x: xs[c]!, y: y - k * 9, size: 7, font });
    });
  });
  return y - depth * 9 - 4;
}

export async function tablePdf(t: CorpusTable): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(FONT));
  const page = doc.addPage([842, 595]);
  let y = 560;
  for (const line of [t.prose, ...t.caption]) {
    page.drawText(line, { x: 30, y, size: 9, font });
    y -= 14;
  }
  const n = t.header[0]!.length;
  const first = 250;
  const width = (842 - 60 - first) / (n - 1);
  const xs = [30, ...Array.from({ length: n - 1 }, (_, k) => 30 + first + k * width)];
  const header = t.header[0]!.map((_, c) => [...new Set(t.header.map((h) => h[c]!))].join(' '));
  y = drawRow(
    page,
    font,
    header.map((h, c) => wrap(h, font, 7, c ? width - 12 : first - 12)),
    xs,
    y - 6,
  );
  for (const r of t.rows)
    y = drawRow(
      page,
      font,
      r.map((x) => [x]),
      xs,
      y,
    );
  return Buffer.from(await doc.save());
}

/** A spreadsheet that is a report: title and unit rows, then the table (first header merged down). */
export async function tableXlsx(t: CorpusTable): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Bieu');
  for (const line of [t.prose, ...t.caption]) sheet.addRow([line]);
  const first = sheet.rowCount + 1;
  for (const h of t.header) sheet.addRow([...h]);
  if (t.header.length > 1) sheet.mergeCells(first, 1, first + t.header.length - 1, 1);
  // numbers as numbers, as a statistics office's sheet has them
  const asNumber = (x: string) =>
    /^-?[\d.]+(,\d+)?$/.test(x) ? Number(x.replace(/\./g, '').replace(',', '.')) : x;
  for (const r of t.rows) sheet.addRow(r.map(asNumber));
  return Buffer.from(await book.xlsx.writeBuffer());
}
