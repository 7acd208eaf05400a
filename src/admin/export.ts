/** Data out: XLSX and CSV exports (formula injection neutralised) and the upload template. */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { periodKey } from '../domain/period.js';
import type { Fact } from '../store/schema.js';
import { lexicon } from '../understand/lexicon.js';
import { COLUMNS } from './validate.js';

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
    f.source.date ?? 'không rõ',
    f.source.url,
    f.note,
    f.price_basis,
    f.post_merger ? 'có' : '',
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

/** The upload template: header, example rows, and sheets listing place and indicator ids. */
export async function template(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('du_lieu');
  ws.addRow([...COLUMNS]);
  ws.addRow([
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
    'Sở Công Thương tỉnh Kiên Giang',
    'Báo cáo tháng 5 năm 2020',
    '2020-06-04',
  ]);
  ws.addRow([
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
    'Sở Công Thương tỉnh Kiên Giang',
    'Báo cáo tháng 5 năm 2020',
    '2020-06-04',
  ]);
  ws.addRow([
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
  ]);
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('huong_dan');
  for (const line of [
    'Mỗi dòng của trang du_lieu là một số liệu. Cột place và indicator dùng mã ở hai trang dia_phuong và chi_tieu.',
    'period: T4/2020 (tháng), 4T/2020 (lũy kế 4 tháng), quý 1/2020, năm 2020.',
    'value để trống với chỉ tiêu chỉ công bố tốc độ tăng (IIP). Số thập phân dùng dấu phẩy hoặc dấu chấm.',
    'estimate: có/không (số ước tính). approx: hơn, gần, khoảng hoặc trống. kind: actual (thực hiện) hoặc target (kế hoạch).',
  ])
    notes.addRow([line]);
  const places = wb.addWorksheet('dia_phuong');
  places.addRow(['id', 'tên', 'tồn tại', 'sáp nhập vào (từ 01/07/2025)']);
  for (const p of lexicon().places.values())
    places.addRow([
      p.id,
      p.name,
      p.era === 'both' ? 'trước và sau 01/07/2025' : 'đến 30/06/2025',
      p.mergedInto ?? '',
    ]);
  const inds = wb.addWorksheet('chi_tieu');
  inds.addRow(['id', 'tên', 'đơn vị', 'chỉ công bố % tăng']);
  for (const i of lexicon().indicators.values())
    inds.addRow([i.id, i.name, i.unit, i.growthOnly ? 'có' : '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
