/** What the core does beyond a single figure: comparison, ranking, trend, follow-ups, no data, help. */
import { describe, expect, it } from 'vitest';
import { ask, bundled, conversation } from './helpers.js';

describe('comparison', () => {
  it.each([
    ['so sánh xuất khẩu Kiên Giang và Lạng Sơn', ['kien-giang', 'lang-son']],
    ['xuất khẩu Kiên Giang vs Lạng Sơn', ['kien-giang', 'lang-son']],
    ['bán lẻ Lạng Sơn so với Hải Phòng', ['lang-son', 'hai-phong']],
    ['đối chiếu TMBL HP với KG', ['hai-phong', 'kien-giang']],
    ['nhap khau lang son hay kien giang nhieu hon', ['lang-son', 'kien-giang']],
  ])('%s', (q, places) => {
    const { query, reply } = ask(q);
    expect(query.intent).toBe('compare');
    expect(query.places).toEqual(places);
    expect(reply.text).toMatch(/kỳ khác nhau|gấp/);
    expect(reply.chart?.kind).toBe('bar');
  });
  it('says so when the periods differ and names both', () => {
    const { reply } = ask('so sánh xuất khẩu Lạng Sơn và Kiên Giang');
    expect(reply.text).toContain('Lạng Sơn (6 tháng đầu năm 2020)');
    expect(reply.text).toContain('Kiên Giang (4 tháng đầu năm 2020)');
    expect(reply.text).toContain('kỳ khác nhau');
  });
  it('says which place has no figure instead of borrowing one', () => {
    const { reply } = ask('so sánh xuất khẩu Kiên Giang và Bạc Liêu tháng 4/2020');
    expect(reply.text).toContain('Bạc Liêu: chưa có số liệu');
    expect(reply.text.match(/43,7/g)?.length).toBe(1);
  });
});

describe('ranking', () => {
  it('ranks one period for every place, says how many it covers and which other periods exist', () => {
    const { query, reply } = ask('tỉnh nào bán lẻ cao nhất');
    expect(query.intent).toBe('rank');
    expect(reply.text).toMatch(/^1\. Hải Phòng/m);
    expect(reply.text).toContain('gồm 1 trên 63 tỉnh, thành phố');
    // Kiên Giang's 4 months and Lạng Sơn's half year are other periods: named, never ranked together
    expect(reply.text).not.toMatch(/^2\./m);
    expect(reply.text).toContain('Kỳ khác có số liệu');
  });
  it.each([
    'top xuất khẩu',
    'xếp hạng xuất khẩu các tỉnh',
    'địa phương nào xuất khẩu ít nhất',
    'xk tỉnh nào dẫn đầu',
  ])('%s', (q) => {
    const { query } = ask(q);
    expect(query.intent).toBe('rank');
    expect(query.indicator).toBe('export');
    expect(query.places).toEqual([]);
  });
  it('lists only the top N when asked', () => {
    const { query, reply } = conversation(bundled).ask(
      'top 5 tỉnh xuất khẩu cao nhất 10 tháng 2025',
    );
    expect(query.rankLimit).toBe(5);
    expect(reply.text).toMatch(/^5\./m);
    expect(reply.text).not.toMatch(/^6\./m);
    expect(reply.text).toMatch(/Hiển thị 5 trong 1\d/);
    expect(reply.text).toContain('trên 34 tỉnh, thành phố (sau sáp nhập 01/07/2025)');
  });
  it('ranks ascending for "thấp nhất"', () => {
    const { reply } = conversation(bundled).ask('tỉnh nào IIP tháng 8/2021 thấp nhất');
    const first = reply.text.match(/^1\. (.*)$/m)![1]!;
    const last = reply.text.match(/^19\. (.*)$/m)![1]!;
    const pct = (line: string) =>
      Number(line.match(/(tăng|giảm) ([\d,]+)%/)![2]!.replace(',', '.')) *
      (line.includes('giảm') ? -1 : 1);
    expect(pct(first)).toBeLessThanOrEqual(pct(last));
  });
  it('ranks growth-only indicators by growth', () => {
    const { reply } = ask('xếp hạng IIP');
    expect(reply.text).toContain('theo tốc độ tăng');
  });
});

describe('trend', () => {
  it.each([
    'vẽ biểu đồ nhập khẩu Kiên Giang',
    'diễn biến nhập khẩu Kiên Giang',
    'xu hướng NK KG qua các tháng',
    'nhap khau kien giang theo thang',
  ])('%s', (q) => {
    const { query, reply } = ask(q);
    expect(query.intent).toBe('trend');
    expect(reply.text).toContain('tháng 4/2020: 18,5');
    expect(reply.text).toContain('4 tháng đầu năm 2020: 67,66');
    expect(reply.chart).not.toBeNull();
  });
  it('answers growth-only series as growth', () => {
    const { reply } = ask('xu hướng IIP Hải Phòng');
    expect(reply.text).toContain('tăng 30,11%');
    expect(reply.chart?.unit).toContain('%');
  });
  it('after a comparison, shows every place with a line each', () => {
    const { query, reply } = ask('so sánh nhập khẩu Kiên Giang và Lạng Sơn', 'biểu đồ');
    expect(query).toMatchObject({ intent: 'trend', places: ['kien-giang', 'lang-son'] });
    expect(reply.text).toContain('4 tháng đầu năm 2020: 67,66');
    expect(reply.text).toContain('6 tháng đầu năm 2020: 680');
    expect(reply.chart?.series.map((s) => s.name.split(' (')[0])).toEqual([
      'Kiên Giang',
      'Lạng Sơn',
    ]);
  });
  it('tells "diễn biến" from Điện Biên', () => {
    expect(ask('diễn biến xuất khẩu Lạng Sơn').query.places).toEqual(['lang-son']);
    expect(ask('xuất khẩu Điện Biên').query).toMatchObject({
      intent: 'lookup',
      places: ['dien-bien'],
    });
  });
  it('unaccented, tells them apart by capitals: "Dien Bien" is written as a name', () => {
    expect(ask('Dien Bien xuat khau nam 2020').query).toMatchObject({
      intent: 'lookup',
      places: ['dien-bien'],
      indicator: 'export',
    });
    expect(ask('Dien bien xuat khau Lang Son').query).toMatchObject({
      intent: 'trend',
      places: ['lang-son'],
    });
    expect(ask('dien bien xuat khau Lang Son').query.intent).toBe('trend');
  });
  it('reads "IIP Điện Biên" as the province\'s IIP, not the power sector\'s of no place', () => {
    for (const text of ['IIP Điện Biên tháng 2/2018', 'IIP Dien Bien', 'iip điện biên năm 2020'])
      expect(ask(text).query, text).toMatchObject({
        intent: 'lookup',
        places: ['dien-bien'],
        indicator: 'iip',
      });
    // the power sector's IIP of a place keeps its own words
    expect(ask('IIP điện Điện Biên').query).toMatchObject({
      places: ['dien-bien'],
      indicator: 'iip_electricity',
    });
    expect(ask('IIP điện Lạng Sơn 6 tháng 2020').query).toMatchObject({
      places: ['lang-son'],
      indicator: 'iip_electricity',
    });
    expect(ask('chỉ số IIP Điện Biên').query).toMatchObject({
      places: ['dien-bien'],
      indicator: 'iip',
    });
  });
  it('reads a part named inside its whole\'s phrase: "chỉ số IIP điện" is the power sector\'s', () => {
    const { query, reply } = ask('chỉ số IIP điện của Lạng Sơn 6 tháng 2020');
    expect(query).toMatchObject({ places: ['lang-son'], indicator: 'iip_electricity' });
    expect(reply.text).toContain('6,56');
    expect(ask('chỉ số IIP Lạng Sơn').query.indicator).toBe('iip');
  });
});

describe('follow-ups reuse the previous turn and say so', () => {
  it('another indicator', () => {
    const { query, reply } = ask('xuất khẩu Lạng Sơn 6 tháng đầu năm 2020', 'còn nhập khẩu?');
    expect(query).toMatchObject({ places: ['lang-son'], indicator: 'import' });
    expect(reply.text).toContain('680');
    expect(reply.text).toContain('Tiếp câu trước');
  });
  it('another place', () => {
    const { query, reply } = ask('xuất khẩu Kiên Giang tháng 4 năm 2020', 'còn Lạng Sơn?');
    expect(query).toMatchObject({ places: ['lang-son'], indicator: 'export' });
    expect(reply.text).toContain('Hiện chưa có');
    expect(reply.text).not.toContain('43,7');
  });
  it('another period', () => {
    const { query, reply } = ask('nhập khẩu Kiên Giang tháng 4 năm 2020', 'lũy kế 4 tháng thì sao');
    expect(query.period).toMatchObject({ type: 'ytd', year: 2020, month: 4 });
    expect(reply.text).toContain('67,66');
    expect(reply.text).toContain('năm 2020');
  });
  it('another year of the same span', () => {
    expect(ask('xuất khẩu Lạng Sơn 6 tháng 2020', 'còn năm 2019?').query.period).toEqual({
      type: 'ytd',
      year: 2019,
      month: 6,
    });
    expect(ask('xuất khẩu Lạng Sơn 6 tháng 2020', 'cả năm 2019 thì sao').query.period).toEqual({
      type: 'year',
      year: 2019,
    });
  });
  it('a comparison with the previous place', () => {
    const { query } = ask('bán lẻ Kiên Giang 4 tháng 2020', 'so với Hải Phòng');
    expect(query).toMatchObject({
      intent: 'compare',
      places: ['kien-giang', 'hai-phong'],
      indicator: 'retail',
    });
  });
  it('a comparison keeps comparing with another indicator', () => {
    const { query } = ask('so sánh xuất khẩu Kiên Giang và Lạng Sơn', 'còn nhập khẩu thì sao');
    expect(query).toMatchObject({
      intent: 'compare',
      places: ['kien-giang', 'lang-son'],
      indicator: 'import',
    });
  });
  it('help in between does not wipe the context', () => {
    const { query } = ask('xuất khẩu Kiên Giang', 'hướng dẫn', 'còn nhập khẩu');
    expect(query).toMatchObject({ places: ['kien-giang'], indicator: 'import' });
  });
});

describe('no figure: say so and offer what there is', () => {
  it('a place without data', () => {
    const { reply } = ask('xuất khẩu Bạc Liêu tháng 4 năm 2020');
    expect(reply.text).toContain('chưa có số liệu');
    expect(reply.text).not.toContain('43,7');
    expect(reply.text).toContain('Kiên Giang');
  });
  it('a period without data lists the nearest periods, not their figures', () => {
    const { reply } = ask('nhập khẩu Kiên Giang năm 2018');
    expect(reply.text).toContain('chưa có số liệu');
    expect(reply.text).toContain('tháng 4/2020');
    expect(reply.text).not.toContain('18,5');
  });
  it('An Giang 2020 is never answered with Kiên Giang figures', () => {
    const { query, reply } = ask('bán lẻ tỉnh An Giang 4 tháng 2020');
    expect(query.places).toEqual(['an-giang']);
    expect(reply.text).not.toContain('31.538');
    expect(reply.text).toContain('chưa có số liệu');
  });
  it('Kiên Giang after the merger gets the merger note and An Giang (mới)', () => {
    const { reply } = ask('xuất khẩu Kiên Giang năm 2026');
    expect(reply.text).toContain('hợp nhất vào An Giang');
    expect(reply.text).not.toContain('43,7');
  });
  it('a merged unit after the merger says what it now includes', () => {
    expect(ask('xuất khẩu An Giang năm 2026').reply.text).toContain(
      'An Giang (mới) gồm cả Kiên Giang cũ',
    );
    expect(ask('xuất khẩu An Giang năm 2020').reply.text).not.toContain('gồm cả');
  });
  it('a target-only figure is given as a target, not as a result', () => {
    const { reply } = ask('xuất khẩu Kon Tum năm 2019');
    expect(reply.text).toContain('chưa có số liệu');
    expect(reply.text).toContain('137 triệu USD');
    expect(reply.text).toContain('kế hoạch');
  });
  it('a growth-only national figure', () => {
    const { reply } = ask('bán lẻ cả nước 2 tháng đầu năm 2020');
    expect(reply.text).toContain('Tăng 8,3%');
  });
});

describe('relative periods against today (23/11/2026)', () => {
  it.each([
    ['xuất khẩu Hải Phòng tháng trước', { type: 'month', year: 2026, month: 10 }],
    ['xuất khẩu Hải Phòng tháng này', { type: 'month', year: 2026, month: 11 }],
    ['xuất khẩu Hải Phòng năm ngoái', { type: 'year', year: 2025 }],
    ['xuất khẩu Hải Phòng năm nay', { type: 'year', year: 2026 }],
    ['xuất khẩu Hải Phòng tháng 4 năm ngoái', { type: 'month', year: 2025, month: 4 }],
    ['xuất khẩu Hải Phòng quý trước', { type: 'quarter', year: 2026, quarter: 3 }],
  ])('%s', (q, period) => {
    const { reply } = ask(q);
    expect(reply.period).toEqual(period);
    expect(reply.text).toContain('chưa có số liệu');
  });
});

describe('estimates, approximations, sources', () => {
  it('marks estimates and "hơn"/"gần"', () => {
    expect(ask('bán lẻ Hải Phòng năm 2020').reply.text).toContain('Hơn 144.000 tỷ đồng (ước tính)');
    expect(ask('xuất khẩu Hải Phòng 2020').reply.text).toContain('Gần 19 triệu USD');
  });
  it('flags the implausible export figure without changing it', () => {
    const { reply } = ask('xuất khẩu Hải Phòng 2020');
    expect(reply.text).toContain('số liệu nguồn có thể sai đơn vị'.replace(/^s/, 'S'));
    expect(reply.text).toContain('19 triệu USD');
  });
  it('names the source: publisher, report and date', () => {
    const { reply } = ask('xuất khẩu Kon Tum 9 tháng 2019');
    expect(reply.text).toContain('Báo Kon Tum');
    expect(reply.text).toContain('08/10/2019');
    expect(reply.text).toContain('Đạt 72% kế hoạch');
  });
  it('says which year it chose when the year is left out', () => {
    expect(ask('xk kien giang thang 4').reply.text).toContain('năm 2020, năm gần nhất có số liệu');
  });
  it('puts first the figure that answers "bao nhiêu % kế hoạch" when no period is named', () => {
    const { reply } = ask('xuat khau kien giang dat bao nhieu phan tram ke hoach');
    expect(reply.period).toEqual({ type: 'ytd', year: 2020, month: 4 });
    expect(reply.text.indexOf('26,3%')).toBeLessThan(reply.text.indexOf('43,7'));
  });
  it('gives the sub-series', () => {
    expect(ask('IIP Lạng Sơn 6 tháng đầu năm 2020').reply.text).toContain('khai khoáng tăng 3,67%');
  });
});

describe('help, off-topic, subscribe', () => {
  it.each([
    'bot có những số liệu gì',
    'có thể hỏi những gì',
    'cách hỏi',
    'help',
    'hướng dẫn',
    'bạn làm được gì',
    'bot này dùng thế nào',
    '/help',
    'HUONG DAN',
    '',
  ])('help: "%s"', (q) => {
    const { query, reply } = ask(q);
    expect(query.intent).toBe('help');
    expect(reply.text).toContain('Kiên Giang');
  });
  it.each([
    'ai là chủ tịch tỉnh Kiên Giang',
    'dân số Kiên Giang',
    'tỷ giá đô la hôm nay',
    'giá vàng SJC',
    'thời tiết Hà Nội ngày mai',
    'kết quả bóng đá',
    'asdfgh qwerty',
    '12345',
  ])('unknown: "%s"', (q) => {
    const { query, reply } = ask(q);
    expect(query.intent).toBe('unknown');
    expect(reply.text).toMatch(/chưa hiểu|không có thông tin này/);
    expect(reply.nextSteps.length).toBe(3);
    expect(reply.text).not.toMatch(/\d+,\d+ (triệu USD|tỷ đồng)/);
  });
  it.each([
    ['đăng ký nhận tin xuất khẩu Kiên Giang hàng tháng', 'kien-giang', 'export'],
    ['dang ky nhan tin ban le hai phong', 'hai-phong', 'retail'],
    ['subscribe IIP Lạng Sơn', 'lang-son', 'iip'],
    ['theo dõi xuất khẩu Lạng Sơn', 'lang-son', 'export'],
    ['nhận bản tin hàng tháng Hải Phòng', 'hai-phong', null],
  ])('subscribe: %s', (q, place, indicator) => {
    expect(ask(q).query).toMatchObject({ intent: 'subscribe', places: [place], indicator });
  });
});

describe('what the store does not split out', () => {
  it('says a product has no figure of its own and gives the total', () => {
    const { reply } = ask('xuất khẩu gạo Kiên Giang tháng 4/2020');
    expect(reply.text).toContain('Chưa có số liệu riêng cho mặt hàng “gạo”');
    expect(reply.text).toContain('43,7');
  });
  it('does not read "hàng tháng Hải Phòng" as February', () => {
    expect(ask('nhận bản tin hàng tháng Hải Phòng').query.period).toBeNull();
    expect(ask('xuất khẩu tháng hai Hải Phòng').query.period).toMatchObject({
      type: 'month',
      month: 2,
    });
  });
});

describe('near names are never confused', () => {
  it.each([
    ['Bình Dương', 'binh-duong'],
    ['Bình Định', 'binh-dinh'],
    ['Bình Phước', 'binh-phuoc'],
    ['Bình Thuận', 'binh-thuan'],
    ['Quảng Nam', 'quang-nam'],
    ['Quảng Ninh', 'quang-ninh'],
    ['Quảng Ngãi', 'quang-ngai'],
    ['Thái Bình', 'thai-binh'],
    ['Ninh Bình', 'ninh-binh'],
    ['Hòa Bình', 'hoa-binh'],
    ['Hoà Bình', 'hoa-binh'],
    ['binh duong', 'binh-duong'],
    ['binh dinh', 'binh-dinh'],
    ['quang nam', 'quang-nam'],
    ['quang ninh', 'quang-ninh'],
    ['binh duon', 'binh-duong'],
    ['quang ngai', 'quang-ngai'],
    ['thai binh', 'thai-binh'],
    ['ninh binh', 'ninh-binh'],
    ['Hà Nam', 'ha-nam'],
    ['Hà Nội', 'ha-noi'],
    ['Nam Định', 'nam-dinh'],
    ['An Giang', 'an-giang'],
    ['Kiên Giang', 'kien-giang'],
    ['Tiền Giang', 'tien-giang'],
    ['Hậu Giang', 'hau-giang'],
    ['TP.HCM', 'ho-chi-minh'],
    ['TPHCM', 'ho-chi-minh'],
    ['Sài Gòn', 'ho-chi-minh'],
    ['BR-VT', 'ba-ria-vung-tau'],
    ['Thừa Thiên Huế', 'hue'],
    ['Huế', 'hue'],
    ['Đắk Lắk', 'dak-lak'],
    ['Đắk Nông', 'dak-nong'],
  ])('%s', (name, id) => {
    expect(ask(`xuất khẩu ${name} năm 2020`).query.places).toEqual([id]);
  });
  it('does not read "kg" as Kiên Giang in "5 kg gạo"', () => {
    expect(ask('5 kg gạo xuất khẩu').query.places).toEqual([]);
  });
  it('asks instead of guessing when a typo fits two places', () => {
    const { query, reply } = ask('xuất khẩu ha nai');
    expect(query.places).toEqual([]);
    expect(reply.text).toMatch(/^Ý bạn là: (Hà Nam hay Hà Nội|Hà Nội hay Hà Nam)\?/);
    expect(reply.didYouMean.map((d) => d.question).sort()).toEqual(['XK Hà Nam', 'XK Hà Nội']);
  });
});
