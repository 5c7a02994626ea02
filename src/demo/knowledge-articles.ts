/**
 * Knowledge articles for the demo city and the search benchmark: every category of the demo catalogue, in the
 * kinds a city's knowledge base holds (办事指南, 热点问答, 政策文件 …), written from policy sentences and the
 * demo request templates. Deterministic per seed; no network.
 */
import {
  DEMO_COMMUNITIES,
  DEMO_COMPANIES,
  DEMO_DEPARTMENTS,
  DEMO_DISTRICTS,
  DEMO_REQUEST_TEMPLATES,
  demoCategoryLeaves,
} from './city-data.ts';
import type { ArticleFields } from '../modules/knowledge/articles-service.ts';
import { createRandom, type Random } from '../platform/random.ts';

const LEAVES = demoCategoryLeaves();

const TITLE_FORMS: Record<string, string[]> = {
  办事指南: ['办理指南', '办理流程', '所需材料', '办理地点和时限'],
  热点问答: ['热点问答', '答复口径', '群众关心的问题解答'],
  政策文件: ['政策解读', '实施细则', '补贴标准'],
  法律法规: ['相关法律规定', '法规条款摘编'],
  通知公告: ['工作通知', '调整公告'],
  常见问题: ['常见问题', '投诉处理指引'],
};
const KINDS = Object.keys(TITLE_FORMS);
const LAWS = [
  '物业管理条例',
  '城市市容和环境卫生管理条例',
  '中华人民共和国社会保险法',
  '中华人民共和国劳动合同法',
  '保障农民工工资支付条例',
  '中华人民共和国噪声污染防治法',
  '中华人民共和国消费者权益保护法',
  '中华人民共和国道路交通安全法',
  '最低生活保障审核确认办法',
  '住房公积金管理条例',
  '城乡居民基本医疗保险实施办法',
];
const POLICY_SENTENCES = [
  '根据《{law}》第{n}条规定，{dept}负责本行政区域内{topic}的监督管理工作。',
  '办理地点：{district}政务服务中心{n}号窗口，工作日上午9:00至12:00，下午13:30至17:00。',
  '办理时限：材料齐全、符合法定形式的，{n}个工作日内办结。',
  '市民反映{topic}问题的，话务员应告知处理渠道，并按派单目录转{dept}办理。',
  '{year}年起，{topic}相关标准调整为每人每年{money}元，由{dept}负责解释。',
  '申请人需提交居民身份证、户口簿及相关证明材料原件和复印件。',
  '对不符合受理条件的，应当一次性告知申请人需要补正的全部内容。',
  '{district}{street}设有便民服务站，可就近咨询{topic}事项。',
  '涉及{company}等企业的，由行业主管部门督促整改并限期答复。',
  '逾期未处理的，市民可再次拨打12345热线反映，热线办将督办。',
];
/** Fills a template's {district}, {topic}, {dept} … placeholders. */
export function fillTemplate(text: string, rnd: Random, topic: string): string {
  const district = rnd.pick(DEMO_DISTRICTS);
  return text.replace(/\{(\w+)\}/gu, (_, key: string) => {
    switch (key) {
      case 'district':
        return district.name;
      case 'street':
        return rnd.pick(district.streets);
      case 'road':
        return rnd.pick(district.roads);
      case 'community':
        return rnd.pick(DEMO_COMMUNITIES);
      case 'company':
        return rnd.pick(DEMO_COMPANIES);
      case 'law':
        return rnd.pick(LAWS);
      case 'dept':
        return rnd.pick(DEMO_DEPARTMENTS).shortName;
      case 'topic':
        return topic;
      case 'year':
        return String(rnd.int(2019, 2026));
      case 'money':
        return String(rnd.int(20, 80) * 10);
      default:
        return String(rnd.int(1, 20));
    }
  });
}

/** Articles of every category, kind and district; about 10 % expired, 5 % not yet in effect, 5 % drafts. */
export function generateArticles(n: number, seed = 7): ArticleFields[] {
  const rnd = createRandom(seed);
  const titles = new Set<string>();
  return Array.from({ length: n }, (_, i) => {
    const leaf = LEAVES[i % LEAVES.length]!;
    const topic = leaf.category.name;
    const kind = rnd.pick(KINDS);
    let title = `${rnd.pick(DEMO_DISTRICTS).name}${topic}${rnd.pick(TITLE_FORMS[kind]!)}`;
    if (titles.has(title)) title = `${title}（${rnd.int(2019, 2026)}年版）`;
    for (let k = 2; titles.has(title); k++) title = `${title.replace(/（第\d+号）$/u, '')}（第${k}号）`;
    titles.add(title);
    const templates = DEMO_REQUEST_TEMPLATES[leaf.category.code] ?? [];
    const sentences = Array.from({ length: rnd.int(3, 6) }, () =>
      fillTemplate(rnd.pick(POLICY_SENTENCES), rnd, topic),
    );
    const example = templates.length
      ? `典型诉求：${fillTemplate(rnd.pick(templates).content, rnd, topic)}\n`
      : '';
    const roll = rnd.next();
    return {
      categoryPath: leaf.path,
      title,
      content: `${example}${sentences.join('\n')}`,
      issuer: rnd.pick(DEMO_DEPARTMENTS).name,
      kind,
      keywords: [topic, kind],
      effectiveFrom: roll < 0.05 ? '2026-06-01' : '2024-01-01',
      expiresOn: roll > 0.9 ? '2025-12-31' : null,
      status: roll > 0.05 && roll < 0.1 ? 'draft' : 'published',
    };
  });
}
