/**
 * One scan of a question for every phrase list of the lexicon says what asking hasPhrase of
 * each phrase says: for every list of intents/ and of the period words, over questions of every
 * shape the bot is asked (and a phrase of each list planted in one).
 */
import { describe, expect, it } from 'vitest';
import { lexicon } from '../src/domain/lexicon.js';
import { normalize } from '../src/normalize/fold.js';
import { hasPhrase } from '../src/normalize/phrase-index.js';
import { anyPhrase } from '../src/understand/reading.js';

const lex = lexicon();

function listsIn(value: unknown): (readonly string[])[] {
  if (Array.isArray(value)) return value.every((x) => typeof x === 'string') ? [value] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.values(value).flatMap(listsIn);
}

const questions = [
  'xuất khẩu tháng 4 Kiên Giang',
  'XK KG T4/2020 so với cùng kỳ năm trước thế nào',
  'tỉnh nào có bán lẻ cao nhất 6 tháng đầu năm 2020',
  'so sánh bán lẻ Hải Phòng với Kiên Giang',
  'xu hướng nhập khẩu Lạng Sơn mấy năm gần đây',
  'cảm ơn bạn nhé',
  'có vượt kế hoạch không',
  'còn lũy kế thì sao, tăng hay giảm',
  'hướng dẫn sử dụng',
  'giá vàng hôm nay',
  'đăng ký nhận bản tin Hải Phòng',
  'Kien Giang exports April 2020',
  '',
  'năm',
];

describe('phrase lists found in one scan', () => {
  it('agree with hasPhrase for every list of the lexicon, on every question', () => {
    const lists = listsIn(lex.intents).concat(listsIn(lex.periods));
    expect(lists.length).toBeGreaterThan(40);
    // each list's first phrase planted in a question, so that every list is found somewhere
    const planted = lists.filter((l) => l[0]).map((l) => `tháng 4 ${l[0]} Hải Phòng`);
    const differing: string[] = [];
    for (const q of [...questions, ...planted]) {
      const joined = normalize(q).tokens.join(' ');
      for (const list of lists) {
        // an empty phrase (a stopword that folds to nothing) names nothing
        const expected = list.some((p) => p !== '' && hasPhrase(joined, p));
        if (anyPhrase(joined, list) !== expected) differing.push(`${q}: ${list.slice(0, 3)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('a list made on the spot is read phrase by phrase', () => {
    expect(anyPhrase('xuat khau kien giang', ['kien giang'])).toBe(true);
    expect(anyPhrase('xuat khau kien giang', ['kien'])).toBe(true);
    expect(anyPhrase('xuat khau kien giangx', ['kien giang'])).toBe(false);
  });
});
