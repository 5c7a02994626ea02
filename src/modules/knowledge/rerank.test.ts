import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { createArticle } from './articles-service.ts';
import { CreateArticleInput } from './model.ts';
import { CommonRun, duplicateKey, placeNames, rerankScore } from './rerank.ts';
import { searchArticles } from './search.ts';

describe('second stage, pure parts', () => {
  it('finds the longest common substring, across white space and case', () => {
    const run = new CommonRun('我家门口的景蓉花苑物业管理有问题');
    expect(run.longestIn('关于景蓉花苑物业的答复')).toBe(6);
    expect(run.longestIn('景 蓉 花 苑 物业管理')).toBe(8);
    expect(run.longestIn('毫无关系')).toBe(0);
    expect(run.longestIn('')).toBe(0);
    expect(new CommonRun('').longestIn('任何文字')).toBe(0);
    expect(new CommonRun('ABC路灯').longestIn('abc路')).toBe(4);
    // Repeated characters (the automaton's clone states).
    expect(new CommonRun('abababcab').longestIn('xxbabcaxx')).toBe(5);
    expect(new CommonRun('aaaa').longestIn('baaab')).toBe(3);
  });

  it('names coded and written places, not generic ones', () => {
    expect([...placeNames('A市火车站，A3区书院，K4县', [])].sort()).toEqual(['a3区', 'a市', 'k4县']);
    expect([...placeNames('', ['漯河市', '郾城区', '小区', '老城区', '路灯'])].sort()).toEqual([
      '漯河市',
      '郾城区',
    ]);
  });

  it('puts the reply about the place the message names above one about another place', () => {
    const q = { run: new CommonRun('A市火车站脏乱差'), places: new Set(['a市']) };
    const other = rerankScore(q, { score: 10, text: 'B市火车站改扩建', places: new Set(['b市']) }, 10);
    const same = rerankScore(q, { score: 9.5, text: 'A市火车站整治', places: new Set(['a市']) }, 10);
    expect(same).toBeGreaterThan(other);
    // Without places on one side, neither bonus nor penalty decides.
    const none = rerankScore(q, { score: 10, text: '火车站', places: new Set() }, 10);
    expect(none).toBeGreaterThan(other);
  });

  it('keys duplicates by their text without white space or case', () => {
    expect(duplicateKey('网友：您好！ 留言已收悉\n')).toBe(duplicateKey('网友：您好！留言已收悉'));
    expect(duplicateKey('A')).toBe(duplicateKey('a'));
  });
});

describe('second stage through search', () => {
  let t: TestContext;
  const ids: Record<string, number> = {};
  const add = async (title: string, content: string) => {
    const a = await t.db.orm.transaction((tx) =>
      createArticle(
        tx,
        SYSTEM_ACTOR,
        CreateArticleInput.parse({ title, content, status: 'published' }),
        t.clock.now(),
      ),
    );
    ids[title] = a.id;
  };
  beforeAll(async () => {
    t = await createTestContext('2026-03-03T10:00:00+08:00');
    await add('答复1', 'B市火车站脏乱差、黑车聚集问题由公安整治，周边秩序好转。');
    await add('答复2', 'A市火车站周边秩序：脏乱差问题，公安已开展联合整治。');
    await add('答复3', '网友：您好！留言已收悉。');
    await add('答复4', '网友：您好！ 留言已收悉。');
    await add('答复5', '路灯不亮的，可向城管部门报修。');
  });
  afterAll(() => t.close());

  it('ranks the reply about the message’s own place first', async () => {
    const r = await searchArticles(
      t.db.orm,
      'A市火车站脏乱差，黑车聚集，什么时候整治火车站周边秩序？',
      {},
      t.clock.now(),
    );
    expect(r.results[0]!.title).toBe('答复2');
    // The first stage alone puts the other place's reply first: the second stage is what decides.
    const first = await searchArticles(
      t.db.orm,
      'A市火车站脏乱差，黑车聚集，什么时候整治火车站周边秩序？',
      { secondStage: false },
      t.clock.now(),
    );
    expect(first.results[0]!.title).toBe('答复1');
  });

  it('lists one of articles with the same text', async () => {
    const r = await searchArticles(t.db.orm, '您好，留言已收悉吗', { limit: 10 }, t.clock.now());
    const same = r.results.filter((x) => x.title === '答复3' || x.title === '答复4');
    expect(same).toHaveLength(1);
  });

  it('keeps the limit after collapsing', async () => {
    const r = await searchArticles(t.db.orm, '火车站 留言 路灯', { limit: 2 }, t.clock.now());
    expect(r.results).toHaveLength(2);
  });
});
