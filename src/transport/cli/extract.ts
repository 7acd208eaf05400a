/** `npm run extract -- --json FILES`: the figures found in report texts, one JSON object per line. */
import { readFileSync } from 'node:fs';
import { extractFigures } from '../../extract/extract.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (!files.length) {
  process.stderr.write('cách dùng: npm run extract -- --json BÁO_CÁO.txt ...\n');
  process.exitCode = 2;
} else {
  for (const file of files) {
    const figures = extractFigures(readFileSync(file, 'utf8'));
    for (const f of figures) {
      process.stdout.write(json ? JSON.stringify({ file, ...f }) + '\n' : `${file}\t${f.place ?? '?'}\t${f.indicator}\t${JSON.stringify(f.period)}\t${f.value ?? ''} ${f.unit}\n`);
    }
  }
}
