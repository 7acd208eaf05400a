/**
 * Follow-ups that carry only the question, after a figure or a comparison, with an off-topic
 * turn in between, with and without diacritics; English and mixed questions.
 */
import { describe, expect, it } from 'vitest';
import { ask, bundled, conversation } from './helpers.js';

const FIRST = 'xuất khẩu Kiên Giang tháng 4/2020';

describe('follow-ups by question alone', () => {
  it.each([
    [
      'thế còn so với năm trước?',
      // the month states no change on a year earlier; its cumulative total does
      /không nêu mức tăng\/giảm so với cùng kỳ.*; 4 tháng đầu năm 2020: tăng 23,68% so với cùng kỳ năm trước/,
    ],
    ['the con so voi nam truoc', /không nêu mức tăng\/giảm so với cùng kỳ/],
    ['tăng hay giảm vậy', /👉 Giảm 36,65% so với tháng trước/],
    ['tang hay giam vay', /👉 Giảm 36,65% so với tháng trước/],
    ['được mấy phần trăm kế hoạch rồi', /👉 Đạt 26,3% kế hoạch năm \(4 tháng đầu năm 2020\)/],
    ['duoc may phan tram ke hoach roi', /👉 Đạt 26,3% kế hoạch năm/],
    // the share of plan never alone: the change on a year earlier comes with it
    [
      'có vượt kế hoạch không?',
      /👉 Chưa: mới đạt 26,3% kế hoạch năm \(4 tháng đầu năm 2020\); tăng 23,68% so với cùng kỳ năm trước\./,
    ],
    ['co vuot ke hoach khong', /👉 Chưa: mới đạt 26,3%/],
    // "bao nhiêu" folds like "bão" (a storm): never taken for an off-topic weather question
    ['được bao nhiêu phần trăm kế hoạch', /👉 Đạt 26,3% kế hoạch năm/],
    ['duoc bao nhieu phan tram ke hoach', /👉 Đạt 26,3% kế hoạch năm/],
    ['đạt bao nhiêu % kế hoạch', /👉 Đạt 26,3% kế hoạch năm/],
    ['tang bao nhieu', /36,65%/],
  ])('%s', (q, expected) => {
    const { query, reply } = ask(FIRST, q);
    expect(query).toMatchObject({ intent: 'lookup', places: ['kien-giang'], indicator: 'export' });
    expect(reply.text).toMatch(expected);
  });

  it.each(['còn số cộng dồn?', 'con so cong don', 'còn lũy kế thì sao'])(
    '%s: the cumulative span',
    (q) => {
      const { query, reply } = ask(FIRST, q);
      expect(query.period).toMatchObject({ type: 'ytd', year: 2020, month: 4 });
      expect(reply.text).toContain('205,11 triệu USD');
    },
  );

  it('"năm liền trước" is the year before the one discussed, not before today', () => {
    const { query } = ask(FIRST, 'năm liền trước thì sao');
    expect(query.period).toMatchObject({ type: 'month', year: 2019, month: 4 });
  });

  it.each(['còn năm trước đó?', 'con nam truoc do', 'năm trước thì sao', 'thế năm trước?'])(
    '"%s" after a figure of 2020 is 2019, not the year before today',
    (q) => {
      const { query, reply } = ask(FIRST, q);
      expect(query).toMatchObject({ places: ['kien-giang'], indicator: 'export' });
      expect(query.period).toMatchObject({ type: 'month', year: 2019, month: 4 });
      expect(reply.text).toContain('năm 2019');
    },
  );

  it.each([
    'vậy so với tháng 3 thì sao',
    'so voi thang 3 thi sao',
    'giam hay tang',
    'giảm hay tăng vậy',
  ])('"%s" about April asks the change on the month before', (q) => {
    const { query, reply } = ask(FIRST, q);
    expect(query).toMatchObject({ places: ['kien-giang'], indicator: 'export' });
    expect(query.period).toMatchObject({ type: 'month', year: 2020, month: 4 });
    expect(reply.text).toContain('👉 Giảm 36,65% so với tháng trước');
  });

  it('"so với năm 2019" about 2020 asks the change on a year earlier', () => {
    const { query, reply } = ask('xuất khẩu Kiên Giang 4 tháng 2020', 'so với năm 2019?');
    expect(query.period).toMatchObject({ type: 'ytd', year: 2020, month: 4 });
    expect(reply.text).toContain('👉 Tăng 23,68% so với cùng kỳ năm trước');
  });

  it('"cùng kỳ năm ngoái bao nhiêu" asks the figure a year before the one discussed', () => {
    const { query } = ask(FIRST, 'thế cùng kỳ năm ngoái bao nhiêu');
    expect(query.period).toMatchObject({ type: 'month', year: 2019, month: 4 });
  });

  it('"so với năm trước" still asks the change on a year earlier, for the same figure', () => {
    const { query } = ask(FIRST, 'so với năm trước?');
    expect(query.period).toMatchObject({ type: 'month', year: 2020, month: 4 });
  });

  it.each(['Hà Nội có mưa không', 'Đà Nẵng hôm nay nắng không', 'bão số 3 vào Quảng Ninh chưa'])(
    'weather after a figure (%s) is off-topic, with no figure',
    (q) => {
      const { query, reply } = ask(FIRST, q);
      expect(query.intent).toBe('unknown');
      expect(reply.text).not.toMatch(/triệu USD|tỷ đồng/);
    },
  );

  it('the same after an off-topic turn in between', () => {
    const { query, reply } = ask(
      FIRST,
      'thời tiết Kiên Giang hôm nay thế nào',
      'tăng hay giảm vậy',
    );
    expect(query).toMatchObject({ intent: 'lookup', places: ['kien-giang'], indicator: 'export' });
    expect(reply.text).toContain('Giảm 36,65%');
  });

  it('"bên nào nhiều hơn" after a comparison compares again', () => {
    const { query, reply } = ask('so sánh bán lẻ Kiên Giang và Hải Phòng', 'bên nào nhiều hơn');
    expect(query.intent).toBe('compare');
    expect(query.places).toEqual(['kien-giang', 'hai-phong']);
    expect(reply.text).toContain('So sánh');
  });

  it('an off-topic question naming a place gets no figures', () => {
    for (const q of ['thời tiết Hà Nội hôm nay', 'đặc sản Kiên Giang là gì']) {
      const { query, reply } = ask(q);
      expect(query.intent).toBe('unknown');
      expect(reply.text).not.toMatch(/triệu USD|tỷ đồng/);
    }
  });
});

describe('English and mixed English', () => {
  it.each([
    [
      'Kien Giang export value April 2020',
      { indicator: 'export', period: { type: 'month', year: 2020, month: 4 } },
    ],
    [
      'Kien Giang exports April 2020',
      { indicator: 'export', period: { type: 'month', year: 2020, month: 4 } },
    ],
    [
      'retail Hai Phong full year 2020',
      { indicator: 'retail', period: { type: 'year', year: 2020 } },
    ],
    [
      'import LS first half 2020',
      { indicator: 'import', period: { type: 'ytd', year: 2020, month: 6 } },
    ],
    [
      'H1 2020 imports Lang Son',
      { indicator: 'import', period: { type: 'ytd', year: 2020, month: 6 } },
    ],
    [
      'KG exports YTD April 2020 yoy',
      { indicator: 'export', period: { type: 'ytd', year: 2020, month: 4 } },
    ],
    [
      'xuất khẩu Kiên Giang Q1 2020',
      { indicator: 'export', period: { type: 'quarter', year: 2020, quarter: 1 } },
    ],
  ])('%s', (q, expected) => {
    const { query } = ask(q);
    expect(query).toMatchObject({ intent: 'lookup', ...expected });
  });

  it('"may" is a month only before a year ("may" is also unaccented Vietnamese)', () => {
    expect(ask('Kien Giang exports May 2020').query.period).toMatchObject({ month: 5 });
    expect(ask(FIRST, 'duoc may phan tram ke hoach').query.focus.plan).toBe(true);
  });
});

describe('the merger asked as such, and small talk', () => {
  it.each([
    ['Kiên Giang bây giờ thuộc tỉnh nào?', 'Kiên Giang đã hợp nhất vào An Giang (mới)'],
    ['kien giang gio thuoc tinh nao', 'Kiên Giang đã hợp nhất vào An Giang (mới)'],
    ['Đồng Nai giờ thuộc tỉnh nào', 'Đồng Nai (mới) gồm Đồng Nai và Bình Phước cũ'],
    ['Hà Nội có sáp nhập không', 'Hà Nội không sáp nhập với tỉnh nào'],
    ['Cần Thơ mới gồm những tỉnh nào', 'Cần Thơ (mới) gồm Cần Thơ và Hậu Giang, Sóc Trăng cũ'],
    ['can tho moi gom nhung tinh nao', 'Cần Thơ (mới) gồm Cần Thơ và Hậu Giang, Sóc Trăng cũ'],
    ['Hải Phòng ghép với tỉnh nào', 'Hải Phòng (mới) gồm Hải Phòng và Hải Dương cũ'],
    ['which provinces make up the new Can Tho', 'is made of Cần Thơ and the former Hậu Giang'],
  ])('%s', (q, expected) => {
    const { reply } = ask(q);
    expect(reply.text).toContain(expected);
    expect(reply.text).not.toMatch(/triệu USD|tỷ đồng/);
  });

  it.each([
    ['cảm ơn nhé', 'Không có gì'],
    ['cam on', 'Không có gì'],
    ['xin chào', 'Chào bạn'],
    ['👍', 'Bạn muốn xem số liệu nào'],
  ])('%s gets a short fitting reply', (q, expected) => {
    const { query, reply } = ask(q);
    expect(query.intent).toBe('help');
    expect(reply.text).toContain(expected);
    expect(reply.text.split('\n').length).toBeLessThanOrEqual(3);
  });
});

describe('two indicators in one question', () => {
  it.each(['xuất khẩu và nhập khẩu Kiên Giang tháng 4/2020', 'xuat khau va nhap khau KG T4/2020'])(
    '%s: both answered',
    (q) => {
      const { reply } = ask(q);
      expect(reply.text).toContain('43,7 triệu USD');
      expect(reply.text).toContain('18,5 triệu USD');
    },
  );

  it('"xuất nhập khẩu" is still the total trade', () => {
    expect(ask('xuất nhập khẩu Lạng Sơn 6 tháng 2020').query.indicator).toBe('trade_total');
  });
});

describe('a comparison with a period per place', () => {
  it('two years, one each: the missing one says which period it lacks and what exists', () => {
    const c = conversation(bundled);
    const { query, reply } = c.ask('so sánh xuất khẩu Bắc Ninh 2025 với Thái Nguyên 2024');
    expect(query.periodsByPlace).toEqual([
      { type: 'year', year: 2025 },
      { type: 'year', year: 2024 },
    ]);
    expect(reply.text).toMatch(/Thái Nguyên: chưa có số liệu năm 2024 \(có: năm 2025/);
    const en = conversation(bundled).ask('compare exports Bac Ninh 2025 and Thai Nguyen 2024');
    expect(en.reply.text).toMatch(/Thái Nguyên: no figure yet for 2024 \(available: 2025/);
  });

  it.each([
    'nhập khẩu Kiên Giang 4 tháng so với Lạng Sơn nửa năm 2020',
    'nhap khau KG 4T/2020 va Lang Son 6 thang 2020',
  ])('%s: each place with its own period, said to differ', (q) => {
    const { query, reply } = ask(q);
    expect(query.intent).toBe('compare');
    expect(query.periodsByPlace).toMatchObject([
      { type: 'ytd', month: 4, year: 2020 },
      { type: 'ytd', month: 6, year: 2020 },
    ]);
    expect(reply.text).toContain('Kiên Giang (4 tháng đầu năm 2020): 67,66');
    expect(reply.text).toContain('Lạng Sơn (6 tháng đầu năm 2020): 680');
    expect(reply.text).toContain('những kỳ khác nhau');
  });
});

describe('spans the store does not keep as such', () => {
  const full = (...turns: string[]) => {
    const c = conversation(bundled);
    let last = c.ask(turns[0]!);
    for (const t of turns.slice(1)) last = c.ask(t);
    return last;
  };

  it.each(['xuất khẩu Bình Dương 6 tháng cuối năm 2023', 'xuat khau binh duong nua cuoi nam 2023'])(
    '%s: derived from the year and its first half, labelled, never the first half itself',
    (q) => {
      const { reply } = full(q);
      expect(reply.text).toContain('15,85 tỷ USD (15.850 triệu USD) (số liệu tính toán)');
      expect(reply.text.split('\n')[1]).not.toContain('14,75');
    },
  );

  it('the second half without both inputs is "no data", no other span shown as it', () => {
    const { reply } = full('xuất khẩu Bình Dương nửa cuối năm 2024');
    expect(reply.text).toContain('Chưa có số liệu 6 tháng cuối năm 2024');
    expect(reply.text).not.toContain('34,5');
  });

  it.each([
    ['xuất khẩu Kiên Giang tháng 13/2020', 'không có tháng 13'],
    ['IIP Hà Nội quý 5 năm 2021', 'không có quý 5'],
  ])('%s is refused as invalid', (q, why) => {
    const { reply } = full(q);
    expect(reply.text).toContain(`Kỳ không hợp lệ: ${why}`);
    expect(reply.text).not.toMatch(/triệu USD|tăng|giảm/);
  });
});

describe('off-topic after a figure', () => {
  it.each([
    'thời tiết Đà Nẵng thế nào',
    'thoi tiet da nang',
    'thoi tiet o da nang the nao',
    'Đà Nẵng có món ăn gì ngon',
    'món ngon Hải Phòng',
    'mon ngon hai phong',
    'ẩm thực Cần Thơ',
    'du lịch Phú Quốc có gì hay',
    'đội bóng Hải Phòng đá hôm nay thế nào',
    'Hải Phòng có homestay nào đẹp',
  ])('%s: the polite off-topic reply, never the last indicator for the new place', (q) => {
    const { query, reply } = ask(FIRST, q);
    expect(query).toMatchObject({ intent: 'unknown', indicator: null, period: null });
    expect(reply.text).toContain('không có thông tin này');
    expect(reply.text).not.toMatch(/triệu USD|Hiện chưa có số liệu/);
  });

  it.each(['where to eat in Da Nang', 'Ha Long beach', 'best restaurants Can Tho'])(
    '%s: the off-topic reply in English',
    (q) => {
      const { query, reply } = ask(FIRST, q);
      expect(query).toMatchObject({ intent: 'unknown', english: true });
      expect(reply.text).toContain('I only hold the provinces');
    },
  );

  it('the figure conversation goes on after it', () => {
    const { query } = ask(FIRST, 'thời tiết Đà Nẵng', 'còn nhập khẩu?');
    expect(query).toMatchObject({ places: ['kien-giang'], indicator: 'import' });
  });
});

describe('a question about which places, after a conversation about one', () => {
  it.each([
    ['xu hướng xuất khẩu Kiên Giang', 'tỉnh nào có số liệu xuất khẩu năm 2024'],
    ['xuất khẩu Kiên Giang tháng 4/2020', 'nhung tinh nao co so lieu ban le'],
    ['show me the trend of exports in Kien Giang', 'which provinces have export data for 2024'],
  ])('%s, then "%s": the list of places, not the last place again', (first, then) => {
    const chat = conversation(bundled);
    chat.ask(first);
    const { query, reply } = chat.ask(then);
    expect(query.places).toEqual([]);
    expect(query.inventory).toBe(true);
    expect(reply.text).toMatch(/^\d+ (tỉnh, thành phố có số liệu|provinces have figures)/);
  });
});

describe('plan progress in the short forms people type', () => {
  const chat = () => conversation(bundled);
  it.each([
    'hải phòng xk 2020 vượt kh không',
    'hai phong xk 2020 vuot kh khong',
    'xuất khẩu Hải Phòng 2020 có vượt mục tiêu không',
  ])('%s: yes first, by how much, and the change on a year earlier', (q) => {
    expect(chat().ask(q).reply.text).toContain(
      '👉 Có: đạt 100,12% kế hoạch năm, vượt 0,12%; tăng 18,46% so với cùng kỳ năm trước.',
    );
  });

  it('the whole country inside a sentence is "cả nước"', () => {
    const { reply } = chat().ask('tổng mức bán lẻ của cả nước năm 2024');
    expect(reply.text).toMatch(/^Hiện chưa có số liệu .* của cả nước năm 2024/);
  });
});

describe('one place over two periods', () => {
  const say = (q: string) => conversation(bundled).ask(q).reply.text;

  it.each([
    [
      'so sánh xuất khẩu Kiên Giang quý 1 2020 với quý 1 2019',
      '👉 Quý I/2020 tăng 32% so với quý I/2019 (theo nguồn).',
    ],
    [
      'ban le kien giang thang 4/2020 so voi thang 3/2020',
      '👉 Tháng 4/2020 giảm 16,37% so với tháng 3/2020 (theo nguồn).',
    ],
    [
      'xuất khẩu Cà Mau 2024 so với 2022',
      '👉 Năm 2024 giảm 7,69% so với năm 2022 (số liệu tính toán từ hai số liệu trên).',
    ],
    ['xuất khẩu Bình Dương 2024 so với 2019', '👉 Chưa so được: chưa có số liệu năm 2019.'],
    [
      'IIP Hải Phòng 2025 so với 2020',
      '👉 Nguồn không nêu mức thay đổi của năm 2025 so với năm 2020; hai số liệu trên là tốc độ tăng, không tính ra được.',
    ],
    ['Binh Duong exports 2024 vs 2023', '👉 2024: up 13% on 2023 (as the source states).'],
  ])('%s', (q, expected) => {
    const text = say(q);
    expect(text).toContain(expected);
    expect(text.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(2);
  });

  it('a figure missing for one period is said, never borrowed from another', () => {
    const text = say('xuất khẩu Bình Dương 2024 so với 2022');
    expect(text).toContain('• năm 2022: chưa có số liệu kỳ này');
    expect(text).not.toMatch(/năm 2022: \d/);
  });
});

describe('"bên nào nhiều hơn" after one place, then another', () => {
  it.each([
    ['xuất khẩu Bình Dương 2024', 'còn Đồng Nai?', 'bên nào nhiều hơn'],
    ['xuat khau binh duong 2024', 'dong nai thi sao', 'ben nao nhieu hon'],
    ['Binh Duong exports 2024', 'what about Dong Nai', 'which is bigger'],
  ])('%s / %s / %s: the two places compared', (a, b, c) => {
    const chat = conversation(bundled);
    chat.ask(a);
    chat.ask(b);
    const { query } = chat.ask(c);
    expect(query.intent).toBe('compare');
    expect(query.places).toEqual(['binh-duong', 'dong-nai']);
  });

  it('a question about another indicator in between starts afresh', () => {
    const chat = conversation(bundled);
    chat.ask('xuất khẩu Bình Dương 2024');
    chat.ask('bán lẻ Đồng Nai 2024');
    expect(chat.ask('bên nào nhiều hơn').query.places).toEqual(['dong-nai']);
  });
});

describe('what the store holds as a whole', () => {
  const say = (q: string) => conversation(bundled).ask(q);
  it.each([
    ['bot có dữ liệu gì', /^Kho dữ liệu: \d+ số liệu của \d+ tỉnh, thành phố và cả nước/],
    ['co so lieu cua nhung tinh nao', /^Kho dữ liệu: /],
    ['what data do you have', /^The store: \d+ figures for \d+ provinces and the whole country/],
  ])('%s: the years, each indicator with its places, the places', (q, expected) => {
    const { reply } = say(q);
    expect(reply.text).toMatch(expected);
    expect(reply.text).toMatch(/(Số liệu từ năm|Figures from) 20\d\d/);
    expect(reply.text).toMatch(/• (Kim ngạch xuất khẩu hàng hóa|Merchandise exports): \d+/);
  });

  it.each(['hướng dẫn', 'bạn làm được những gì', 'help'])('%s: still the guide', (q) => {
    expect(say(q).reply.text).toMatch(/^Số Liệu – tra cứu/);
  });

  it.each(['số liệu mới nhất là tháng mấy', 'how recent is the data'])(
    '%s: the years covered and the latest period',
    (q) => expect(say(q).reply.text).toMatch(/(kỳ mới nhất|the latest period): /),
  );
});

describe('one more place in a comparison', () => {
  it.each([
    ['so sánh xuất khẩu Bình Dương và Đồng Nai năm 2023', 'thêm Bắc Ninh', 'bac-ninh'],
    ['so sanh xuat khau binh duong va dong nai 2023', 'them ca ha noi', 'ha-noi'],
    ['compare exports Binh Duong and Dong Nai 2023', 'add Ha Noi', 'ha-noi'],
  ])('%s, then "%s": three places, the same indicator and period', (first, then, added) => {
    const chat = conversation(bundled);
    chat.ask(first);
    const { query } = chat.ask(then);
    expect(query).toMatchObject({ intent: 'compare', indicator: 'export' });
    expect(query.places).toEqual(['binh-duong', 'dong-nai', added]);
    expect(query.period).toEqual({ type: 'year', year: 2023 });
  });

  it('a place alone after a single figure is a new question about that place, not a comparison', () => {
    const chat = conversation(bundled);
    chat.ask('xuất khẩu Bình Dương 2023');
    expect(chat.ask('thêm Bắc Ninh').query.places).toEqual(['bac-ninh']);
  });
});
