/**
 * `npm run bench`: understand + answer in process over >= 10,000 varied questions, one
 * core. Prints questions/s and p50/p99 latency. Target: p99 <= 1 ms, >= 10,000 q/s.
 */
import { answer } from '../src/answer/answer.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { FactStore } from '../src/store/fact-store.js';
import { understand } from '../src/understand/understand.js';

const store = await FactStore.open(BUNDLED_FACTS);
const places = [
  'Kiên Giang',
  'kien giang',
  'KG',
  'Hải Phòng',
  'hai phong',
  'HP',
  'Lạng Sơn',
  'lang son',
  'Kon Tum',
  'Bạc Liêu',
  'An Giang',
  'TP.HCM',
  'Bình Dương',
  'kiêng giang',
  'binh duon',
  'quang nin',
  'cả nước',
];
const inds = [
  'xuất khẩu',
  'xuat khau',
  'XK',
  'nhập khẩu',
  'NK',
  'bán lẻ',
  'TMBL',
  'IIP',
  'chỉ số sản xuất công nghiệp',
  'GTSXCN',
  'XNK',
  'tổng mức bán lẻ hàng hóa và doanh thu dịch vụ',
];
const periods = [
  'tháng 4',
  'T4/2020',
  '4T/2020',
  'lũy kế 4 tháng',
  '6 tháng đầu năm 2020',
  'năm 2020',
  'quý I',
  'tháng trước',
  'năm ngoái',
  '',
  'tính đến tháng 4',
  'tháng tư năm 2020',
];
const shapes = [
  (p: string, i: string, t: string) => `${i} ${p} ${t}`,
  (p: string, i: string, t: string) => `${p} ${i} ${t} đạt bao nhiêu`,
  (p: string, i: string, t: string) => `so sánh ${i} ${p} và Lạng Sơn ${t}`,
  (_p: string, i: string, t: string) => `tỉnh nào ${i} cao nhất ${t}`,
  (p: string, i: string) => `biểu đồ ${i} ${p}`,
  () => 'hướng dẫn',
  () => 'giá vàng hôm nay',
];
const questions: string[] = [];
let k = 0;
while (questions.length < 12_000) {
  const p = places[k % places.length]!,
    i = inds[(k * 7) % inds.length]!,
    t = periods[(k * 5) % periods.length]!;
  questions.push(shapes[k % shapes.length]!(p, i, t) + (k % 3 === 0 ? '' : ` #${k}`));
  k++;
}
const today = { year: 2026, month: 11 };
for (const q of questions.slice(0, 2000)) answer(understand(q, null, today), store.index); // warm-up
const times = new Float64Array(questions.length);
const t0 = performance.now();
questions.forEach((q, n) => {
  const s = performance.now();
  answer(understand(q, null, today), store.index);
  times[n] = performance.now() - s;
});
const total = performance.now() - t0;
times.sort();
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
console.log(`questions: ${questions.length} (${new Set(questions).size} distinct)`);
console.log(`throughput: ${Math.round(questions.length / (total / 1000))} questions/s`);
console.log(
  `latency: p50 ${pct(0.5).toFixed(3)} ms, p99 ${pct(0.99).toFixed(3)} ms, max ${times[times.length - 1]!.toFixed(3)} ms`,
);
