/**
 * `npm run bench:upload`: builds a 100,000-row XLSX, then reads, validates, previews and
 * applies it to a copy of the store. Target: <= 10 s.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DataManager } from '../src/admin/data-manager.js';
import { checkUpload, uploadSource } from '../src/admin/upload.js';
import { COLUMNS } from '../src/admin/validate.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { FactStore } from '../src/store/fact-store.js';
import { lexicon } from '../src/domain/lexicon.js';
import { tempDir } from '../tests/helpers.js';

const ROWS = Number(process.env.ROWS ?? 100_000);

export async function bigWorkbook(rows: number): Promise<Buffer> {
  const places = [...lexicon().places.values()].filter((p) => p.id !== 'ca-nuoc').map((p) => p.id);
  const inds = ['export', 'import', 'retail', 'industrial_output'];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('du_lieu');
  ws.addRow([...COLUMNS]);
  let n = 0;
  outer: for (let year = 1990; year <= 2024; year++)
    for (let month = 1; month <= 12; month++)
      for (const place of places)
        for (const ind of inds) {
          if (n++ >= rows) break outer;
          const unit = lexicon().indicators.get(ind)!.unit;
          ws.addRow([
            place,
            ind,
            `T${month}/${year}`,
            100 + (n % 997) / 10,
            unit,
            (n % 41) - 20,
            (n % 53) - 10,
            null,
            n % 2 ? 'có' : 'không',
            null,
            null,
            'actual',
            'Sở Công Thương',
            `Báo cáo tháng ${month}/${year}`,
            `${year}-${String(month).padStart(2, '0')}-28`,
          ]);
        }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tmp = tempDir('solieu-bench-upload-');
  const factsPath = join(tmp.dir, 'facts.json');
  copyFileSync(BUNDLED_FACTS, factsPath);
  const buf = await bigWorkbook(ROWS);
  console.log(`workbook: ${ROWS} rows, ${(buf.length / 1024 / 1024).toFixed(1)} MB`);
  const store = await FactStore.open(factsPath);
  const data = await DataManager.open(store, factsPath, join(tmp.dir, 'state'));
  const t0 = performance.now();
  const checked = await checkUpload(buf, 'big.xlsx', uploadSource('bench', 'big.xlsx'));
  const t1 = performance.now();
  if (!checked.ok) throw new Error(checked.message);
  const preview = data.preview(checked.facts);
  const t2 = performance.now();
  await data.apply(preview, 'bench', 'big.xlsx');
  const t3 = performance.now();
  console.log(
    `read + validate: ${((t1 - t0) / 1000).toFixed(2)} s, preview: ${((t2 - t1) / 1000).toFixed(2)} s, apply: ${((t3 - t2) / 1000).toFixed(2)} s`,
  );
  console.log(`total: ${((t3 - t0) / 1000).toFixed(2)} s for ${ROWS} rows (target <= 10 s)`);
  tmp.cleanup();
}
