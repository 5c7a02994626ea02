/** Shared material for the knowledge tests (not a test file itself). */
import type { TestContext } from '../../testing/test-app.ts';

/** The three articles of the interface check, in the exchange columns. */
export const SAMPLE_CSV = `类目,标题,内容,发文单位,材料性质,关键字
社会保障/医疗保险,城乡居民医保缴费标准,2026年度城乡居民基本医疗保险个人缴费标准为每人每年400元，缴费时间为每年9月至12月。,市医疗保障局,办事指南,医保;缴费
城乡建设/物业管理,物业服务投诉受理渠道,业主对物业服务不满意的，可向所在街道办事处或住建部门反映。,市住房和城乡建设局,热点问答,物业;投诉
交通运输/公交,公交卡办理,市民可持身份证到公交集团营业厅办理公交卡，老年人凭证免费乘车。,市交通运输局,办事指南,公交卡
`;

/** Users of every role the tests act as. */
export async function addKbUsers(t: TestContext): Promise<void> {
  await t.addUser('editor', 'kb_editor');
  await t.addUser('office', 'office');
  await t.addUser('agent', 'agent');
  await t.addUser('lead', 'team_lead');
}

/** Bytes of `text` in GBK, as Excel on Chinese Windows saves a CSV (Node can decode GBK but not encode it). */
export function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
