/**
 * Questions over the bundled public figures (every province, the new units, the whole country):
 * lookups phrased many ways, sources and their conflicts, links, derived figures, rankings on
 * one period, the merger, scopes and "what exists".
 */
import { describe, expect, it } from 'vitest';
import { bundled, conversation } from './helpers.js';

const ask = (...turns: string[]) => {
  const c = conversation(bundled);
  let last = c.ask(turns[0]!);
  for (const t of turns.slice(1)) last = c.ask(t);
  return last;
};

describe('a figure of any province, phrased as people type', () => {
  it.each([
    'xuất khẩu An Giang 4 tháng 2019',
    'xuat khau an giang 4 thang dau nam 2019',
    'XK An Giang 4T/2019',
    'kim ngạch xuất khẩu An Giang lũy kế 4 tháng năm 2019',
  ])('%s', (q) => {
    const { query, reply } = ask(q);
    expect(query).toMatchObject({ intent: 'lookup', places: ['an-giang'], indicator: 'export' });
    expect(reply.text).toContain('284,4 triệu USD');
    expect(reply.text).toMatch(/tăng 21,56% so với cùng kỳ/i);
    expect(reply.text).toContain('31,9% kế hoạch');
  });

  it('asked in English, answered in English with the same figure', () => {
    const { query, reply } = ask('An Giang exports first four months 2019');
    expect(query).toMatchObject({ intent: 'lookup', places: ['an-giang'], indicator: 'export' });
    expect(reply.text).toContain('Merchandise exports – An Giang, January–April 2019');
    expect(reply.text).toContain('284.4 million USD');
    expect(reply.text).toContain('Up 21.56% year on year');
    expect(reply.text).toContain('31.9% of the annual plan');
  });

  it.each(['XK An Giang T4/2019', 'xuất khẩu tháng 4/2019 an giang', 'an giang xk thang tu 2019'])(
    'a month is never answered with the cumulative figure: %s',
    (q) => {
      const { reply } = ask(q);
      expect(reply.text).toContain('72,61 triệu USD');
      expect(reply.text).not.toContain('284,4');
    },
  );

  it('large values read as reports write them, with the canonical unit beside', () => {
    const { reply } = ask('xuất khẩu Bình Dương năm 2024');
    expect(reply.text).toContain('34,5 tỷ USD (34.500 triệu USD)');
    expect(reply.text).toContain('ước tính');
  });
});

describe('sources', () => {
  it('cite the source with its link: an <a> in Telegram, the URL in plain text', () => {
    const { reply } = ask('xuất khẩu An Giang 4 tháng 2019');
    expect(reply.html).toMatch(/<a href="https:\/\/fr\.vietnamplus\.vn\/[^"]+">VietnamPlus \(FR\)/);
    expect(reply.text).toContain('(https://fr.vietnamplus.vn/');
  });

  it('a revision outranks the estimate, and the other figure is named', () => {
    const { reply } = ask('IIP cả nước năm 2020');
    expect(reply.text).toMatch(/^Tăng 3,3% so với cùng kỳ/m);
    expect(reply.text).toContain('Nguồn khác: Reuters');
    expect(reply.text).toContain('3,4%');
  });

  it('constant prices outrank current prices for output values, and both are said', () => {
    const { reply } = ask('giá trị sản xuất công nghiệp Nam Định quý I/2017');
    expect(reply.text).toContain('10.871,7 tỷ đồng (giá so sánh 2010)');
    expect(reply.text).toContain('15.519 tỷ đồng (giá hiện hành)');
  });

  it('lists the sources and the rule on request', () => {
    for (const q of ['nguồn số liệu', 'nguon so lieu', 'số liệu lấy từ đâu']) {
      const { query, reply } = ask(q);
      expect(query.intent).toBe('help');
      expect(reply.text).toContain('nơi công bố');
      expect(reply.text).toContain('số chính thức trước số ước tính');
    }
  });
});

describe('the whole country', () => {
  it.each([
    'xuất khẩu cả nước 5 tháng 2024',
    'xuat khau toan quoc 5T/2024',
    'XK Việt Nam lũy kế 5 tháng 2024',
  ])('%s', (q) => {
    const { query, reply } = ask(q);
    expect(query.places).toEqual(['ca-nuoc']);
    expect(reply.text).toMatch(/tỷ USD/);
    expect(reply.text).toContain('5 tháng đầu năm 2024');
  });

  it('a province share of the country is computed from two stated figures and said so', () => {
    const { reply } = ask('xuất khẩu Kiên Giang chiếm bao nhiêu % cả nước 2 tháng 2024');
    expect(reply.text).toContain('Kiên Giang chiếm 0,26%');
    expect(reply.text).toContain('số liệu tính toán');
    expect(reply.text).toContain('59,2 tỷ USD');
  });
});

describe('what exists', () => {
  it.each(['có số liệu gì về Nghệ An', 'Nghệ An có những chỉ tiêu nào', 'nghe an co so lieu gi'])(
    '%s',
    (q) => {
      const { query, reply } = ask(q);
      expect(query).toMatchObject({ intent: 'lookup', places: ['nghe-an'], indicator: null });
      expect(reply.text).toContain('Số liệu của Nghệ An');
      expect(reply.text).toContain('Kim ngạch xuất khẩu hàng hóa');
      expect(reply.text.length).toBeLessThan(1500);
    },
  );

  it('which provinces have an indicator for a year', () => {
    const { reply } = ask('tỉnh nào có số liệu xuất khẩu năm 2024');
    expect(reply.text).toMatch(
      /^\d+ tỉnh, thành phố có số liệu kim ngạch xuất khẩu hàng hóa năm 2024/m,
    );
    expect(reply.text).toContain('Bình Dương');
    expect(reply.text).not.toMatch(/\b2023\b/);
  });
});

describe('rankings on one period', () => {
  it('ranks every place on the same period and says how many of the 34 units have it', () => {
    const { query, reply } = ask('tỉnh nào xuất khẩu cao nhất 10 tháng 2025');
    expect(query.intent).toBe('rank');
    const lines = reply.text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(reply.text).toContain('trên 34 tỉnh, thành phố');
    // never a month or another span in the list
    for (const l of lines) expect(l).not.toMatch(/tháng \d+\/|\(ước tính\) \(/);
  });

  it('quý I and "3 tháng đầu năm" rank together; growth-only indicators by growth', () => {
    const { reply } = ask('top 5 IIP quý I 2023');
    expect(reply.text).toContain('theo tốc độ tăng');
    expect(reply.text).toMatch(/^1\. /m);
  });

  it('never ranks a target as a result', () => {
    const { reply } = ask('tỉnh nào xuất khẩu cao nhất năm 2025');
    expect(reply.text).not.toContain('Tiền Giang');
    expect(reply.text).not.toContain('Bạc Liêu');
  });
});

describe('derived figures', () => {
  it('a month from two cumulative figures, labelled, citing both, without a growth rate', () => {
    const { reply } = ask('xuất khẩu Bắc Ninh tháng 9/2025');
    expect(reply.text).toContain('9,77 tỷ USD (9.770 triệu USD) (số liệu tính toán)');
    expect(reply.text).toContain('9 tháng đầu năm 2025');
    expect(reply.text).toContain('8 tháng đầu năm 2025');
    expect(reply.text.match(/Nguồn:/g)?.length).toBe(2);
    expect(reply.text.split('\n')[2]).not.toMatch(/tăng|giảm/);
  });

  it.each(['xuất khẩu Bình Dương quý II/2023', 'xuat khau binh duong quy 2 2023'])(
    'a quarter from the half year and the first quarter: %s',
    (q) => {
      const { reply } = ask(q);
      expect(reply.text).toContain('7.464,4 triệu USD');
      expect(reply.text).toContain('số liệu tính toán');
    },
  );

  it('a quarter the sources do not imply is "no data", never a neighbour', () => {
    const { reply } = ask('xuất khẩu cả nước quý II/2023');
    expect(reply.text).toContain('chưa có số liệu');
    expect(reply.text).not.toMatch(/tỷ USD/);
  });
});

describe('the merger', () => {
  it('a new unit after July 2025 answers with its own figure and says what it includes', () => {
    const { reply } = ask('xuất khẩu Bắc Ninh tháng 10/2025');
    expect(reply.text).toContain('Bắc Ninh (mới) gồm cả Bắc Giang');
    expect(reply.text).toContain('9,4 tỷ USD');
  });

  it('an old province asked about a later period gets the merger note and the new unit', () => {
    const { reply } = ask('xuất khẩu Tiền Giang năm 2025');
    expect(reply.text).toContain('Tiền Giang đã hợp nhất vào Đồng Tháp (mới)');
    // its own plan, set before the merger, is still a real figure
    expect(reply.text).toContain('kế hoạch/mục tiêu của Tiền Giang');
  });

  it('a new unit asked about an earlier period: a figure stated for it, labelled', () => {
    const { reply } = ask('xuất khẩu Đồng Nai mới 5 tháng 2025');
    expect(reply.text).toContain(
      'Đồng Nai (mới) hình thành từ 01/07/2025, gồm Đồng Nai, Bình Phước',
    );
    expect(reply.text).toContain('13,4 tỷ USD');
  });

  it('the parts of a new unit are listed, and summed only when every part has the period', () => {
    const { reply } = ask('xuất khẩu An Giang mới 2 tháng 2024');
    expect(reply.text).toContain('An Giang (mới) hình thành');
    expect(reply.text).toContain('Kiên Giang');
    expect(reply.text).toMatch(/Không tính tổng|Tổng các tỉnh cũ/);
  });

  it('an old figure of a unit that grew says it is before the merger', () => {
    const { reply } = ask('xuất khẩu An Giang 4 tháng 2019');
    expect(reply.text).toContain('trước 01/07/2025, chưa gồm Kiên Giang');
  });
});

describe('scopes kept apart', () => {
  it('border-gate trade is labelled as such', () => {
    const { reply } = ask('tổng kim ngạch xnk qua địa bàn Lạng Sơn tháng 8/2025');
    expect(reply.text).toContain('9 tỷ USD (9.000 triệu USD) (qua địa bàn)');
  });

  it('exports excluding crude oil are their own series, and said so when they answer', () => {
    const asked = ask('xuất khẩu trừ dầu thô Bà Rịa - Vũng Tàu 9 tháng 2022');
    expect(asked.query.scope).toBe('tru-dau-tho');
    expect(asked.reply.text).toContain('(trừ dầu thô)');
    const plain = ask('xuất khẩu Bà Rịa Vũng Tàu 9 tháng 2022');
    expect(plain.reply.text).toContain('không kể dầu thô');
  });
});

describe('a place and a period without an indicator', () => {
  it('shows that period only, never a neighbouring one', () => {
    const { reply } = ask('Kiên Giang tháng 5/2020');
    expect(reply.text).toContain('Chưa có số liệu nào của Kiên Giang tháng 5/2020');
    expect(reply.text).not.toMatch(/triệu USD|tỷ đồng/);
    const april = ask('Kiên Giang tháng 4/2020');
    expect(april.reply.text).toContain('43,7 triệu USD');
    expect(april.reply.text).not.toContain('205,11'); // the cumulative span is another period
  });
});

describe('what exists, worded as the catalogue names it', () => {
  it('an indicator named by an acronym keeps it ("IIP ngành …", never "iIP")', () => {
    const { reply } = ask('tổng kim ngạch xuất nhập khẩu Lạng Sơn năm 2020');
    expect(reply.text).toContain('IIP ngành khai khoáng');
    expect(reply.text).not.toContain('iIP');
  });
});

describe('a figure flagged as implausible', () => {
  it('says what it was likely meant to be when its own series shows a factor of a thousand', () => {
    const { reply } = conversation(bundled).ask('xuất khẩu Hải Phòng năm 2020');
    expect(reply.text).toContain('Số liệu nguồn có thể sai đơn vị: nguồn ghi “gần 19 triệu USD”');
    expect(reply.text).toContain('Có thể là gần 19 tỷ USD (19.000 triệu USD)?');
    expect(reply.text).toContain('Gần 19 triệu USD'); // the figure itself stays as published
  });

  it('guesses nothing from other places: a small province is not a typo', () => {
    const { reply } = conversation(bundled).ask('xuất khẩu Cao Bằng 10 tháng 2025');
    expect(reply.text).not.toContain('Có thể là');
  });
});

describe('a first quarter or cumulative span from the next span and its month', () => {
  it('quý I = 4 tháng − tháng 4, labelled, both inputs cited, no growth rate', () => {
    const { reply } = conversation(bundled).ask(
      'giá trị sản xuất công nghiệp Kiên Giang quý 1 2020',
    );
    expect(reply.text).toContain('11.590,22 tỷ đồng (số liệu tính toán)');
    expect(reply.text).toMatch(
      /4 tháng đầu năm 2020 \(15\.201,68 tỷ đồng.*trừ tháng 4\/2020 \(3\.611,46/,
    );
    expect(reply.text).not.toMatch(/^• (Tăng|Giảm)/m);
  });

  it('a stated figure always wins over a computed one', () => {
    const { reply } = conversation(bundled).ask('xuất khẩu Kiên Giang quý 1 2020');
    expect(reply.text).toContain('153 triệu USD');
    expect(reply.text).not.toContain('tính toán');
  });
});

describe('what the data covers', () => {
  it.each(['dữ liệu có những năm nào', 'du lieu cap nhat den thang nao', 'số liệu từ năm nào'])(
    '%s: the years and the latest period, with the sources',
    (q) => {
      const { query, reply } = conversation(bundled).ask(q);
      expect(query.sourcesList).toBe(true);
      expect(reply.text).toContain('Số liệu từ năm 2017 đến năm 2025; kỳ mới nhất: tháng 12/2025.');
    },
  );

  it('in English', () => {
    const { reply } = conversation(bundled).ask('which years does the data cover');
    expect(reply.text).toContain('Figures from 2017 to 2025; the latest period: December 2025.');
  });
});

describe("a place's position in a ranking", () => {
  it.each([
    'Hải Phòng đứng thứ mấy về xuất khẩu năm 2025',
    'hai phong xep thu may ve xuat khau 2025',
  ])('%s: its position first, then the table', (q) => {
    const { query, reply } = conversation(bundled).ask(q);
    expect(query.intent).toBe('rank');
    expect(reply.text).toMatch(
      /^Xếp hạng kim ngạch xuất khẩu hàng hóa, năm 2025\n👉 Hải Phòng đứng thứ 3 trong \d+ địa phương có số liệu năm 2025\./,
    );
  });

  it('a place without the figure is said to be absent, not ranked', () => {
    const { reply } = conversation(bundled).ask('Cao Bằng đứng thứ mấy về bán lẻ năm 2025');
    expect(reply.text).toContain('👉 Cao Bằng chưa có số liệu năm 2025 để xếp hạng.');
  });

  it('in English', () => {
    const { reply } = conversation(bundled).ask('what rank is Hai Phong in exports 2025');
    expect(reply.text).toContain('👉 Hải Phòng ranks 3 of the');
  });
});
