/** Button payloads: typed, versioned, the same meaning after a restart, never another action. */
import { describe, expect, it } from 'vitest';
import {
  type Action,
  decode,
  encode,
  questionHash,
} from '../src/transport/telegram/callback-data.js';

describe('callback data', () => {
  const actions: Action[] = [
    { kind: 'ask', question: 'đăng ký nhận tin XK Kiên Giang' },
    { kind: 'sub-place', place: 'kien-giang' },
    { kind: 'sub-indicator', place: 'kien-giang', indicator: 'export' },
    { kind: 'sub-indicator', place: 'hai-phong', indicator: null },
    { kind: 'sub-back' },
    { kind: 'unsub', place: 'lang-son', indicator: null },
    { kind: 'unsub', place: null, indicator: null },
    { kind: 'upload', apply: true, id: 'a1b2c3d4e5f6' },
    { kind: 'report-place', id: 'a1b2c3d4e5f6', place: 'kon-tum' },
  ];

  it.each(actions)('round-trips %o within 64 bytes', (a) => {
    const data = encode(a);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decode(data)).toEqual(a);
  });

  it('a question carries itself: the same question after a restart, never another', () => {
    const data = encode({ kind: 'ask', question: 'so sánh bán lẻ Hải Phòng và Kiên Giang' });
    expect(decode(data)).toEqual({
      kind: 'ask',
      question: 'so sánh bán lẻ Hải Phòng và Kiên Giang',
    });
  });

  it('a question too long for 64 bytes travels as its hash', () => {
    const long =
      'tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của Bà Rịa - Vũng Tàu 9 tháng';
    expect(decode(encode({ kind: 'ask', question: long }))).toEqual({
      kind: 'ask-hash',
      hash: questionHash(long),
    });
  });

  it.each([
    'q:zzzz',
    'sub:i:kien-giang:export',
    'v1|sp|kien-giang',
    'v2|sp|Kiên',
    'v2|zz|x',
    '',
    'v2',
  ])('an unknown, older or malformed payload %j is expired (null)', (data) =>
    expect(decode(data)).toBeNull(),
  );
});
