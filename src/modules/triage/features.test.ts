import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../platform/text/segment.ts';
import {
  buildVocabulary,
  DEFAULT_FEATURE_OPTIONS,
  extractTerms,
  vectorizeTerms,
  type FeatureOptions,
} from './features.ts';
import { blockOfTermKey } from './term-hash.ts';

const segmenter = createSegmenter();
const options: FeatureOptions = { ...DEFAULT_FEATURE_OPTIONS, minDf: 1 };

function countOf(terms: ReturnType<typeof extractTerms>) {
  return Array.from(terms.counts).reduce((s, v) => s + v, 0);
}

describe('extractTerms', () => {
  it('is deterministic and ignores punctuation and case', () => {
    const a = extractTerms({ title: '物业乱收费', content: '小区物业，乱收费！ABC' }, options, segmenter);
    const b = extractTerms({ title: '物业乱收费', content: '小区物业 乱收费 abc' }, options, segmenter);
    expect(Array.from(a.keys).sort()).toEqual(Array.from(b.keys).sort());
  });

  it('counts the title titleRepeat times and adds a title block only when weighted', () => {
    const doc = { title: '噪音扰民', content: '' };
    const once = extractTerms(doc, { ...options, titleRepeat: 1, titleBlockWeight: 0 }, segmenter);
    const twice = extractTerms(doc, { ...options, titleRepeat: 2, titleBlockWeight: 0 }, segmenter);
    expect(countOf(twice)).toBe(2 * countOf(once));
    expect(Array.from(once.keys).some((k) => blockOfTermKey(k) === 2)).toBe(false);
    const withBlock = extractTerms(doc, { ...options, titleRepeat: 1 }, segmenter);
    expect(Array.from(withBlock.keys).some((k) => blockOfTermKey(k) === 2)).toBe(true);
  });

  it('folds digits when asked, so house numbers do not make new terms', () => {
    const fold = { ...options, titleBlockWeight: 0 };
    const a = extractTerms({ content: '12栋3单元' }, fold, segmenter);
    const b = extractTerms({ content: '45栋6单元' }, fold, segmenter);
    expect(Array.from(a.keys).sort()).toEqual(Array.from(b.keys).sort());
    const keep = { ...fold, foldDigits: false };
    expect(Array.from(extractTerms({ content: '12栋' }, keep, segmenter).keys).sort()).not.toEqual(
      Array.from(extractTerms({ content: '45栋' }, keep, segmenter).keys).sort(),
    );
  });

  it('yields nothing for empty text', () => {
    expect(extractTerms({ title: '', content: '  ' }, options, segmenter).keys).toHaveLength(0);
  });
});

describe('buildVocabulary and vectorizeTerms', () => {
  const docs = ['公交车晚点', '公交车拥挤', '学校招生', '学校收费'].map((content) =>
    extractTerms({ content }, { ...options, minDf: 2 }, segmenter),
  );

  it('keeps terms that reach min-df and gives rarer terms a higher idf', () => {
    const vocabulary = buildVocabulary(docs, { ...options, minDf: 2 });
    expect(vocabulary.keys.length).toBeGreaterThan(0);
    const everywhere = buildVocabulary(docs, { ...options, minDf: 1 });
    expect(everywhere.keys.length).toBeGreaterThan(vocabulary.keys.length);
    expect(Math.min(...everywhere.idf)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...everywhere.idf)).toBeGreaterThan(Math.min(...everywhere.idf));
  });

  it('normalises each block to its weight and drops unknown terms', () => {
    const weighted = { ...options, wordBlockWeight: 1, charBlockWeight: 0.5, titleBlockWeight: 0 };
    const terms = extractTerms({ content: '公交车晚点' }, weighted, segmenter);
    const vocabulary = buildVocabulary([terms], weighted);
    const vector = vectorizeTerms(terms, vocabulary, weighted);
    const norms = [0, 0, 0];
    vector.indices.forEach((column, k) => {
      const block = blockOfTermKey(vocabulary.keys[column]!);
      norms[block] = norms[block]! + vector.values[k]! ** 2;
    });
    expect(Math.sqrt(norms[0]!)).toBeCloseTo(1, 5);
    expect(Math.sqrt(norms[1]!)).toBeCloseTo(0.5, 5);

    const other = extractTerms({ content: '公交车很挤' }, weighted, segmenter);
    const known = vectorizeTerms(other, vocabulary, weighted);
    expect(known.indices.length).toBeGreaterThan(0);
    expect(known.indices.length).toBeLessThan(other.keys.length);
  });
});
