/**
 * "How to add an indicator" (README), done once: a folder of intents/ with one made-up
 * indicator added to indicators.json (SOLIEU_INTENTS_DIR) and a data file with one figure for
 * it; `npm run ask` understands the question in its words and answers with the figure, its unit
 * and its source. No code is touched.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { tempDir } from '../helpers.js';
import { runTool } from '../support/run-data.js';

const tmp = tempDir('solieu-new-indicator-');
afterAll(() => tmp.cleanup());

async function ask(question: string, env: Record<string, string>) {
  const r = await runTool('ask', ['--json', question], { ...env, LOG_LEVEL: 'silent' });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('a new indicator from the intents folder alone', () => {
  it('is understood and answered end to end', async () => {
    const intents = join(tmp.dir, 'intents');
    cpSync(join(PROJECT_ROOT, 'intents'), intents, { recursive: true });
    const file = join(intents, 'indicators.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { indicators: unknown[] };
    data.indicators.push({
      id: 'tourism_revenue',
      name: 'Doanh thu du lịch lữ hành',
      short: 'du lịch',
      unit: 'tỷ đồng',
      phrases: ['doanh thu du lịch lữ hành', 'doanh thu du lịch', 'du lịch lữ hành'],
      abbreviations: ['dtdl'],
    });
    writeFileSync(file, JSON.stringify(data, null, 1));
    const facts = join(tmp.dir, 'facts.json');
    const fact = {
      ...{ place: 'kien-giang', indicator: 'tourism_revenue', kind: 'actual' },
      period: { type: 'month', year: 2020, month: 4 },
      ...{ value: 412.6, unit: 'tỷ đồng', mom_pct: 2.3, yoy_pct: 7.9, plan_pct: null },
      ...{ estimate: false, approx: null, scope: null, price_basis: null, post_merger: false },
      note: null,
      source: {
        publisher: 'Sở Du lịch Kiên Giang',
        title: 'Sản lượng điện tháng 4',
        date: '2020-05-06',
        url: null,
      },
    };
    writeFileSync(facts, JSON.stringify({ schema: 2, facts: [fact] }));
    const env = { SOLIEU_INTENTS_DIR: intents, FACTS_PATH: facts };
    const r = await ask('doanh thu du lịch Kiên Giang tháng 4/2020', env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const reply = JSON.stringify(JSON.parse(r.out));
    expect(reply).toContain('412,6 tỷ đồng');
    expect(reply).toContain('Sở Du lịch Kiên Giang');
    expect(reply).toContain('tourism_revenue');
    // unaccented, as typed on a phone
    const plain = await ask('doanh thu du lich kien giang thang 4 2020', env);
    expect(plain.out).toContain('412,6');
    // the project's own intents do not know it: the same question is not answered with it
    const bundled = await ask('doanh thu du lịch Kiên Giang tháng 4/2020', { FACTS_PATH: facts });
    expect(bundled.out).not.toContain('412,6');
  });
});
