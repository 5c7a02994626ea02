/**
 * How a person reads a figure on a statement (页面、打印、XLSX): targets as "≥ 96%", values as percentages with
 * numerator/denominator beside them, 0/0 as 无数据 (never 达标), clauses as 第十一条. Pure; JSON keys stay English.
 */
const DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals (十一, 二十, 十九). */
export function numberZh(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** "art. 11 #1" → "第十一条第1项"; "art. 8.3(3)" → "第八条第3款第(3)项"; "art. 2.2: text" keeps the text. */
export function clauseZh(clause: string): string {
  // "art. 6.5, 7.2" → "art. 6.5、art. 7.2", so each number of a list reads as its own article.
  let listed = clause;
  for (let prev = ''; prev !== listed;) {
    prev = listed;
    listed = listed.replace(/(arts?\. \d+(?:\.\d+)?(?:\(\d+\))?(?: #\d+)?), (\d+(?:\.\d+)?)/, '$1、art. $2');
  }
  return listed.replace(
    /(?:Luohe |Sanmenxia )?arts?\. (\d+)(?:\.(\d+))?(?:\((\d+)\))?(?: #(\d+))?/g,
    (_m, a: string, b?: string, c?: string, d?: string) =>
      `第${numberZh(Number(a))}条${b ? `第${b}款` : ''}${c ? `第(${c})项` : ''}${d ? `第${d}项` : ''}`,
  );
}

const trim = (x: number, digits: number) => String(Number(x.toFixed(digits)));

/** A ratio as a percentage: 0.9607 → "96.07%", 0.0001 → "0.01%". */
export function percentZh(v: number): string {
  const p = v * 100;
  return `${trim(p, Math.abs(p) < 0.1 && p !== 0 ? 4 : 2)}%`;
}

/** Whether an indicator counts events (严重舆论事件) rather than a ratio. */
export const isCount = (measure: string) => measure === 'quality.seriousIncidents';

export function targetZh(comparator: '>=' | '<=', target: number, measure = ''): string {
  return `${comparator === '>=' ? '≥' : '≤'} ${isCount(measure) ? `${target} 次` : percentZh(target)}`;
}

/** "96.07%（2,345/2,441）", "1 次", or 无数据 when there is nothing to measure. */
export function valueZh(
  f: { numerator: number; denominator: number; value: number | null },
  measure = '',
): string {
  if (isCount(measure)) return `${f.numerator} 次`;
  if (f.value == null || f.denominator === 0) return '无数据';
  return `${percentZh(f.value)}（${f.numerator.toLocaleString('en-US')}/${f.denominator.toLocaleString('en-US')}）`;
}

/** 达标 / 未达标 / 无数据 — a figure with nothing to measure is not a pass. */
export function statusZh(
  f: { met: boolean; value: number | null; denominator: number },
  measure = '',
): string {
  if (!isCount(measure) && (f.value == null || f.denominator === 0)) return '无数据';
  return f.met ? '达标' : '未达标';
}

/** ¥ with thousands and two decimals: 131131585 → "¥1,311,315.85". */
export const yuanZh = (fen: number) =>
  `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export const PERIOD_ZH: Record<string, string> = {
  month: '月度',
  quarter: '季度',
  year: '年度',
  term: '服务期',
};

export const STATUS_ZH: Record<string, string> = {
  provisional: '暂估（季度未结束）',
  due: '待付款',
  invoiced: '已收发票，待付款',
  paid: '已付款',
  withheld: '暂停支付（未按期移交数据，第八条第5款）',
};

export const DEDUCTION_KIND_ZH: Record<string, string> = {
  missed_indicator: '指标未达标',
  serious_incident: '严重舆论事件',
  headcount: '人员缺员',
  carried_in: '上期结转扣减',
  third_party_cost: '第三方服务费用',
  subcontracting_penalty: '转包违约金',
};

/** The rounding rule as the statement prints it. */
export const ROUNDING_ZH =
  '各期付款额：合同总额按约定比例计算后舍去分以下金额，余下的分按尾数由大到小逐一补足（尾数相同的补前一期），各期之和等于合同总额。扣减额：合同总额 × 扣减基点 ÷ 10000，四舍五入到分。';
