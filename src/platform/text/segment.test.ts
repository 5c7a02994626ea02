import { describe, expect, it } from 'vitest';
import { createSegmenter, normalizeText } from './segment.ts';
import { DEFAULT_USER_WORDS } from './user-dict.ts';

describe('createSegmenter', () => {
  const segmenter = createSegmenter();

  it.each([
    ['漯河市源汇区住建局', ['漯河市', '源汇区', '住建局']],
    ['召陵区人社局', ['召陵区', '人社局']],
    ['三门峡市陕州区市场监管局', ['三门峡市', '陕州区', '市场监管局']],
    ['自然资源和规划局', ['自然资源和规划局']],
    ['公司拖欠工资', ['公司', '拖欠工资']],
    ['楼下噪音扰民', ['楼下', '噪音扰民']],
  ])('keeps hotline words whole in %s', (text, expected) => {
    expect(segmenter.cut(text)).toEqual(expected);
  });

  it('drops whitespace and punctuation tokens', () => {
    const tokens = segmenter.cut('你好，\n\t请问 公积金！？（急）');
    expect(tokens).toContain('公积金');
    for (const token of tokens) expect(token).not.toMatch(/^[\s\p{P}\p{S}]+$/u);
  });

  it('folds full-width latin and digits and lower-cases latin', () => {
    expect(segmenter.cut('拨打１２３４５反映ＡＢＣ小区')).toEqual(expect.arrayContaining(['12345', 'abc']));
  });

  it('returns no tokens for empty or blank text', () => {
    expect(segmenter.cut('')).toEqual([]);
    expect(segmenter.cut(' \n\u3000 ')).toEqual([]);
  });

  it('honours extra words and caches one segmenter per word set', () => {
    expect(segmenter.cut('翠柳湾花苑物业')).not.toContain('翠柳湾花苑');
    const withEstate = createSegmenter(['翠柳湾花苑']);
    expect(withEstate.cut('翠柳湾花苑物业')).toEqual(['翠柳湾花苑', '物业']);
    expect(createSegmenter([' 翠柳湾花苑 ', '翠柳湾花苑'])).toBe(withEstate);
    expect(createSegmenter()).toBe(segmenter);
  });
});

describe('normalizeText', () => {
  it('applies NFKC and lower-cases', () => {
    expect(normalizeText('ＡＢＣ１２３，Hello')).toBe('abc123,hello');
  });
});

describe('DEFAULT_USER_WORDS', () => {
  it('holds no duplicates and no whitespace', () => {
    expect(new Set(DEFAULT_USER_WORDS).size).toBe(DEFAULT_USER_WORDS.length);
    for (const word of DEFAULT_USER_WORDS) expect(word).not.toMatch(/\s/);
  });
});
