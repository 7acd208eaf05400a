/**
 * People who ask in English get the answer (and the guide) in English; people who mix English
 * and Vietnamese, or type without accents, get Vietnamese. Figures are the same in both.
 */
import { describe, expect, it } from 'vitest';
import { wordsFor } from '../src/answer/words.js';
import { isEnglishQuestion } from '../src/understand/english.js';
import { ask, bundled, conversation } from './helpers.js';

describe('which questions are English', () => {
  it.each([
    'Kien Giang export value April 2020',
    'retail sales Hai Phong full year 2020',
    'imports Lang Son first half 2020',
    'how do I use this bot',
    'Ho Chi Minh City exports 2024',
    'Quang Nam retail 2024',
    'what’s Kien Giang exports April 2020',
  ])('%s: English', (q) => expect(isEnglishQuestion(q)).toBe(true));

  it.each([
    'xuat khau Kien Giang April 2020',
    'xuất khẩu Kiên Giang tháng 4',
    'Kiên Giang exports April 2020',
    'XK KG T4/2020',
    'KG export T4/2020',
    'Kien Giang exports 4T/2020',
    'help',
    '/help',
    'ban le hai phong ca nam',
  ])('%s: Vietnamese or mixed', (q) => expect(isEnglishQuestion(q)).toBe(false));
});

describe('English replies', () => {
  it('a monthly figure: unit, change and source in English, the source title untouched', () => {
    const { reply } = ask('Kien Giang exports April 2020');
    expect(reply.text).toContain('Merchandise exports – Kiên Giang, April 2020');
    expect(reply.text).toContain('43.7 million USD (estimate)');
    expect(reply.text).toContain('Down 36.65% on the previous month');
    expect(reply.text).toMatch(/Source: Sở Công Thương tỉnh Kiên Giang, “[^”]+tháng 4 năm 2020”/);
  });

  it('a cumulative figure with its plan share, and a follow-up in English', () => {
    const { reply } = ask('Kien Giang exports YTD April 2020', 'and imports?');
    expect(reply.text).toMatch(/Merchandise imports – Kiên Giang, January–April 2020/);
    expect(reply.text).not.toMatch(/Kim ngạch|so với|Nguồn/);
  });

  it('a missing figure says so in English and offers what exists', () => {
    const { reply } = ask('Kien Giang exports full year 2020');
    expect(reply.text).toContain('There is no figure for merchandise exports of Kiên Giang');
    expect(reply.text).toContain('exist for:');
  });

  it('a period span and an acronym in what exists', () => {
    const { reply } = ask('Kien Giang imports H1 2020');
    expect(reply.text).toContain('of Kiên Giang for January–June 2020');
    expect(wordsFor('en').indicatorNoun('iip_mining')).toBe('IIP of mining');
  });

  it('the mixed question gets the same figure in Vietnamese', () => {
    const { reply } = ask('xuat khau Kien Giang April 2020');
    expect(reply.text).toContain('43,7 triệu USD');
    expect(reply.text).toContain('Giảm 36,65% so với tháng trước');
  });

  it('the guide in English, the /help command in Vietnamese', () => {
    expect(ask('what can you do').reply.text).toContain('Ask in English or Vietnamese');
    expect(ask('/help').reply.text).toContain('Hỏi bằng tiếng Việt');
  });
});

describe('English off-topic and small talk', () => {
  it('weather in a province: the polite off-topic reply in English, no figure', () => {
    const { query, reply } = ask('Kien Giang exports April 2020', 'weather in Da Nang');
    expect(query.intent).toBe('unknown');
    expect(reply.text).toContain('I only hold the provinces');
    expect(reply.text).not.toMatch(/million USD|Xin lỗi/);
  });

  it.each(['thanks', 'hello'])('%s: a short reply, not the guide', (q) => {
    expect(ask(q).reply.text).not.toContain('Ask in English or Vietnamese');
  });

  it.each([
    ['thank you', "You're welcome"],
    ['hello', 'Hello! I look up'],
  ])('%s: answered in English', (q, expected) => {
    expect(ask(q).reply.text).toContain(expected);
  });
});

/** The Vietnamese left in an English reply once source lines and names are set aside. */
const VIETNAMESE =
  /(?<!\p{L})(của|số liệu|chưa|tỉnh|thành phố|kỳ|nơi|chỉ tiêu|hiểu là|gấp|lần|mới nhất|Từ|cũ)(?!\p{L})/u;
/\b(của|số liệu|chưa|tỉnh|thành phố|kỳ|nơi|chỉ tiêu|hiểu là|gấp|lần|mới nhất|Từ|cũ)\b/u;
// a bullet's name (a place, a publisher) is a name; what follows it is the wording
const leftover = (text: string) =>
  text
    .split('\n')
    .filter((l) => !/^(Source|Sources):/.test(l))
    .map((l) => l.replace(/^• [^:]+:/, '').replace(/“[^”]*”/g, ''))
    .filter((l) => VIETNAMESE.test(l));

describe('English replies beyond a single figure', () => {
  const ask2 = (...turns: string[]) => {
    const c = conversation(bundled);
    return turns.map((t) => c.ask(t)).at(-1)!;
  };

  it.each([
    ['which province exported the most in 2024', /^Ranking: merchandise exports, 2024/],
    ['top 3 provinces by exports 2024', /^Ranking: merchandise exports, 2024/],
    ['largest exporter 2024', /^Ranking: merchandise exports, 2024/],
    ['which provinces have retail data', /^\d+ provinces have figures for retail sales/],
    ['what data do you have for Da Nang', /^Figures for Đà Nẵng \(\d+ figures\)/],
    ['sources', /^Sources: \d+ publishers, \d+ figures/],
    [
      'Kien Giang now belongs to which province',
      /^Since 1 July 2025, Kiên Giang has been part of An Giang/,
    ],
    ['Ha Noi was it merged', /did not merge with any province/],
    ['exports Vietnam 2025', /^Merchandise exports – Vietnam, 2025/],
    ['Bac Ninh exports 2025', /Since 1 July 2025, Bắc Ninh \(new\) includes the former Bắc Giang/],
  ])('%s', (q, expected) => {
    const { query, reply } = ask2(q);
    expect(query.english).toBe(true);
    expect(reply.text).toMatch(expected);
    expect(leftover(reply.text)).toEqual([]);
  });

  it('a follow-up in English keeps the English note of what was carried over', () => {
    const { reply } = ask2('exports Kien Giang April 2020', 'and imports?');
    expect(reply.text).toContain(
      '(Following the previous question – place: Kiên Giang; same period)',
    );
  });

  it('"which is bigger" after a comparison is answered in one line first, in English', () => {
    const { query, reply } = ask2(
      'compare exports Binh Duong and Dong Nai 2023',
      'which is bigger',
    );
    expect(query.intent).toBe('compare');
    expect(reply.text).toMatch(
      /^👉 Bình Dương is higher: 30.6 billion USD .*against Đồng Nai 21.62 billion USD/,
    );
    expect(reply.text).toMatch(/\nComparison: merchandise exports/);
  });
});

describe('the English words', () => {
  const en = wordsFor('en');
  it('numbers in the en-US way; dates as the source writes them', () => {
    expect(en.amount(309633.5, 'tỷ đồng')).toBe('309,633.5 billion VND');
    expect(en.amount(2533.4, 'triệu USD')).toBe('2.5334 billion USD (2,533.4 million USD)');
    expect(en.sourceDate('2020-05-04')).toBe('04/05/2020');
    expect(en.value({ value: 43.7, unit: 'triệu USD', approx: 'gần' })).toBe(
      'nearly 43.7 million USD',
    );
  });

  it('periods, changes and their direction', () => {
    expect(en.period({ type: 'quarter', year: 2020, quarter: 1 })).toBe('Q1 2020');
    expect(en.period({ type: 'ytd', year: 2020, month: 4 })).toBe('January–April 2020');
    expect(en.period({ type: 'ytd', year: 2020, month: 12 })).toBe('2020');
    expect(en.period({ type: 'month', year: null, month: 5 })).toBe('May');
    expect(en.changeSentence(-52.9, 'yoy')).toBe('down 52.9% year on year');
    expect(en.changeSentence(0, 'mom')).toBe('unchanged on the previous month');
  });

  it('a button question in English is read back as English, with the same meaning', () => {
    const q = en.question('ask_figure', {
      indicator: 'export',
      place: 'kien-giang',
      period: { type: 'ytd', year: 2020, month: 4 },
    });
    expect(q).toBe('exports Kien Giang January–April 2020');
    const { query } = ask(q);
    expect(query.english).toBe(true);
    expect(query.period).toEqual({ type: 'ytd', year: 2020, month: 4 });
  });
});

describe('an index asked for its change', () => {
  it.each([
    'IIP Hải Phòng tháng 2/2020 so với cùng kỳ',
    'iip hai phong thang 2/2020 so voi cung ky',
    'IIP Hải Phòng tháng 2/2020 tăng bao nhiêu',
  ])('%s: the change is stated once, not repeated as a focus line', (q) => {
    const { reply } = ask(q);
    expect(reply.text.match(/Tăng 30,11% so với cùng kỳ năm trước/g)).toHaveLength(1);
  });

  it('an estimated index asked for its change: stated once too', () => {
    const { reply } = conversation(bundled).ask('iip ca nuoc thang 1 2025 tang bao nhieu');
    expect(reply.text.match(/Tăng 0,6% so với cùng kỳ năm trước/g)).toHaveLength(1);
  });
});

describe('the conversation keeps its language', () => {
  const turns = (...texts: string[]) => {
    const c = conversation(bundled);
    return texts.map((t) => c.ask(t));
  };

  it('a turn with only a name stays in the language of the one before', () => {
    const [, en] = turns('retail Hai Phong full year 2020', 'what about Kien Giang');
    expect(en!.query.english).toBe(true);
    expect(en!.reply.text).toMatch(/^There is no figure for retail sales .* of Kiên Giang/);
    const [, vi] = turns('bán lẻ Hải Phòng năm 2020', 'Kien Giang');
    expect(vi!.query.english).toBe(false);
    expect(vi!.reply.text).toMatch(/^Hiện chưa có số liệu/);
  });

  it.each([
    ['did Kien Giang exports fall in April 2020', /👉 Yes: down 36\.65% on the previous month\./],
    ['did Kien Giang exports rise in April 2020', /👉 No: down 36\.65% on the previous month\./],
    [
      'did Kien Giang beat its export plan in January-April 2020',
      /👉 Not yet: 26\.3% of the annual plan so far \(January–April 2020\); up 23\.68% year on year\./,
    ],
    ['were Lang Son exports up or down in H1 2020', /👉 Down 52\.9% year on year$/m],
  ])('%s: answered yes or no first, in English', (q, expected) => {
    const [turn] = turns(q);
    expect(turn!.query.english).toBe(true);
    expect(turn!.reply.text).toMatch(expected);
  });

  it.each(['Jan-Apr 2020', 'jan to apr 2020', 'first 4 months of 2020', 'January to April 2020'])(
    'Kien Giang exports %s: January–April, cumulated',
    (when) => {
      const [turn] = turns(`Kien Giang exports ${when}`);
      expect(turn!.query.period).toEqual({ type: 'ytd', year: 2020, month: 4 });
      expect(turn!.reply.text).toMatch(/^Merchandise exports – Kiên Giang, January–April 2020/);
    },
  );

  it('"January–April" and "January-June" are cumulative spans, as the English replies write them', () => {
    const [a, b] = turns(
      'exports Kien Giang January–April 2020',
      'imports Lang Son January-June 2020',
    );
    expect(a!.query.period).toEqual({ type: 'ytd', year: 2020, month: 4 });
    expect(b!.query.period).toEqual({ type: 'ytd', year: 2020, month: 6 });
  });

  it('a month missing its change on a year earlier offers the cumulative one, in English', () => {
    const [turn] = turns('Kien Giang exports April 2020 year on year');
    expect(turn!.reply.text).toContain(
      '👉 The source gives no year-on-year change for April 2020; January–April 2020: up 23.68% year on year.',
    );
  });
});

describe('more English, as people type it', () => {
  const one = (q: string) => conversation(bundled).ask(q);
  it.each([
    [
      'Is Kien Giang part of An Giang now?',
      /^Since 1 July 2025, Kiên Giang has been part of An Giang/,
    ],
    [
      'Which province is Ha Giang in now?',
      /^Since 1 July 2025, Hà Giang has been part of Tuyên Quang/,
    ],
    [
      'Kien Giang exports second half 2020',
      /^Merchandise exports – Kiên Giang, July–December 2020/,
    ],
    ['Kien Giang exports month 13 2020', /^Not a valid period: there is no month 13\./],
    ['Hai Phong exports Q5 2020', /^Not a valid period: there is no quarter 5\./],
    ['how are Kien Giang exports trending', /^Trend: Merchandise exports – Kiên Giang/],
    [
      'Kien Giang imports this quarter',
      /^There is no figure for merchandise imports of An Giang for Q[1-4] \d{4}/,
    ],
    ['What were Hai Phong’s retail sales in 2020?', /More than 144,000 billion VND \(estimate\)/],
    ['Did Hai Phong meet its retail target in 2020?', /👉 Not yet: 92% of the annual plan so far/],
  ])('%s', (q, expected) => {
    const { query, reply } = one(q);
    expect(query.english).toBe(true);
    expect(reply.text).toMatch(expected);
    expect(leftover(reply.text)).toEqual([]);
  });
});

describe('English follow-ups that carry only the question', () => {
  it('up or down, the year to date, the plan, the year before, that month alone, another place', () => {
    const chat = conversation(bundled);
    chat.ask('Kien Giang exports April 2020');
    const turns = [
      ['is that up or down?', /👉 Down 36\.65% on the previous month/],
      ['and the year-to-date figure?', /^Merchandise exports – Kiên Giang, January–April 2020/],
      ['how much of the plan is that?', /👉 26\.3% of the annual plan \(January–April 2020\)/],
      ['what about the year before?', /for January–April 2019 in the store yet/],
      ['and that month alone?', /for April 2019 in the store yet/],
      ['how does that compare with Hai Phong?', /^Comparison: merchandise exports/],
    ] as const;
    for (const [q, expected] of turns) {
      const { query, reply } = chat.ask(q);
      expect(query.english, q).toBe(true);
      expect(reply.text, q).toMatch(expected);
    }
  });
});

describe('rankings asked in more ways', () => {
  const one = (q: string) => conversation(bundled).ask(q);
  it('the highest industrial growth: a ranking of the index by its growth', () => {
    const { query, reply } = one('which province had the highest industrial growth in 2025');
    expect(query).toMatchObject({ intent: 'rank', indicator: 'iip', english: true });
    expect(reply.text).toMatch(
      /^Ranking: index of industrial production \(IIP\), 2025 \(by year-on-year growth\)/,
    );
  });

  it.each([
    ['bottom 3 provinces exports 2025', /^Ranking: merchandise exports, 2025 \(lowest first\)/],
    [
      '3 tỉnh xuất khẩu đứng cuối 2025',
      /^Xếp hạng kim ngạch xuất khẩu hàng hóa, năm 2025 \(từ thấp đến cao\)/,
    ],
  ])('%s: three places, lowest first, and saying so', (q, title) => {
    const { query, reply } = one(q);
    expect(query).toMatchObject({ rankOrder: 'asc', rankLimit: 3 });
    expect(reply.text).toMatch(title);
    expect(reply.text.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(3);
  });
});
