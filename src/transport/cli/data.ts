/**
 * `npm run data -- apply FILE [--who NAME]` | `versions` | `restore [--who NAME]`: the admin
 * data operations without Telegram (same code as the chat commands).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DataManager, previewText, StaleUploadError } from '../../admin/data-manager.js';
import { checkUpload, uploadSource } from '../../admin/upload.js';
import { loadConfig } from '../../config.js';
import { FactStore } from '../../store/fact-store.js';

const [command, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
const who =
  rest[rest.indexOf('--who') + 1] && rest.includes('--who')
    ? rest[rest.indexOf('--who') + 1]!
    : 'dòng lệnh';
const config = loadConfig();
const store = await FactStore.open(config.FACTS_PATH);
const data = await DataManager.open(store, config.FACTS_PATH, config.STATE_DIR);

if (command === 'apply' && rest[0]) {
  const file = rest[0];
  const checked = await checkUpload(
    readFileSync(file),
    basename(file),
    uploadSource(who, basename(file)),
  );
  if (!checked.ok) {
    process.stderr.write(`${checked.message}\n`);
    process.exit(1);
  }
  const preview = data.preview(checked.facts);
  process.stdout.write(`${previewText(preview)}\n`);
  const v = await data.apply(preview, who, basename(file)).catch((err: unknown) => {
    if (!(err instanceof StaleUploadError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
  process.stdout.write(`áp dụng xong: phiên bản ${v.n}, ${v.total} số liệu\n`);
} else if (command === 'versions') {
  for (const v of data.versions())
    process.stdout.write(
      `${v.n}\t${v.at}\t${v.who}\t${v.action}\t${v.file}\t+${v.added} ~${v.changed} =${v.unchanged}\t${v.total}\n`,
    );
} else if (command === 'restore') {
  const v = await data.restorePrevious(who);
  process.stdout.write(`đã khôi phục: phiên bản ${v.n} (${v.file})\n`);
} else {
  process.stderr.write('cách dùng: npm run data -- apply TỆP [--who TÊN] | versions | restore\n');
  process.exit(2);
}
