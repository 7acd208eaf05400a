/**
 * Language is data: intents/ read by one checked reader. A pattern that does not compile, or
 * that no longer has the capture groups the code reads, and a word file of the wrong shape,
 * stop the load naming the file and the place of the problem.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/domain/lexicon.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadLanguage } from '../src/understand/language.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('solieu-language-');
afterAll(() => tmp.cleanup());

let n = 0;
function intentsWith(file: string, edit: (json: Record<string, unknown>) => void): string {
  const dir = join(tmp.dir, `intents-${++n}`);
  cpSync(join(PROJECT_ROOT, 'intents'), dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

type Patterns = { period: Record<string, { re: string; groups: number }> };

describe('the language files', () => {
  it('the project’s own load and read a question’s shapes', () => {
    const lang = loadLanguage();
    expect(lang.period.monthSlash.exec(' 4/2020')?.slice(1)).toEqual(['4', '2020']);
    expect(lang.comparedWith.month.previous).toBe('so với tháng trước');
  });

  it('a pattern that does not compile is named with its file', () => {
    const dir = intentsWith('vi/patterns.json', (j) => {
      (j as Patterns).period.year!.re = '((19|20';
    });
    expect(() => loadLanguage(dir)).toThrow(/intents\/vi\/patterns\.json: period\.year: /);
  });

  it('a pattern with other capture groups than the code reads is refused', () => {
    const dir = intentsWith('vi/patterns.json', (j) => {
      (j as Patterns).period.monthSlash!.re = '(\\d{1,2})\\/\\d{4}';
    });
    expect(() => loadLanguage(dir)).toThrow(
      /period\.monthSlash: 1 capture groups, the code reads 2/,
    );
  });

  it('a word file of the wrong shape is named with the path of the problem', () => {
    const dir = intentsWith('vi/periods.json', (j) => {
      j.monthWords = 'tháng giêng';
    });
    expect(() => loadLexicon(dir)).toThrow(/intents\/vi\/periods\.json: monthWords: /);
  });
});
