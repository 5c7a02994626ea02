/**
 * Chinese word segmentation (分词) with jieba and the hotline's user dictionary.
 *
 * Shared by the dispatch classifier and the knowledge-base search, so it stays general: it
 * only normalises and cuts text; stop words and n-grams belong to the callers.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { DEFAULT_USER_WORDS } from './user-dict.ts';

export interface Segmenter {
  /** Words of `text`, NFKC-normalised, latin lower-cased, without whitespace or punctuation tokens. */
  cut(text: string): string[];
}

/*
 * jieba picks the segmentation with the highest product of word frequencies over a dictionary
 * total of ~6e7; a frequency this high makes a user word beat any split into common words
 * (两个 1e5 words: 1e5·1e5/6e7 ≈ 170) without swallowing neighbouring characters.
 */
const USER_WORD_FREQUENCY = 100_000;

const NOISE_TOKEN = /^[\s\p{P}\p{S}\p{C}]+$/u;

const segmenters = new Map<string, Segmenter>();

/**
 * NFKC folds full-width latin and digits (ＡＢＣ１２３ → ABC123) that citizens type with Chinese
 * input methods, so the same word always yields the same token.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * A segmenter with the default hotline dictionary plus `extraWords` (a city's own place names,
 * streets, estates). Cached per word set: loading jieba's dictionary takes ~0.2 s.
 */
export function createSegmenter(extraWords: readonly string[] = []): Segmenter {
  const extra = [...new Set(extraWords.map((w) => w.trim()).filter(isDictionaryWord))].sort();
  const key = extra.join('\n');
  const cached = segmenters.get(key);
  if (cached) return cached;
  const segmenter = buildSegmenter([...DEFAULT_USER_WORDS, ...extra]);
  segmenters.set(key, segmenter);
  return segmenter;
}

function buildSegmenter(userWords: readonly string[]): Segmenter {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(formatUserDictionary(userWords), 'utf8'));
  return {
    cut(text: string): string[] {
      const normalized = normalizeText(text);
      if (normalized.trim() === '') return [];
      return jieba.cut(normalized, true).filter((token) => !NOISE_TOKEN.test(token));
    },
  };
}

/** jieba's dictionary lines are `word frequency [tag]`; a word cannot contain whitespace. */
function formatUserDictionary(words: readonly string[]): string {
  return words
    .filter(isDictionaryWord)
    .map((w) => `${normalizeText(w)} ${USER_WORD_FREQUENCY}`)
    .join('\n');
}

function isDictionaryWord(word: string): boolean {
  return word.length > 0 && !/\s/.test(word);
}
