import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { createArticle } from './articles-service.ts';
import { CreateArticleInput } from './model.ts';
import { searchArticles } from './search.ts';

// The cosine's effect on ranking is tested on the pure index (bm25.test.ts); here, that search uses it, and
// that the blended score stays on BM25's scale. A whole message, a short reply and a long one.
const MESSAGE =
  '请问农村医疗保险每人每年缴费多少？家里老人六十岁以上还要交吗？另外村里道路坑洼，路灯不亮，垃圾堆放，老人出行不便，垃圾清运不及时。';
const SHORT = '农村医疗保险每人每年缴费标准已转医保局核查。';
const LONG =
  '关于村里道路、路灯和垃圾清运的问题：道路坑洼已列入计划，路灯不亮已安排维修，垃圾堆放已清运，' +
  '老人出行不便的路段将设置扶手，村里将定期巡查道路和路灯，垃圾清运每周两次。' +
  '此外，村级财务公开、村民议事会、集体经济合作社分红、宅基地审批、危房改造补助、农村电网升级、饮水安全工程、' +
  '小学撤并、卫生室建设、文化广场维护等事项，镇政府已逐项研究，分别交由相关站所办理，结果在村务公开栏张贴。' +
  '秋收期间秸秆禁烧、防汛抗旱物资储备、森林防火巡护、农机补贴申报、土地流转合同备案也已部署到位。';

describe('first stage: the tf-idf cosine beside BM25', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('2026-03-03T10:00:00+08:00');
    const articles: [string, string][] = [
      ['短答复', SHORT],
      ['长答复', LONG],
      ['其他1', '公交线路调整方案已公布，请留意公交站牌。'],
      ['其他2', '小区物业服务投诉可向街道办事处反映。'],
      ['其他3', '公积金提取需携带身份证和购房合同。'],
      ['其他4', '学校招生范围以教育局公告为准。'],
    ];
    for (const [title, content] of articles)
      await t.db.orm.transaction((tx) =>
        createArticle(
          tx,
          SYSTEM_ACTOR,
          CreateArticleInput.parse({ title, content, status: 'published' }),
          t.clock.now(),
        ),
      );
  });
  afterAll(() => t.close());

  it('is on by default, and moves the scores', async () => {
    const run = async (o: { cosine?: boolean }) =>
      (await searchArticles(t.db.orm, MESSAGE, { secondStage: false, ...o }, t.clock.now())).results.map(
        (r) => [r.title, r.score],
      );
    expect(await run({})).toEqual(await run({ cosine: true }));
    expect(await run({})).not.toEqual(await run({ cosine: false }));
    // Both replies that share words with the message come first either way; the rest share none.
    for (const cosine of [true, false])
      expect(
        (await run({ cosine }))
          .slice(0, 2)
          .map(([title]) => title)
          .sort(),
      ).toEqual(['短答复', '长答复']);
  });

  it('keeps the score on BM25’s scale (about the best BM25 for a perfect match)', async () => {
    const on = await searchArticles(t.db.orm, SHORT, { secondStage: false }, t.clock.now());
    const off = await searchArticles(t.db.orm, SHORT, { secondStage: false, cosine: false }, t.clock.now());
    expect(on.results[0]!.title).toBe('短答复');
    expect(on.results[0]!.score).toBeGreaterThan(0.5 * off.results[0]!.score);
    expect(on.results[0]!.score).toBeLessThanOrEqual(off.results[0]!.score * 1.0001);
  });
});
