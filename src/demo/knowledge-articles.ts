/**
 * Knowledge articles for the demo city and the search benchmark: every category of the demo catalogue, in the
 * kinds a city's knowledge base holds (办事指南, 热点问答, 政策文件 …), written from policy sentences and the
 * demo request templates. Deterministic per seed; no network.
 */
import {
  DEMO_CATEGORIES,
  DEMO_COMMUNITIES,
  DEMO_COMPANIES,
  DEMO_DEPARTMENTS,
  DEMO_DISTRICTS,
  DEMO_REQUEST_TEMPLATES,
  demoCategoryLeaves,
} from './city-data.ts';
import type { ArticleFields } from '../modules/knowledge/index.ts';
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

/**
 * The laws and regulations an article of a top-level category cites, so a 路灯 article never quotes the
 * housing fund regulation. Real titles of national laws and State Council regulations.
 */
const LAWS_BY_TOP: Record<string, string[]> = {
  CXJS: ['物业管理条例', '中华人民共和国城乡规划法', '中华人民共和国建筑法', '城市房地产开发经营管理条例'],
  CSGL: ['城市市容和环境卫生管理条例', '城市道路管理条例', '城镇排水与污水处理条例', '城市绿化条例'],
  LDSB: ['中华人民共和国劳动合同法', '中华人民共和国社会保险法', '保障农民工工资支付条例', '工伤保险条例'],
  YLWS: ['中华人民共和国基本医疗卫生与健康促进法', '医疗保障基金使用监督管理条例', '医疗纠纷预防和处理条例'],
  JY: ['中华人民共和国义务教育法', '中华人民共和国教育法', '中华人民共和国未成年人保护法'],
  JTYS: ['中华人民共和国道路运输条例', '中华人民共和国道路交通安全法', '中华人民共和国公路法'],
  HJBH: ['中华人民共和国环境保护法', '中华人民共和国大气污染防治法', '中华人民共和国噪声污染防治法'],
  SCJG: ['中华人民共和国消费者权益保护法', '中华人民共和国食品安全法', '中华人民共和国价格法'],
  GYSY: ['城市供水条例', '电力供应与使用条例', '城镇燃气管理条例', '中华人民共和国电信条例'],
  GA: ['中华人民共和国户口登记条例', '中华人民共和国道路交通安全法', '中华人民共和国治安管理处罚法'],
  MZ: ['社会救助暂行办法', '婚姻登记条例', '最低生活保障审核确认办法', '殡葬管理条例'],
  ZRZY: ['中华人民共和国土地管理法', '不动产登记暂行条例', '中华人民共和国城乡规划法'],
  NYNC: ['中华人民共和国农村土地承包法', '中华人民共和国畜牧法', '农药管理条例'],
  SL: ['中华人民共和国水法', '中华人民共和国防洪法', '中华人民共和国河道管理条例'],
  SW: ['报废机动车回收管理办法', '零售商促销行为管理办法'],
  WL: ['中华人民共和国旅游法', '中华人民共和国文物保护法', '全民健身条例'],
  YJ: ['中华人民共和国安全生产法', '中华人民共和国消防法', '危险化学品安全管理条例'],
  SS: ['中华人民共和国税收征收管理法', '中华人民共和国发票管理办法', '中华人民共和国个人所得税法'],
  ZFGJJ: ['住房公积金管理条例'],
  TYJR: ['中华人民共和国退役军人保障法', '军人抚恤优待条例'],
  CJR: ['中华人民共和国残疾人保障法', '中华人民共和国无障碍环境建设法'],
  JJFZ: ['优化营商环境条例', '中华人民共和国中小企业促进法'],
  ZHFW: ['信访工作条例', '中华人民共和国法律援助法', '人民调解法'],
};
const FALLBACK_LAWS = ['12345政务服务便民热线管理办法'];

/**
 * Sentences of an article. Within one article every placeholder means the same thing: the category's own
 * department ({dept}), one district ({district}, {street}), one of the category's laws ({law}).
 */
const POLICY_SENTENCES = [
  '根据《{law}》第{n}条规定，{dept}负责本行政区域内{topic}的监督管理工作。',
  '办理地点：{district}政务服务中心{n}号窗口，工作日上午9:00至12:00，下午13:30至17:00。',
  '办理时限：材料齐全、符合法定形式的，{n}个工作日内办结。',
  '市民反映{topic}问题的，话务员应告知处理渠道，并按派单目录转{dept}办理。',
  '{topic}事项的受理范围、办理程序和答复时限，以{dept}对外公布的为准。',
  '申请人需提交居民身份证、户口簿及相关证明材料原件和复印件。',
  '对不符合受理条件的，应当一次性告知申请人需要补正的全部内容。',
  '{district}{street}设有便民服务站，可就近咨询{topic}事项。',
  '逾期未处理的，市民可再次拨打12345热线反映，热线办将督办{dept}。',
];

/** What one article's placeholders stand for: the same department, district and law throughout. */
export interface TemplateContext {
  district?: (typeof DEMO_DISTRICTS)[number];
  dept?: string;
  law?: string;
}

/** Fills a template's {district}, {topic}, {dept} … placeholders; `ctx` fixes them for a whole article. */
export function fillTemplate(text: string, rnd: Random, topic: string, ctx: TemplateContext = {}): string {
  const district = ctx.district ?? rnd.pick(DEMO_DISTRICTS);
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
        return ctx.law ?? rnd.pick(FALLBACK_LAWS);
      case 'dept':
        return ctx.dept ?? rnd.pick(DEMO_DEPARTMENTS).shortName;
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

const DEPARTMENTS = new Map(DEMO_DEPARTMENTS.map((d) => [d.code, d]));

/** The department that answers for a leaf of the catalogue (its own, else its top level's). */
export function leafDepartment(leaf: (typeof LEAVES)[number]) {
  const top = DEMO_CATEGORIES.find((c) => c.name === leaf.path[0]);
  const code = leaf.category.departmentCode ?? top?.departmentCode;
  return (code && DEPARTMENTS.get(code)) || DEMO_DEPARTMENTS[0]!;
}

/**
 * Articles of every category, kind and district; about 10 % expired, 5 % not yet in effect, 5 % drafts.
 * Coherent like a real city's: the issuer is the department the dispatch catalogue gives the category, the
 * text names that department, cites a law of the category's field, and speaks of the district in the title.
 */
export function generateArticles(n: number, seed = 7): ArticleFields[] {
  const rnd = createRandom(seed);
  const titles = new Set<string>();
  return Array.from({ length: n }, (_, i) => {
    const leaf = LEAVES[i % LEAVES.length]!;
    const topic = leaf.category.name;
    const kind = rnd.pick(KINDS);
    const dept = leafDepartment(leaf);
    const topCode = DEMO_CATEGORIES.find((c) => c.name === leaf.path[0])?.code ?? '';
    const ctx: TemplateContext = {
      district: rnd.pick(DEMO_DISTRICTS),
      dept: dept.shortName,
      law: rnd.pick(LAWS_BY_TOP[topCode] ?? FALLBACK_LAWS),
    };
    let title = `${ctx.district!.name}${topic}${rnd.pick(TITLE_FORMS[kind]!)}`;
    if (titles.has(title)) title = `${title}（${rnd.int(2019, 2026)}年版）`;
    for (let k = 2; titles.has(title); k++) title = `${title.replace(/（第\d+号）$/u, '')}（第${k}号）`;
    titles.add(title);
    const templates = DEMO_REQUEST_TEMPLATES[leaf.category.code] ?? [];
    const sentences = Array.from({ length: rnd.int(3, 6) }, () =>
      fillTemplate(rnd.pick(POLICY_SENTENCES), rnd, topic, ctx),
    );
    const example = templates.length
      ? `典型诉求：${fillTemplate(rnd.pick(templates).content, rnd, topic, ctx)}\n`
      : '';
    const roll = rnd.next();
    return {
      categoryPath: leaf.path,
      title,
      content: `${example}${[...new Set(sentences)].join('\n')}`,
      issuer: dept.name,
      kind,
      keywords: [topic, kind, dept.shortName],
      effectiveFrom: roll < 0.05 ? '2026-06-01' : '2024-01-01',
      expiresOn: roll > 0.9 ? '2025-12-31' : null,
      status: roll > 0.05 && roll < 0.1 ? 'draft' : 'published',
    };
  });
}
