/**
 * A small synthetic hotline corpus for the triage tests: each category has its own vocabulary,
 * every message also carries greetings and places shared by all, some messages have no body (as
 * title-only web submissions do) and some borrow a word from another category. Deterministic.
 */
import type { LabelledDoc } from './model.ts';
import { createRandom } from './random.ts';

const TOPICS: Record<string, string[]> = {
  交通运输: ['公交车', '红绿灯', '道路拥堵', '出租车拒载', '公交站台', '客运班车', '停车收费', '驾校'],
  教育文体: ['学校', '老师', '学位', '幼儿园', '招生', '课外辅导', '体育馆', '图书馆'],
  环境保护: ['噪音', '油烟', '污水', '垃圾焚烧', '粉尘', '排污', '臭味', '河道污染'],
  劳动和社会保障: ['拖欠工资', '社保', '养老保险', '劳动合同', '失业金', '医保报销', '工伤', '退休金'],
};

const SHARED = [
  '您好',
  '请问',
  '领导',
  '小区',
  '附近',
  '问题',
  '希望',
  '尽快',
  '解决',
  '反映',
  '多次',
  '居民',
];
const PLACES = ['源汇区', '郾城区', '召陵区', '舞阳县', '临颍县', '湖滨区', '陕州区', '灵宝市'];

export const SYNTHETIC_LABELS = Object.keys(TOPICS).sort();

export function generateSyntheticDocs(perLabel: number, seed = 7): LabelledDoc[] {
  const random = createRandom(seed);
  const labels = Object.keys(TOPICS);
  const docs: LabelledDoc[] = [];
  for (let i = 0; i < perLabel; i++) {
    for (const label of labels) {
      const own = TOPICS[label]!;
      const other = TOPICS[random.pick(labels)]!;
      const title = `${random.pick(PLACES)}${random.pick(own)}${random.pick(SHARED)}`;
      const words: string[] = [];
      const length = 6 + Math.floor(random.next() * 10);
      for (let w = 0; w < length; w++) {
        const roll = random.next();
        words.push(roll < 0.35 ? random.pick(own) : roll < 0.42 ? random.pick(other) : random.pick(SHARED));
      }
      const content = random.next() < 0.2 ? '' : `${words.join('，')}。`;
      docs.push({ title, content, label });
    }
  }
  return docs;
}
