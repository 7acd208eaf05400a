/** Help, "chưa hiểu" and "Ý bạn là" replies, with example questions built from the data. */
import type { FactIndex } from '../store/fact-store.js';
import type { Query } from '../understand/query.js';
import { lexicon } from '../understand/lexicon.js';
import { bold, escapeHtml, indicatorName, periodText, placeName, indicatorNoun } from './format.js';
import { type NextStep, type Reply, reply } from './reply.js';
import { msg } from '../messages.js';

/** Example questions that the store can answer, varied across places and indicators. */
export function exampleQuestions(idx: FactIndex, count = 3): NextStep[] {
  return idx.memo(`examples:${count}`, () => findExamples(idx, count));
}

function findExamples(idx: FactIndex, count: number): NextStep[] {
  const out: NextStep[] = [];
  const seenPlaces = new Set<string>();
  const seenInd = new Set<string>();
  const facts = [...idx.facts].filter(
    (f) =>
      f.kind === 'actual' &&
      f.place !== 'ca-nuoc' &&
      !lexicon().indicators.get(f.indicator)?.parent,
  );
  for (const f of facts) {
    if (out.length >= count) break;
    if (seenPlaces.has(f.place) || seenInd.has(f.indicator)) continue;
    seenPlaces.add(f.place);
    seenInd.add(f.indicator);
    const short = lexicon().indicators.get(f.indicator)!.short;
    const q = `${short} ${placeName(f.place)} ${periodText(f.period)}`;
    out.push({ label: q, question: q });
  }
  const places = idx.allPlaces().filter((p) => p !== 'ca-nuoc');
  const shared = ['retail', 'export', 'iip'].find(
    (i) => idx.placesWith(i).filter((p) => p !== 'ca-nuoc').length >= 2,
  );
  if (shared && places.length >= 2) {
    const [a, b] = idx.placesWith(shared).filter((p) => p !== 'ca-nuoc');
    const q = `so sánh ${lexicon().indicators.get(shared)!.short} ${placeName(a!)} và ${placeName(b!)}`;
    out.push({ label: q, question: q });
  }
  return out.slice(0, Math.max(count, 1));
}

export function helpReply(idx: FactIndex): Reply {
  return idx.memo('help', () => composeHelp(idx));
}

function composeHelp(idx: FactIndex): Reply {
  const examples = exampleQuestions(idx, 4);
  const places = idx
    .allPlaces()
    .filter((p) => p !== 'ca-nuoc')
    .map(placeName);
  const trendPlace = idx.allPlaces().find((p) => p !== 'ca-nuoc');
  return reply(
    [
      bold('Số Liệu – tra cứu số liệu công thương các tỉnh, thành'),
      msg('help_how'),
      ...examples.map((e) => `• ${escapeHtml(e.question)}`),
      trendPlace ? `• ${escapeHtml(`xu hướng bán lẻ ${placeName(trendPlace)}`)}` : null,
      '• tỉnh nào xuất khẩu nhiều nhất',
      '• đăng ký nhận tin xuất khẩu hàng tháng',
      msg('help_periods'),
      `Chỉ tiêu: ${escapeHtml(['iip', 'industrial_output', 'retail', 'export', 'import', 'trade_total'].map((i) => indicatorName(i).replace(/ \(.*\)$/, '')).join('; '))}.`,
      `Đang có số liệu của: ${escapeHtml(places.join(', '))}.`,
    ],
    { nextSteps: examples.slice(0, 3) },
  );
}

export function unknownReply(q: Query, idx: FactIndex): Reply {
  const examples = exampleQuestions(idx, 3).slice(0, 3);
  return reply(
    [
      q.offTopic ? msg('off_topic') : 'Xin lỗi, mình chưa hiểu câu hỏi.',
      'Bạn có thể thử:',
      ...examples.map((e) => `• ${escapeHtml(e.question)}`),
      'Gõ “hướng dẫn” để xem cách hỏi.',
    ],
    { nextSteps: examples },
  );
}

export function didYouMeanReply(q: Query): Reply {
  const ind = q.indicator ? lexicon().indicators.get(q.indicator)!.short : '';
  const rest = q.period ? ` ${periodText(q.period)}` : '';
  const options = q.ambiguousPlaces
    .slice(0, 4)
    .map((p) => ({ label: placeName(p), question: `${ind} ${placeName(p)}${rest}`.trim() }));
  return reply(
    [
      `Ý bạn là: ${escapeHtml(options.map((o) => o.label).join(' hay '))}?`,
      'Chọn một nơi hoặc gõ lại tên tỉnh, thành cho rõ.',
    ],
    { didYouMean: options },
  );
}

export function subscribeReply(q: Query, idx: FactIndex): Reply {
  const place = q.places[0];
  const what = q.indicator ? indicatorNoun(q.indicator) : 'các chỉ tiêu chính';
  if (q.unsubscribe)
    return reply([
      `Hủy nhận bản tin${place ? ` của ${escapeHtml(placeName(place))}` : ''}. Trong Telegram, gõ /huy để chọn bản tin muốn dừng.`,
    ]);
  if (!place) {
    return reply([
      `Bạn muốn nhận bản tin hàng tháng về ${escapeHtml(what)} của tỉnh, thành phố nào?`,
      `Ví dụ: “đăng ký nhận tin xuất khẩu ${escapeHtml(placeName(idx.allPlaces()[0] ?? 'kien-giang'))}”, hoặc gõ /dangky để chọn từ danh sách.`,
    ]);
  }
  return reply([
    bold(`Đăng ký bản tin hàng tháng: ${what} – ${placeName(place)}`),
    msg('subscribe_what'),
    'Trong Telegram, câu này đăng ký luôn; /dangkycuatoi để xem, /huy để dừng nhận.',
  ]);
}

const SMALL_TALK: Record<'thanks' | 'greeting' | 'emoji', string> = {
  thanks: 'Không có gì! Cần số liệu nào nữa, bạn cứ hỏi nhé.',
  greeting:
    'Chào bạn! Mình tra cứu số liệu công nghiệp, thương mại của các tỉnh, thành và cả nước.',
  emoji: '🙂 Bạn muốn xem số liệu nào? Ví dụ:',
};

/** Thanks, a greeting, an emoji: a short fitting reply and a few examples. */
export function smallTalkReply(q: Query, idx: FactIndex): Reply {
  const examples = q.smallTalk === 'thanks' ? [] : exampleQuestions(idx, 2);
  return reply(
    [
      escapeHtml(SMALL_TALK[q.smallTalk ?? 'greeting']),
      ...examples.map((e) => `• ${escapeHtml(e.question)}`),
    ],
    { nextSteps: examples },
  );
}

/** "Kiên Giang bây giờ thuộc tỉnh nào?": the 1 July 2025 merger for that place. */
export function belongsToReply(q: Query, idx: FactIndex): Reply {
  const cat = idx.catalogue;
  const lines = q.places.map((id) => {
    const p = cat.place(id);
    if (!p || cat.isNational(id))
      return escapeHtml(`${placeName(id)}: không phải một tỉnh, thành.`);
    if (p.mergedInto) {
      const partners = cat
        .absorbedBy(p.mergedInto)
        .filter((x) => x.id !== id)
        .map((x) => x.name);
      const withOthers = partners.length ? ` (cùng ${partners.join(', ')})` : '';
      return escapeHtml(
        `Từ ${cat.mergerLabel}, ${p.name} đã hợp nhất vào ${placeName(p.mergedInto)} (mới)${withOthers}. Số liệu từ tháng 7/2025 là của ${placeName(p.mergedInto)}; số liệu trước đó vẫn là của ${p.name}.`,
      );
    }
    const parts = cat.absorbedBy(id).map((x) => x.name);
    return escapeHtml(
      parts.length
        ? `Từ ${cat.mergerLabel}, ${p.name} (mới) gồm ${p.name} và ${parts.join(', ')} cũ.`
        : `${p.name} không sáp nhập với tỉnh nào: từ ${cat.mergerLabel} vẫn là ${p.name}.`,
    );
  });
  return reply(lines);
}
