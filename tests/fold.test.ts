/**
 * Folding letter by letter gives what decomposing the whole text gives: for every character up
 * to the end of Latin Extended Additional, alone, between letters, before a combining accent and
 * after Vietnamese letters, and for whole questions in every script the bot may be sent.
 */
import { describe, expect, it } from 'vitest';
import { foldByDecomposing, foldDiacritics, normalize } from '../src/normalize/fold.js';

describe('folding diacritics', () => {
  it('letter by letter equals the general fold for every character around Latin', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x2000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `${ch}\u0301`, `Đ${ch}ệ`])
        if (foldDiacritics(s) !== foldByDecomposing(s)) differing.push(JSON.stringify(s));
    }
    expect(differing).toEqual([]);
  });

  it('folds questions as users type them, in any script, emoji and accents typed apart included', () => {
    const texts = [
      'Xuất khẩu tháng 4 Kiên Giang đạt bao nhiêu?',
      'ĐỒNG NAI bán lẻ Q1/2020',
      'Kiên Giang exports April 2020 👍',
      'xua\u0302\u0301t khe\u0302\u0309u Kie\u0302n Giang', // accents typed apart
      'Ханой экспорт 2020',
      '河内 出口',
      'Bà Rịa – Vũng Tàu · 6 tháng',
    ];
    for (const t of texts) expect(foldDiacritics(t), t).toBe(foldByDecomposing(t));
    expect(foldDiacritics('Đắk Lắk tăng 12,5%')).toBe('Dak Lak tang 12,5%');
    expect(normalize('XUẤT KHẨU Đà Nẵng').tokens).toEqual(['xuat', 'khau', 'da', 'nang']);
  });
});
