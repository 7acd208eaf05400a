/**
 * Reports in the forms admins have them, on files and pages the tests write themselves (own
 * words, real-shaped figures): Word with a table, PDF with a text layer, a link served from
 * 127.0.0.1; and each bad input (scanned PDF, empty, unsupported, a page that times out or is
 * not a page) refused with a Vietnamese reason.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import fontkit from '@pdf-lib/fontkit';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReport } from '../src/admin/report.js';
import { lonelyLink, readArticle, readReportFile } from '../src/admin/report-input.js';

const SENTENCE =
  'Tháng 5 năm 2021, kim ngạch xuất khẩu của tỉnh Khánh Hòa ước đạt 118,4 triệu USD, tăng 9,2% so với cùng kỳ.';
const require = createRequire(import.meta.url);
const FONT = require.resolve(
  '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
);

async function docxWithTable(): Promise<Buffer> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('Sở Công Thương tỉnh Khánh Hòa: tình hình tháng 5 năm 2021'),
          new Paragraph(SENTENCE),
          new Table({
            rows: [
              new TableRow({ children: [cell('Chỉ tiêu'), cell('Tháng 5')] }),
              new TableRow({
                children: [
                  cell('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ'),
                  cell('ước đạt 5.210 tỷ đồng'),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

async function pdf(text: string | null): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const page = doc.addPage([600, 400]);
  if (text)
    page.drawText(text, {
      x: 20,
      y: 300,
      size: 10,
      font: await doc.embedFont(readFileSync(FONT)),
      maxWidth: 560,
    });
  else page.drawRectangle({ x: 20, y: 20, width: 200, height: 100, color: rgb(0.5, 0.5, 0.5) }); // a "scan"
  return Buffer.from(await doc.save());
}

describe('report files', () => {
  it('reads a Word file, its table included', async () => {
    const input = await readReportFile(await docxWithTable(), 'bao-cao.docx');
    const figures = readReport(input.text).figures;
    expect(figures).toContainEqual(
      expect.objectContaining({
        place: 'khanh-hoa',
        indicator: 'export',
        value: 118.4,
        yoy_pct: 9.2,
      }),
    );
    expect(input.text).toContain('5.210 tỷ đồng');
  });

  it('reads a PDF with a text layer', async () => {
    const input = await readReportFile(await pdf(SENTENCE), 'bao-cao.pdf');
    expect(readReport(input.text).figures).toContainEqual(
      expect.objectContaining({
        indicator: 'export',
        value: 118.4,
        period: { type: 'month', year: 2021, month: 5 },
      }),
    );
  });

  it.each([
    ['a scanned PDF without text', async () => pdf(null), 'scan.pdf', /không có lớp chữ/],
    ['an empty file', async () => Buffer.alloc(0), 'rong.docx', /Tệp rỗng/],
    [
      'a file type it does not read',
      async () => Buffer.from('GIF89a'),
      'anh.gif',
      /Không đọc được loại tệp/,
    ],
    ['a broken Word file', async () => Buffer.from('PK not really'), 'hong.docx', /bị hỏng/],
    [
      'a text file that is not UTF-8',
      async () => Buffer.from([0xff, 0xfe, 0x41, 0xc3]),
      'a.txt',
      /UTF-8/,
    ],
  ] as const)('refuses %s with a reason', async (_n, make, name, reason) => {
    await expect(readReportFile(await make(), name)).rejects.toThrow(reason);
  });
});

describe('links', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/bai-viet') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<html><head><title>Khánh Hòa: xuất khẩu tháng 5</title></head><body><nav>Trang chủ | Tin tức</nav><article><h1>Khánh Hòa: xuất khẩu tháng 5</h1><p>${SENTENCE}</p><p>Các doanh nghiệp chế biến thủy sản tiếp tục mở rộng thị trường trong tháng.</p></article><footer>Bản quyền</footer></body></html>`,
        );
      } else if (req.url === '/cham') {
        setTimeout(() => res.end('<html></html>'), 3_000);
      } else if (req.url === '/anh') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('takes the article text with Readability, the page as the source', async () => {
    const input = await readArticle(`${base}/bai-viet`);
    expect(input.title).toBe('Khánh Hòa: xuất khẩu tháng 5');
    expect(input.url).toBe(`${base}/bai-viet`);
    expect(input.text).not.toContain('Trang chủ');
    expect(readReport(input.text).figures).toContainEqual(
      expect.objectContaining({ value: 118.4 }),
    );
  });

  it.each([
    ['a page that times out', '/cham', /không trả lời sau 1 giây/],
    ['a link that is not a page', '/anh', /không phải một trang web \(image\/png\)/],
    ['a page that is not there', '/khong-co', /lỗi 404/],
  ])('refuses %s', async (_n, path, reason) => {
    await expect(readArticle(`${base}${path}`, 1_000)).rejects.toThrow(reason);
  });

  it('only http and https', async () => {
    await expect(readArticle('file:///etc/passwd')).rejects.toThrow(/http/);
    expect(lonelyLink('javascript:alert(1)')).toBeNull();
    expect(lonelyLink(' https://example.org/bai ')).toBe('https://example.org/bai');
    expect(lonelyLink('xem https://example.org/bai nhé')).toBeNull();
  });
});
