import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../platform/text/segment.ts';
import { analyseQuery, sanitizeToken, toLexemeText } from './query.ts';
import { BUILT_IN_SYNONYMS, expandWord, normaliseGroups } from './synonyms.ts';

const segmenter = createSegmenter();
const groups = normaliseGroups(BUILT_IN_SYNONYMS);
const analyse = (text: string) => analyseQuery(text, segmenter, groups);

describe('analyseQuery', () => {
  it.each([
    // 交多少钱 is a synonym of 缴费 (issue 13), so it stays whole as a term instead of being dropped.
    ['医疗保险一年交多少钱', ['医疗保险', '一年', '交多少钱']],
    ['请问公积金怎么提取', ['公积金', '提取']],
    ['我想问一下公交卡怎么办理需要带什么', ['公交', '办理']],
  ])('drops stop words and single characters from %s', (text, tokens) => {
    expect(analyse(text).tokens).toEqual(tokens);
  });

  it('keeps single characters when the query is one or two characters long', () => {
    expect(analyse('卡').tokens).toEqual(['卡']);
    expect(analyse('办 证').tokens).toEqual(['办', '证']);
  });

  it('falls back to the words typed when every word is a stop word', () => {
    expect(analyse('问题').tokens).toEqual(['问题']);
  });

  it('drops the frame of a registered request', () => {
    const q = analyse('市民来电反映：其单位拖欠工资三个月。诉求：请相关部门尽快处理。');
    expect(q.tokens).toContain('拖欠工资');
    for (const w of ['市民', '来电', '反映', '诉求', '相关', '部门', '尽快', '处理'])
      expect(q.tokens).not.toContain(w);
  });

  it('expands synonyms both ways', () => {
    expect(analyse('医保').expanded).toEqual(['医保', '医疗保险', '医疗保障']);
    expect(analyse('医疗保障').expanded).toEqual(['医疗保障', '医保', '医疗保险']);
    expect(analyse('欠薪').expanded).toEqual(expect.arrayContaining(['拖欠工资', '讨薪']));
  });

  it('keeps a synonym whole that the segmenter would cut, and asks for it as a phrase', () => {
    const q = analyse('最低生活保障怎么申请');
    expect(q.tokens).toEqual(['最低生活保障', '申请']);
    expect(q.tsquery).toBe('((最低 <-> 生活 <-> 保障) | 低保) | 申请');
  });

  it('makes one group per concept, so synonyms in one query count once', () => {
    const q = analyse('医保和医疗保险');
    expect(q.concepts.map((c) => c.expression)).toEqual(['医保 | 医疗保险 | 医疗保障']);
  });

  it('leaves nothing in the tsquery but letters, digits and operators', () => {
    const q = analyse("公交卡'); drop table kb_articles; -- & | ! :*");
    expect(q.tsquery).toMatch(/^[\p{L}\p{N} |()<>-]*$/u);
    expect(q.tsquery).not.toContain('drop table');
  });
});

describe('sanitizeToken and toLexemeText', () => {
  it('splits on anything but letters and digits and lower-cases', () => {
    expect(sanitizeToken('COVID-19')).toEqual(['covid', '19']);
    expect(sanitizeToken('，')).toEqual([]);
  });

  it('cuts text into the lexemes the index holds', () => {
    expect(toLexemeText(segmenter, '城乡居民医保缴费标准。')).toBe('城乡居民 医保 缴费 标准');
  });
});

describe('expandWord', () => {
  it('joins every group a word belongs to', () => {
    expect(
      expandWord('a', [
        ['a', 'b'],
        ['c', 'a'],
      ]),
    ).toEqual(['a', 'b', 'c']);
    expect(expandWord('z', [['a', 'b']])).toEqual(['z']);
  });
});
