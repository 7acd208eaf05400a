/**
 * The conversation context survives a kill -9 right after an answer (issue 22): a process answers
 * a question on the file storage and is killed at the named point `turn:context-saved` (after the
 * context is stored, before the reply would go out); a new process reads a follow-up with the
 * subject of the question before. No sleep: the child kills itself at that step.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_FACTS, PROJECT_ROOT } from '../../src/paths.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir('solieu-context-crash-');
afterAll(() => tmp.cleanup());

const SCRIPT = `
import { askInChat } from './src/core/conversation.js';
import { openFileStorage } from './src/storage/files.js';
import { FactStore } from './src/store/fact-store.js';
const [facts, state, text] = process.argv.slice(2);
const storage = await openFileStorage(await FactStore.open(facts), facts, state, []);
const { query } = await askInChat(storage, 'chat-1', text);
process.stdout.write(JSON.stringify({ places: query.places, indicator: query.indicator, period: query.period }));
`;

function turn(text: string, crashAt?: string) {
  const facts = join(tmp.dir, 'facts.json');
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(tmp.dir, 'turn.mts'), facts, join(tmp.dir, 'state'), text],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, SOLIEU_CRASH_AT: crashAt ?? '' },
    },
  );
}

describe('context and kill -9', () => {
  it('a follow-up after a kill right after the answer keeps its subject', () => {
    copyFileSync(BUNDLED_FACTS, join(tmp.dir, 'facts.json'));
    writeFileSync(join(tmp.dir, 'turn.mts'), SCRIPT.replaceAll('./src/', `${PROJECT_ROOT}src/`));
    const first = turn('xuất khẩu Kiên Giang tháng 4/2020', 'turn:context-saved');
    expect(first.signal).toBe('SIGKILL');
    const next = turn('còn nhập khẩu?');
    expect(next.status).toBe(0);
    expect(JSON.parse(next.stdout)).toEqual({
      places: ['kien-giang'],
      indicator: 'import',
      period: { type: 'month', year: 2020, month: 4 },
    });
  }, 60_000);
});
