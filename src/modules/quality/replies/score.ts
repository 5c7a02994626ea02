import { normalizeText } from '../../../platform/text/segment.ts';
import { REPLY_ELEMENT_LABELS } from '../../../shared/labels.ts';

/**
 * 答复意见评价 — how well a department's reply answers the citizen's request, judged on three grounds the office
 * reads replies by (国办函〔2025〕66号: 答复要"件件有回应、事事有着落"):
 *
 * - **relevance**: does the reply talk about what was asked? The share of the request's distinctive character
 *   bigrams (weighted by rarity when a corpus is given) that the reply also uses.
 * - **completeness**: does it answer each point raised (sentences that ask or demand something) and say what was
 *   done, by whom and when?
 * - **interpretability**: does it cite the rule or policy it relies on and give a contact or a next step?
 *
 * Pure: text in, scores and the evidence for each out. The office sees the evidence and may override.
 */
export interface ReplyScore {
  /** 0–100, the weighted sum below. */
  overall: number;
  verdict: 'good' | 'fair' | 'poor';
  relevance: number;
  completeness: number;
  interpretability: number;
  evidence: {
    /** Words of the request the reply takes up (the most distinctive first). */
    sharedTerms: string[];
    /** Points the request raised, each with whether the reply takes it up. */
    points: { text: string; answered: boolean }[];
    /** What was done, by whom, when; the rule cited; the contact or next step — the phrase found, or null. */
    elements: Record<ElementKey, string | null>;
  };
  /** Why it lost points, in Chinese, for the office. */
  reasons: string[];
}

export type ElementKey = 'action' | 'actor' | 'time' | 'basis' | 'contact';

export const ELEMENT_LABELS: Record<ElementKey, string> = REPLY_ELEMENT_LABELS;

/** Phrases that show each element. Ordered: the first match is shown as evidence. */
const ELEMENT_PATTERNS: Record<ElementKey, RegExp[]> = {
  action: [
    /(?:已|经|现已|立即|及时|迅速)(?:安排|组织|派|责令|督促|协调|核实|调查|处理|整改|维修|清理|拆除|查处|约谈|答复|落实|修复|更换|疏通|取缔|办理|开展|联系|到现场|上门)[\u4e00-\u9fa5]{0,6}/,
    /(?:经|通过)(?:调查|核实|核查|现场查看|走访|了解)[\u4e00-\u9fa5]{0,6}/,
    /(?:下一步|今后|将)(?:继续|加强|加大|督促|组织|安排|推进|落实|整改)[\u4e00-\u9fa5]{0,6}/,
  ],
  actor: [
    /(?:我|本)(?:局|委|办|中心|单位|街道|社区|公司|院|所|站|队|镇|乡|区)/,
    /[\u4e00-\u9fa5]{1,12}(?:局|委员会|委|办公室|办|中心|街道办事处|街道|社区居委会|社区|乡|镇人民政府|镇|政府|公司|大队|支队|中队|派出所|所|站|医院|学校)(?=[，。、：；\s]|$|已|及时|立即|将|经|对|于|高度)/,
  ],
  time: [
    /\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/,
    /\d{1,2}\s*月\s*\d{1,2}\s*日/,
    /(?:近日|日前|目前|当天|当日|次日|随后|近期|本周|下周|月底|年底|预计|计划于|于\d)/,
    /\d+\s*(?:个)?(?:工作日|日内|天内|小时内)/,
  ],
  basis: [
    /《[^》]{2,40}》/,
    /(?:根据|依据|按照|依照|参照)[\u4e00-\u9fa5\w（）()]{2,20}(?:规定|办法|条例|法|政策|文件|标准|要求|通知|意见)/,
    /第[一二三四五六七八九十百零\d]+条/,
  ],
  contact: [
    /(?:电话|热线|联系方式|咨询电话|联系电话)[：:\s]*[\d\-—\s]{7,}/,
    /\d{3,4}[-—]\d{7,8}/,
    /1[3-9]\d{9}/,
    /(?:可|请|欢迎)(?:到|向|与|拨打|致电|携带|前往|登录|关注|联系)[\u4e00-\u9fa5\w]{1,12}/,
    /(?:如有(?:疑问|问题|需要)|如需)[\u4e00-\u9fa5，]{0,12}/,
  ],
};

const CJK_OR_WORD = /[\p{Script=Han}a-z0-9]/u;

/** Bigrams of polite formulae and hotline words that every message and reply share: no sign of relevance. */
const STOP_BIGRAMS = new Set(
  [
    '您好',
    '你好',
    '感谢',
    '谢谢',
    '反映',
    '问题',
    '留言',
    '市民',
    '网友',
    '同志',
    '收悉',
    '回复',
    '答复',
    '如下',
    '关于',
    '我们',
    '您的',
    '你的',
    '情况',
    '现将',
    '相关',
    '进行',
    '工作',
    '已经',
    '希望',
    '请问',
    '领导',
    '部门',
    '政府',
    '有关',
    '是否',
    '可以',
    '没有',
    '一个',
    '这个',
    '什么',
    '怎么',
    '为什么',
    '平台',
    '栏目',
    '信任',
    '支持',
  ].flatMap((w) => bigramsOf(w)),
);

/** Character bigrams of the Han, latin and digit runs (punctuation breaks a run). */
export function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).split(/[^\p{Script=Han}a-z0-9]+/u)) {
    const chars = [...run].filter((c) => CJK_OR_WORD.test(c));
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Document frequencies over a corpus of texts (past requests and replies), for weighting by rarity. */
export interface TermStats {
  documents: number;
  df: Map<string, number>;
}

export function termStats(texts: Iterable<string>): TermStats {
  const df = new Map<string, number>();
  let documents = 0;
  for (const t of texts) {
    documents++;
    for (const b of new Set(bigramsOf(t))) df.set(b, (df.get(b) ?? 0) + 1);
  }
  return { documents, df };
}

const weightOf = (stats: TermStats | undefined, b: string) =>
  stats ? Math.log(1 + (stats.documents + 1) / ((stats.df.get(b) ?? 0) + 0.5)) : 1;

/** The request's distinctive bigrams the reply also has, weighted; 0–1. */
export function relevanceOf(
  request: string,
  reply: string,
  stats?: TermStats,
): { score: number; shared: string[] } {
  const asked = [...new Set(bigramsOf(request))].filter((b) => !STOP_BIGRAMS.has(b));
  const said = new Set(bigramsOf(reply));
  let total = 0;
  let hit = 0;
  const shared: [string, number][] = [];
  for (const b of asked) {
    const w = weightOf(stats, b);
    total += w;
    if (said.has(b)) {
      hit += w;
      shared.push([b, w]);
    }
  }
  shared.sort((a, b) => b[1] - a[1]);
  return { score: total ? hit / total : 0, shared: shared.map(([b]) => b) };
}

/** Sentences of the request that ask or demand something: the points a complete reply takes up one by one. */
const POINT_MARKERS =
  /[？?]|希望|要求|请求|恳请|建议|能否|能不能|可否|是否|为什么|为何|怎么|如何|何时|什么时候|请(?!问)|尽快|解决|处理|整改/;

const WHEN_QUESTION = /何时|什么时候|多久|多长时间|啥时候|几时/;
const WHY_QUESTION = /为什么|为何|什么原因|怎么回事/;
const CAUSE = /原因|系(?:因|由)|由于|因为|导致|造成/;

export function pointsOf(request: string): string[] {
  return normalizeText(request)
    .split(/(?<=[。！？!?；;\n])/u)
    .map((s) => s.trim())
    .filter((s) => [...s].length >= 6 && POINT_MARKERS.test(s))
    .slice(0, 8);
}

export interface ReplyScoreOptions {
  stats?: TermStats;
  /** Extra elements a category requires, e.g. 城乡建设 → 处理结果: /已(?:修复|完成|整改)/. */
  required?: { label: string; pattern: RegExp }[];
  /** Overall score at or above which a reply is good, and below which it is poor. */
  thresholds?: { good: number; poor: number };
}

export const DEFAULT_THRESHOLDS = { good: 60, poor: 35 };
const RELEVANT_SHARE = 0.2;

/** The reply's score against the request, with its evidence and the reasons it lost points. */
export function scoreReply(request: string, reply: string, o: ReplyScoreOptions = {}): ReplyScore {
  const rel = relevanceOf(request, reply, o.stats);
  // A reply that takes up a fifth of what the request says (weighted) is fully on topic: replies are much shorter
  // than the complaint and use the office's words for the same things (measured on the kb-dev pairs).
  const relevance = Math.min(1, rel.score / RELEVANT_SHARE);
  const said = new Set(bigramsOf(reply));
  const elements = Object.fromEntries(
    (Object.keys(ELEMENT_PATTERNS) as ElementKey[]).map((k) => {
      const m = ELEMENT_PATTERNS[k].map((p) => reply.match(p)).find((x) => x);
      return [k, m ? m[0].trim().slice(0, 40) : null];
    }),
  ) as Record<ElementKey, string | null>;
  const points = pointsOf(request).map((text) => {
    const bs = [...new Set(bigramsOf(text))].filter((b) => !STOP_BIGRAMS.has(b));
    const covered = bs.filter((b) => said.has(b)).length;
    // "When…?" is answered by a date or a time limit, "why…?" by a cause, whatever words they use.
    const byKind =
      (WHEN_QUESTION.test(text) && elements.time !== null) || (WHY_QUESTION.test(text) && CAUSE.test(reply));
    return {
      text: [...text].slice(0, 60).join(''),
      answered: byKind || covered >= 2 || (bs.length > 0 && covered / bs.length >= 0.2),
    };
  });
  const required = (o.required ?? []).map((r) => ({ label: r.label, found: r.pattern.test(reply) }));
  const pointShare = points.length ? points.filter((p) => p.answered).length / points.length : relevance;
  const doneShare = (['action', 'actor', 'time'] as const).filter((k) => elements[k]).length / 3;
  const requiredShare = required.length ? required.filter((r) => r.found).length / required.length : 1;
  const completeness = 0.5 * pointShare + 0.5 * doneShare * requiredShare;
  const interpretability = (elements.basis ? 0.5 : 0) + (elements.contact ? 0.5 : 0);
  const overall = Math.round(100 * (0.45 * relevance + 0.35 * completeness + 0.2 * interpretability));
  const t = o.thresholds ?? DEFAULT_THRESHOLDS;
  const reasons: string[] = [];
  if (relevance < 0.5) reasons.push('答复与诉求内容关联度低，未针对所反映的问题');
  const missed = points.filter((p) => !p.answered);
  if (missed.length) reasons.push(`未回应诉求要点：${missed.map((p) => `“${p.text}”`).join('；')}`);
  for (const k of ['action', 'actor', 'time'] as const)
    if (!elements[k]) reasons.push(`未说明${ELEMENT_LABELS[k]}`);
  for (const r of required) if (!r.found) reasons.push(`未说明${r.label}`);
  if (!elements.basis) reasons.push('未引用政策或规定依据');
  if (!elements.contact) reasons.push('未告知联系方式或后续途径');
  return {
    overall,
    verdict: overall >= t.good ? 'good' : overall < t.poor ? 'poor' : 'fair',
    relevance: round(relevance),
    completeness: round(completeness),
    interpretability: round(interpretability),
    evidence: { sharedTerms: rel.shared.slice(0, 12), points, elements },
    reasons,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
