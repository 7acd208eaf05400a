import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../src/util/json-bytes.js';

describe('jsonBytes', () => {
  it.each([
    {},
    { at: '2026-12-07', who: 'Nguyễn Văn An', version: 3 },
    { changes: [] },
    { changes: [{ key: 'kien-giang|export', before: null, after: 51.2 }, 'x', 3, null] },
    { a: undefined, b: [undefined, 1], c: { d: [1, 2] } },
    { changes: Array.from({ length: 300_000 }, (_, i) => ({ key: `k${i}`, after: i })) },
  ])('writes what JSON.stringify writes (case %#)', (record) => {
    expect(jsonBytes(record).toString('utf8')).toBe(JSON.stringify(record));
  });
});
