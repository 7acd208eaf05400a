/**
 * Never answer what was not asked (issue 21), each message of the issue through the same path as
 * the ask contract, on the bundled data: off-topic turns that name a place, a relative period the
 * bot reads rather than replaces, English follow-ups on years, complete questions that start
 * afresh, rankings by growth and with no period, "which is higher", subscriptions as sentences.
 */
import { describe, expect, it } from 'vitest';
import { bundled, conversation } from './helpers.js';

function chat(...turns: string[]) {
  const c = conversation(bundled);
  return turns.map((t) => c.ask(t));
}
const last = (...turns: string[]) => chat(...turns).at(-1)!;
const FIGURE = /\d+(?:,\d+)? (?:tỷ|triệu) (?:USD|đồng)|\d%/;

describe('off-topic turns that name a place get no figure', () => {
  it.each([
    'phở Hà Nội quán nào ngon',
    'thơ về Đà Nẵng',
    'đội tuyển Việt Nam đá với Indonesia mấy giờ',
    'bun bo Hue o dau ngon',
  ])('%s', (q) => {
    const { query, reply } = last(q);
    expect(query.intent).toBe('unknown');
    expect(query.offTopic).toBe(true);
    expect(reply.text).not.toMatch(FIGURE);
  });

  it('inside a conversation: no figure, and the conversation keeps its subject', () => {
    const [, poem, next] = chat(
      'xuất khẩu Kiên Giang tháng 4/2020',
      'làm một bài thơ về mùa thu Hà Nội',
      'còn nhập khẩu?',
    );
    expect(poem!.query.intent).toBe('unknown');
    expect(poem!.reply.text).not.toMatch(FIGURE);
    expect(next!.query).toMatchObject({
      places: ['kien-giang'],
      indicator: 'import',
      period: { type: 'month', year: 2020, month: 4 },
    });
  });

  it('a place alone, or with the words of a data question, still asks for its figures', () => {
    for (const q of ['Kiên Giang', 'tình hình Kiên Giang dạo này thế nào', 'Hải Phòng thì sao'])
      expect(last(q).query.intent).toBe('lookup');
  });
});

describe('a relative period is read, never replaced by another', () => {
  it('"xk tháng trc KG bn": last month, and no other period served as its answer', () => {
    const { query, reply } = last('xk tháng trc KG bn');
    expect(query.period).toEqual({ type: 'month', year: 2026, month: 10 });
    expect(reply.text).toMatch(/^Hiện chưa có số liệu .* tháng 10\/2026/);
    expect(reply.text).not.toMatch(
      /^Kim ngạch xuất khẩu hàng hóa – Kiên Giang, 2 tháng đầu năm 2024/,
    );
  });
});

describe('a time the store has no period for is named, never answered silently', () => {
  it.each([
    [
      'xuất khẩu Kiên Giang tuần trước',
      /^ℹ️ Chưa đọc được “tuần trước”: số liệu chỉ có theo tháng, quý và năm/,
    ],
    ['xuat khau Kien Giang hom qua', /^ℹ️ Chưa đọc được “hom qua”/],
    ['Kien Giang exports last week', /^ℹ️ “last week” was not read/],
  ])('%s', (q, said) => {
    expect(last(q).reply.text).toMatch(said);
  });

  it('a period it reads needs no such note', () => {
    expect(last('xuất khẩu Kiên Giang tháng 4/2020').reply.text).not.toMatch(/Chưa đọc được/);
  });
});

describe('English follow-ups on years mean the year before the period discussed', () => {
  it.each(['compared with last year?', 'year on year?', 'compared to last year?'])(
    '%s stays on April 2020, and so do the turns after it',
    (q) => {
      const turns = chat('Kien Giang exports April 2020', 'and imports?', q, 'and exports?');
      for (const t of turns.slice(2))
        expect(t.query.period).toEqual({ type: 'month', year: 2020, month: 4 });
      expect(turns[2]!.reply.text).toMatch(/year-on-year|year on year/);
    },
  );

  it('"how about last year?" is April 2019, as "năm ngoái thì sao?" is', () => {
    for (const q of ['how about last year?', 'năm ngoái thì sao?'])
      expect(last('Kien Giang exports April 2020', q).query.period).toEqual({
        type: 'month',
        year: 2019,
        month: 4,
      });
  });
});

describe('a complete new question starts afresh', () => {
  it('"có số liệu gì về Nghệ An" after a comparison is about Nghệ An only', () => {
    const { query, reply } = last(
      'so sánh bán lẻ Hải Phòng với Kiên Giang',
      'có số liệu gì về Nghệ An',
    );
    expect(query.places).toEqual(['nghe-an']);
    expect(query.intent).toBe('lookup');
    expect(reply.text).toMatch(/^Số liệu của Nghệ An/);
  });

  it('"bao nhiêu tỉnh có số liệu xuất khẩu năm 2024" after a Hà Nội question counts the places', () => {
    const { query, reply } = last(
      'bán lẻ Hà Nội tháng 8/2025',
      'bao nhiêu tỉnh có số liệu xuất khẩu năm 2024',
    );
    expect(query).toMatchObject({ places: [], indicator: 'export' });
    expect(reply.text).toMatch(
      /^\d+ tỉnh, thành phố có số liệu kim ngạch xuất khẩu hàng hóa năm 2024/,
    );
  });

  it('"top 5 IIP" after another question ranks the best covered recent period, not 1 place', () => {
    const { query, reply } = last('xuất khẩu Kiên Giang 2020', 'top 5 IIP');
    expect(query).toMatchObject({ intent: 'rank', places: [], indicator: 'iip' });
    expect(reply.text).toMatch(/^Xếp hạng chỉ số sản xuất công nghiệp \(IIP\), năm 2025/);
    expect(reply.text).toMatch(/Hiển thị 5 trong 15 địa phương/);
    expect(reply.text).toMatch(
      /Câu hỏi không nêu kỳ: dùng kỳ gần nhất có nhiều địa phương có số liệu nhất, năm 2025/,
    );
  });
});

describe('rankings by growth', () => {
  it.each([
    ['tỉnh nào có IIP tăng mạnh nhất', 'iip', /theo tốc độ tăng so với cùng kỳ/],
    [
      'địa phương nào nhập khẩu tăng cao nhất so với cùng kỳ',
      'import',
      /theo tốc độ tăng so với cùng kỳ/,
    ],
  ])('%s', (q, indicator, by) => {
    const { query, reply } = last(q);
    expect(query).toMatchObject({ intent: 'rank', indicator, rankBy: 'yoy' });
    expect(reply.text.split('\n')[0]).toMatch(by);
    const growths = [...reply.text.matchAll(/^\d+\. .*?tăng ([\d,]+)% so với cùng kỳ/gm)].map((m) =>
      Number(m[1]!.replace(',', '.')),
    );
    expect(growths.length).toBeGreaterThanOrEqual(2);
    expect([...growths].sort((a, b) => b - a)).toEqual(growths);
  });

  it('"top 5 IIP" from a Vietnamese client is answered in Vietnamese', () => {
    expect(last('top 5 IIP').reply.text).toMatch(/^Xếp hạng/);
  });
});

describe('"which is higher" is answered in one line first', () => {
  it('two places with figures for the same period', () => {
    const { reply } = last('xuất khẩu Bắc Ninh năm 2025', 'còn Hải Phòng', 'bên nào nhiều hơn?');
    expect(reply.text).toMatch(
      /^👉 Bắc Ninh cao hơn: 93,27 tỷ USD .*so với Hải Phòng 46,55 tỷ USD/,
    );
  });

  it('says it cannot be told when one side has no figure for the period', () => {
    const { reply } = last(
      'xuất khẩu Kiên Giang tháng 4/2020',
      'còn Lạng Sơn',
      'bên nào nhiều hơn?',
    );
    expect(reply.text).toMatch(/^👉 Chưa so được: Lạng Sơn chưa có số liệu cho kỳ này\./);
  });

  it('in English', () => {
    const { reply } = last('Kien Giang exports Q1 2020', 'and Ha Noi?', 'which is higher?');
    expect(reply.text).toMatch(/^👉 Hà Nội is higher/);
  });
});

describe('subscriptions said as sentences', () => {
  it.each([
    ['nhắc tôi khi có số liệu nhập khẩu Lạng Sơn mới', 'lang-son'],
    ['báo cho mình khi có số liệu mới của Hải Phòng', 'hai-phong'],
    ['remind me when Hai Phong has new figures', 'hai-phong'],
  ])('%s', (q, place) => {
    expect(last(q).query).toMatchObject({ intent: 'subscribe', places: [place] });
  });
});

describe('the comparison offered under an answer', () => {
  it('names a place with a figure for the same period, and asks for that period', () => {
    const steps = last('xuất khẩu Bắc Ninh năm 2025').reply.nextSteps.map((s) => s.question);
    const compare = steps.find((q) => q.startsWith('so sánh'))!;
    expect(compare).toMatch(/năm 2025$/);
    const answer = last(compare);
    expect(answer.query.intent).toBe('compare');
    expect(answer.reply.text).not.toMatch(/khác kỳ|different periods/);
  });

  it('is not offered when no other place has that period', () => {
    const steps = last('xuất khẩu Kiên Giang tháng 4/2020').reply.nextSteps.map((s) => s.question);
    expect(steps.some((q) => q.startsWith('so sánh'))).toBe(false);
  });
});

describe('a unit warning needs evidence, not a small size', () => {
  it('a small province beside large ones is not flagged; a figure against its own report is', async () => {
    const { FactIndex } = await import('../src/store/fact-store.js');
    const { parseFact } = await import('../src/store/schema.js');
    const source = {
      publisher: 'Báo Công Thương',
      title: 'Xuất khẩu các địa phương 2023',
      date: '2024-01-10',
      url: null,
    };
    const fact = (
      place: string,
      indicator: string,
      value: number,
      unit = 'triệu USD',
      src = source,
    ) => {
      const r = parseFact({
        place,
        indicator,
        period: { type: 'year', year: 2023 },
        value,
        unit,
        source: src,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.issues[0]!.problem));
      return r.fact;
    };
    const report = { ...source, publisher: 'Sở Công Thương', title: 'Tổng kết năm 2023' };
    const facts = [
      fact('bac-ninh', 'export', 45800),
      fact('ho-chi-minh', 'export', 44300),
      fact('binh-duong', 'export', 32000),
      fact('dong-nai', 'export', 22300),
      fact('cao-bang', 'export', 42.3),
      fact('lai-chau', 'export', 24.2),
      // one report: retail of 60.000 tỷ đồng (about 2.400 triệu USD) and exports of "19 triệu"
      fact('thanh-hoa', 'retail', 60000, 'tỷ đồng', report),
      fact('thanh-hoa', 'export', 19, 'triệu USD', report),
    ];
    const idx = FactIndex.of(facts);
    const warned = (place: string) =>
      idx.warning(idx.get(place, 'export', { type: 'year', year: 2023 })!);
    expect(warned('cao-bang')).toBeUndefined();
    expect(warned('lai-chau')).toBeUndefined();
    expect(warned('thanh-hoa')).toContain('sai đơn vị');
  });
});

describe('statistics the bot does not carry, named with words of one it does', () => {
  it.each([
    'giá tiêu dùng cả nước tháng 5/2024 tăng bao nhiêu',
    'chỉ số giá tiêu dùng Kiên Giang tháng 4/2020',
    'CPI tháng 5 2024',
    'lạm phát Hà Nội năm 2024',
    'GDP Việt Nam 2024',
    'vốn FDI Bình Dương 2024',
    'Vietnam inflation 2024',
  ])('%s: no figure of another indicator', (q) => {
    const { query, reply } = last(q);
    expect(query.indicator).toBeNull();
    expect(query.offTopic).toBe(true);
    expect(reply.text).not.toMatch(FIGURE);
  });

  it('the retail indicator named in full still answers, "tiêu dùng" and all', () => {
    const { query, reply } = last(
      'tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng Kiên Giang tháng 4/2020',
    );
    expect(query.indicator).toBe('retail');
    expect(reply.text).toContain('6.598,4');
  });

  it('a question naming one of ours beside one we lack answers ours', () => {
    expect(last('xuất khẩu và vốn FDI Bình Dương 2024').query.indicator).toBe('export');
  });
});

describe('a short form several places go by asks which one', () => {
  it.each([
    ['XK BD 2024', ['binh-duong', 'binh-dinh']],
    ['xuất khẩu QN năm 2024', ['quang-ninh', 'quang-nam', 'quang-ngai']],
    ['xk bd vs đn 2024', ['binh-duong', 'binh-dinh', 'dong-nai', 'da-nang']],
  ])('%s', (q, candidates) => {
    const { query, reply } = last(q);
    expect(query.places).toEqual([]);
    expect(query.ambiguousPlaces).toEqual(candidates);
    expect(reply.text).not.toMatch(FIGURE);
  });

  it('the answer to the question then gives the figure', () => {
    const reply = last('XK BD 2024', 'Bình Dương').reply.text;
    expect(reply).toContain('34,5 tỷ USD');
  });

  it('a short form only one place goes by still reads at once', () => {
    expect(last('xk KG T4/2020').query.places).toEqual(['kien-giang']);
  });
});

describe('the year a trend names', () => {
  it('"các tháng năm 2024" is the months of 2024, not May', () => {
    const { query } = last('xuất khẩu cả nước các tháng năm 2024');
    expect(query.period).toEqual({ type: 'year', year: 2024 });
    expect(last('xuất khẩu cả nước tháng 5 năm 2024').query.period).toEqual({
      type: 'month',
      year: 2024,
      month: 5,
    });
  });

  it('a trend with a year lists that year only, and says so in its title', () => {
    const text = last('xu hướng xuất khẩu cả nước các tháng năm 2024').reply.text;
    expect(text).toMatch(/Cả nước, năm 2024/);
    const listed = [...text.matchAll(/• [^:]*?(\d{4}):/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(3);
    expect(new Set(listed)).toEqual(new Set(['2024']));
  });

  it('a year with no figure: every period, saying the year has none', () => {
    const text = last('diễn biến xuất khẩu Kiên Giang năm 2019').reply.text;
    expect(text).toContain('Chưa có số liệu năm 2019');
    expect(text).toContain('4 tháng đầu năm 2020');
  });

  it('"dữ liệu mới nhất là tháng nào" tells the latest period held', () => {
    const { reply } = last('dữ liệu mới nhất là tháng nào');
    expect(reply.text).toMatch(/kỳ mới nhất: tháng \d+\/\d{4}/);
  });
});

describe('a ranking followed up', () => {
  it('"còn nhập khẩu thì sao" ranks imports for the same period', () => {
    const [, imports, nextYear] = chat(
      'tỉnh nào xuất khẩu nhiều nhất 2023',
      'còn nhập khẩu thì sao',
      'năm 2024 thì sao',
    );
    expect(imports!.query).toMatchObject({ intent: 'rank', indicator: 'import' });
    expect(imports!.query.period).toMatchObject({ year: 2023 });
    expect(nextYear!.query).toMatchObject({ intent: 'rank', indicator: 'import' });
    expect(nextYear!.query.period).toMatchObject({ year: 2024 });
  });

  it('in English too', () => {
    const [, imports] = chat('which province exported the most in 2023', 'how about imports');
    expect(imports!.query).toMatchObject({ intent: 'rank', indicator: 'import' });
    expect(imports!.reply.text).toMatch(/^Ranking: merchandise imports, 2023/);
  });

  it('keeps how the ranking was ordered: by growth, top 3', () => {
    const [, next] = chat('top 3 tỉnh xuất khẩu tăng mạnh nhất năm 2024', 'còn nhập khẩu');
    expect(next!.query).toMatchObject({ intent: 'rank', rankBy: 'yoy', rankLimit: 3 });
    expect(next!.reply.text).toContain('theo tốc độ tăng');
  });

  it('a place named after a ranking asks that place’s figure', () => {
    const [, place] = chat('tỉnh nào xuất khẩu nhiều nhất 2023', 'còn Kiên Giang');
    expect(place!.query).toMatchObject({ intent: 'lookup', places: ['kien-giang'] });
  });

  it('a growth ranking names what it leaves out for want of a change', () => {
    const text = last('top 3 tỉnh xuất khẩu tăng mạnh nhất năm 2024').reply.text;
    expect(text).not.toContain('nguồn chỉ nêu tốc độ tăng');
  });
});

describe('the new unit asked with no period', () => {
  it('"An Giang mới" is not answered with the old province’s figure', () => {
    const { reply } = last('xuất khẩu tỉnh An Giang mới sau sáp nhập');
    expect(reply.text).toMatch(/^Hiện chưa có số liệu .* An Giang \(mới, từ 01\/07\/2025\)/);
    expect(reply.text).not.toMatch(FIGURE);
    expect(reply.text).toContain('năm 2019');
  });

  it('without "mới" the latest figure is given, with the old-unit note', () => {
    const { reply } = last('xuất khẩu An Giang');
    expect(reply.text).toContain('890 triệu USD');
    expect(reply.text).toContain('chưa gồm Kiên Giang');
  });
});

describe('an average asked for', () => {
  it('is computed from the span and said to be computed', () => {
    const text = last('xuất khẩu bình quân mỗi tháng 2025 cả nước').reply.text;
    expect(text).toContain('Bình quân mỗi tháng 39,587 tỷ USD');
    expect(text).toContain('số liệu tính toán: 475,04 tỷ USD (475.040 triệu USD) chia 12 tháng');
  });

  it('over a year-to-date span, in English too', () => {
    expect(
      last('trung bình mỗi tháng Kiên Giang xuất khẩu 4 tháng đầu năm 2020').reply.text,
    ).toContain('51,28 triệu USD');
    expect(last('Vietnam average monthly exports 2024').reply.text).toContain(
      'On average 33.794 billion USD',
    );
  });

  it('a growth rate only has no average; a month is its own', () => {
    expect(last('IIP cả nước 2025 bình quân').reply.text).toContain('không có giá trị để tính');
    expect(last('xuất khẩu tháng 4/2020 Kiên Giang trung bình').reply.text).not.toContain(
      'Bình quân',
    );
  });
});
