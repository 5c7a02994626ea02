/**
 * Requests → bags of words with global term ids, computed once per request so that a history scan
 * (one detection per day over the same requests) segments each text only once.
 */
import { createSegmenter, normalizeText, type Segmenter } from '../../../platform/text/segment.ts';
import type { HotTopicInput } from './model.ts';

/**
 * Words every kind of request uses — greetings, the verbs of asking and complaining, pronouns, time
 * words. They would make unrelated requests look alike; IDF alone does not push them down enough in a
 * window of a few dozen requests. Single function characters are listed so that they break word
 * bigrams; other single characters are kept only inside bigrams.
 */
const BUILT_IN_STOP_WORDS = new Set(
  `您好 你好 请问 谢谢 感谢 领导 政府 相关 部门 相关部门 问题 反映 希望 要求 尽快 解决 情况 我们 本人 一个 这个
  那个 没有 现在 已经 因为 所以 但是 可以 什么 如何 怎么 怎么办 是否 进行 关于 目前 今年 去年 工作 有关 咨询 建议
  投诉 举报 恳请 麻烦 严重 一直 还是 他们 自己 时候 多次 至今 及时 处理 市民 群众 老百姓 能否 为什么 不能 不是 这样
  这些 那些 需要 已经 还有 以及 或者 如果 就是 而且 并且 然后 之后 以前 以后 其中 此事 这种 目前 非常 特别 很多
  一些 一下 这里 那里 同时 通过 根据 由于 对于 出现 存在 导致 造成 影响 得到 给予 予以 落实 重视 关注 帮助 支持
  回复 答复 不到 不了 只能 只有 无法 不会 应该 应当 必须 可能 还要 真的 确实 一定 已于 日前 近日 最近 现象 事情
  方面 期间 个人 大家 各位 您们 你们 我家 我们家 家里 以上 以下 如下 等等 所有 全部 具体 相应 有效 有关部门
  主管部门 职能部门 上级 书记 市长 局长 网友 留言 万分 感激 盼复 望 请 谢 年 月 日 号
  的 了 是 在 和 与 及 或 也 都 就 还 又 把 被 让 给 对 从 向 到 于 为 以 而 吗 呢 吧 啊 呀 我 你 他 她 它 这 那
  有 没 不 能 会 要 说 等 个 将 该 但 却 并 很 太 更 最 已 再 才 只 所 其 此 每 各 多 少 却 着 过 地 得`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Numbers and codes (58, 805, 110kv, k9) say nothing alone but name things with their neighbour:
 * 58|车 (58车贷), 805|路 (a bus line). They are kept inside bigrams only.
 */
const NUMBER_LIKE = /^[a-z]{0,3}[\d.,%:-]+[a-z]{0,3}$/u;
const BIGRAM_JOINER = '_';

export interface PreparedRequest {
  input: HotTopicInput;
  time: number;
  /** Distinct term ids, ascending. */
  termIds: Int32Array;
  /** Raw term frequency, title occurrences counted `titleWeight` times. */
  tf: Float32Array;
  district: string | null;
  category: string | null;
  weight: number;
  caller: string | null;
}

/** Term strings by id, shared by every request prepared together. */
export interface TermDictionary {
  terms: string[];
}

export interface PrepareOptions {
  segmenter: Segmenter | null;
  titleWeight: number;
  maxContentChars: number;
  stopWords: readonly string[];
  placeWords: readonly string[];
}

const WORD_TERM = 0;
/** Too short or too numeric to be a term alone, but part of a bigram (伊|景园, 58|车). */
const WORD_IN_BIGRAMS = 1;
/** A stop word or place: no term, and it breaks bigrams. */
const WORD_BREAK = 2;

/**
 * Words get an id and a kind once; a request then costs one string lookup per word and numeric
 * lookups for its terms, instead of building and hashing a bigram string per word pair.
 */
interface WordTable {
  idOf: Map<string, number>;
  words: string[];
  kind: number[];
  unigramTerm: number[];
  /** Bigram terms by first word, then second: small-integer keys hash fast, a combined key would not. */
  bigramTerm: (Map<number, number> | undefined)[];
}

/**
 * Words and word bigrams of each request. Bigrams keep names that jieba cuts into pieces (伊|景园|滨河|苑,
 * 58|车|贷案) as one rare, telling term, which is what separates one housing estate from another.
 */
export function prepareRequests(
  requests: readonly HotTopicInput[],
  options: PrepareOptions,
): { docs: PreparedRequest[]; dictionary: TermDictionary } {
  const segmenter = options.segmenter ?? createSegmenter();
  const dropped = new Set([...BUILT_IN_STOP_WORDS, ...options.stopWords.map(normalizeText)]);
  for (const place of options.placeWords) dropped.add(normalizeText(place));
  const table: WordTable = { idOf: new Map(), words: [], kind: [], unigramTerm: [], bigramTerm: [] };
  const dictionary: TermDictionary = { terms: [] };
  const counts: TermCounts = { tf: new Float64Array(1 << 16), touched: [] };
  const docs = requests.map((input) => {
    const district = cleanLabel(input.district);
    // The request's own district is compared as a place, not as a word.
    const ownPlace = district ? wordIdOf(table, normalizeText(district), dropped) : -1;
    const title = input.titleWords ?? segmenter.cut(input.title);
    const body = input.contentWords ?? segmenter.cut(input.content.slice(0, options.maxContentChars));
    addWords(counts, table, dictionary, title, options.titleWeight, dropped, ownPlace);
    addWords(counts, table, dictionary, body, 1, dropped, ownPlace);
    return packRequest(input, counts, district);
  });
  return { docs, dictionary };
}

function wordIdOf(table: WordTable, word: string, dropped: ReadonlySet<string>): number {
  let id = table.idOf.get(word);
  if (id === undefined) {
    id = table.words.length;
    table.idOf.set(word, id);
    table.words.push(word);
    table.unigramTerm.push(-1);
    table.bigramTerm.push(undefined);
    table.kind.push(
      dropped.has(word)
        ? WORD_BREAK
        : word.length < 2 || NUMBER_LIKE.test(word)
          ? WORD_IN_BIGRAMS
          : WORD_TERM,
    );
  }
  return id;
}

/** A dense scratch of term frequencies, cleared after each request through `touched`. */
interface TermCounts {
  tf: Float64Array;
  touched: number[];
}

function count(counts: TermCounts, term: number, weight: number) {
  if (term >= counts.tf.length) {
    const grown = new Float64Array(Math.max(term + 1, counts.tf.length * 2));
    grown.set(counts.tf);
    counts.tf = grown;
  }
  if (counts.tf[term] === 0) counts.touched.push(term);
  counts.tf[term]! += weight;
}

function addWords(
  counts: TermCounts,
  table: WordTable,
  dictionary: TermDictionary,
  words: readonly string[],
  weight: number,
  dropped: ReadonlySet<string>,
  ownPlace: number,
) {
  let previous = -1;
  for (const word of words) {
    const id = wordIdOf(table, word, dropped);
    const kind = table.kind[id]!;
    if (kind === WORD_BREAK || id === ownPlace) {
      previous = -1;
      continue;
    }
    if (kind === WORD_TERM) {
      let term = table.unigramTerm[id]!;
      if (term < 0) table.unigramTerm[id] = term = newTerm(dictionary, word);
      count(counts, term, weight);
    }
    if (previous >= 0) {
      const next = (table.bigramTerm[previous] ??= new Map());
      let term = next.get(id);
      if (term === undefined) {
        term = newTerm(dictionary, table.words[previous]! + BIGRAM_JOINER + word);
        next.set(id, term);
      }
      count(counts, term, weight);
    }
    previous = id;
  }
}

function newTerm(dictionary: TermDictionary, term: string): number {
  dictionary.terms.push(term);
  return dictionary.terms.length - 1;
}

function packRequest(input: HotTopicInput, counts: TermCounts, district: string | null) {
  const termIds = new Int32Array(counts.touched.length);
  for (let k = 0; k < termIds.length; k++) termIds[k] = counts.touched[k]!;
  termIds.sort();
  const tf = new Float32Array(termIds.length);
  for (let k = 0; k < termIds.length; k++) {
    tf[k] = counts.tf[termIds[k]!]!;
    counts.tf[termIds[k]!] = 0;
  }
  counts.touched.length = 0;
  const weight =
    input.weight !== undefined && Number.isFinite(input.weight) && input.weight > 0 ? input.weight : 1;
  return {
    input,
    time: input.at.getTime(),
    termIds,
    tf,
    district,
    category: cleanLabel(input.category),
    weight,
    caller: cleanLabel(input.caller),
  };
}

function cleanLabel(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Time order, ties broken by id. Requests are prepared and clustered in this order — term ids, and
 * so every sum and tie, follow it — so the same requests give the same topics in any arrival order.
 */
export function sortRequests<T extends HotTopicInput>(requests: readonly T[]): T[] {
  return [...requests].sort((a, b) => {
    const dt = a.at.getTime() - b.at.getTime();
    if (dt !== 0) return dt;
    const x = String(a.id);
    const y = String(b.id);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** A bigram term reads better with its joiner removed (景园_滨河 → 景园滨河). */
export function displayTerm(term: string): string {
  return term.split(BIGRAM_JOINER).join('');
}
