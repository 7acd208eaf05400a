/** Data out: XLSX and CSV exports (formula injection neutralised) and the upload template. */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { periodKey } from '../domain/period.js';
import type { Fact } from '../store/schema.js';
import { defaultCatalogue } from '../domain/catalogue.js';
import { COLUMNS } from './validate.js';
import { msg } from '../messages.js';

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutralise(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (/^-?\d+([.,]\d+)?$/.test(v)) return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function row(f: Fact): unknown[] {
  return [
    f.place,
    f.indicator,
    periodKey(f.period),
    f.value,
    f.unit,
    f.mom_pct,
    f.yoy_pct,
    f.plan_pct,
    f.estimate,
    f.approx,
    f.scope,
    f.kind,
    f.source.publisher,
    f.source.title,
    f.source.date ?? msg('cell_unknown_date'),
    f.source.url,
    f.note,
    f.price_basis,
    f.post_merger ? msg('cell_yes') : '',
  ].map(neutralise);
}

export function toCsv(facts: readonly Fact[]): Buffer {
  return Buffer.from(
    `\uFEFF${stringify([COLUMNS as unknown as string[], ...facts.map(row)])}`,
    'utf8',
  );
}

export async function toXlsx(facts: readonly Fact[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('du_lieu');
  ws.addRow([...COLUMNS]);
  for (const f of facts) ws.addRow(row(f) as ExcelJS.CellValue[]);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const KG_SOURCE = ['Sở Công Thương tỉnh Kiên Giang', 'Báo cáo tháng 5 năm 2020', '2020-06-04'];
/** Example rows in the template's column order (COLUMNS). */
const EXAMPLES: ExcelJS.CellValue[][] = [
  [
    'kien-giang',
    'export',
    'T5/2020',
    51.2,
    'triệu USD',
    17.16,
    5.3,
    null,
    'có',
    null,
    null,
    'actual',
    ...KG_SOURCE,
  ],
  [
    'kien-giang',
    'export',
    '5T/2020',
    256.31,
    'triệu USD',
    null,
    19.8,
    32.86,
    'không',
    null,
    null,
    'actual',
    ...KG_SOURCE,
  ],
  [
    'hai-phong',
    'iip',
    'quý 1/2021',
    null,
    '%',
    null,
    12.4,
    null,
    'có',
    null,
    null,
    'actual',
    'Sở Công Thương Hải Phòng',
    'Báo cáo quý I năm 2021',
    '2021-04-02',
  ],
];

const GUIDE = [
  msg('template_guide_rows'),
  msg('template_guide_periods'),
  msg('template_guide_numbers'),
  msg('template_guide_values'),
  msg('template_guide_flags'),
];

function placesSheet(wb: ExcelJS.Workbook): void {
  const cat = defaultCatalogue();
  const sheet = wb.addWorksheet('dia_phuong');
  const date = { date: cat.mergerLabel };
  sheet.addRow(['id', msg('sheet_name'), msg('sheet_era'), msg('sheet_merged_into', date)]);
  for (const p of cat.lexicon.places.values())
    sheet.addRow([
      p.id,
      p.name,
      msg(p.era === 'both' ? 'sheet_era_both' : 'sheet_era_old', date),
      p.mergedInto ?? '',
    ]);
}

function indicatorsSheet(wb: ExcelJS.Workbook): void {
  const sheet = wb.addWorksheet('chi_tieu');
  sheet.addRow(['id', msg('sheet_name'), msg('sheet_unit'), msg('sheet_growth_only')]);
  for (const i of defaultCatalogue().indicators())
    sheet.addRow([i.id, i.name, i.unit, i.growthOnly ? msg('cell_yes') : '']);
}

/** The upload template: header, example rows, and sheets listing place and indicator ids. */
export async function template(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('du_lieu');
  ws.addRow([...COLUMNS]);
  for (const r of EXAMPLES) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('huong_dan');
  for (const line of GUIDE) notes.addRow([line]);
  placesSheet(wb);
  indicatorsSheet(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
