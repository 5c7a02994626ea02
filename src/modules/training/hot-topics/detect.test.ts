import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../platform/random.ts';
import { detectHotTopics } from './detect.ts';
import { scoreTopic } from './describe.ts';
import { createSegmenter } from '../../../platform/text/segment.ts';
import { DEFAULT_DETECT_OPTIONS, type HotTopic, type HotTopicInput } from './model.ts';
import { generateBackground, generateOutageBurst, generateSteadyComplaint } from './synthetic-requests.ts';

const NOW = new Date('2025-06-30T12:00:00+08:00');
const HOUR_MS = 3_600_000;

const background = generateBackground({ end: NOW, days: 35, perDay: 15 });
const burst = generateOutageBurst({
  idPrefix: 'outage',
  estate: '幸福家园',
  district: '源汇区',
  end: NOW,
  hours: 40,
  count: 8,
});
const steady = generateSteadyComplaint({ end: NOW, days: 35, perDay: 3 });

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const idsOf = (requests: readonly HotTopicInput[]) => requests.map((r) => r.id).sort();

describe('detectHotTopics', () => {
  it('finds a burst of 8 停水 requests in one district among background noise and ranks it first', () => {
    const topics = detectHotTopics([...background, ...burst], { now: NOW });
    const top = topics[0]!;
    expect(top.rank).toBe(1);
    expect([...top.memberIds].sort()).toEqual(idsOf(burst));
    expect(top.districts).toEqual([{ name: '源汇区', count: 8 }]);
    expect(top.label.join(' ')).toContain('停水');
    expect(top.title).toContain('幸福家园');
    expect(top.baselineCount).toBe(0);
    expect(top.growth).toBeCloseTo(9, 5);
    expect(top.weightedCount).toBe(burst.reduce((s, r) => s + (r.weight ?? 1), 0));
    expect(top.first.getTime()).toBeGreaterThan(NOW.getTime() - 40 * HOUR_MS);
  });

  it('ranks a steady every-day complaint, larger in the window, below the burst', () => {
    const topics = detectHotTopics([...background, ...steady, ...burst], { now: NOW });
    expect(topics[0]!.memberIds).toContain('outage-0');
    const market = topics.find((t) => t.memberIds.some((id) => String(id).startsWith('steady-')));
    expect(market).toBeDefined();
    expect(market!.count).toBeGreaterThan(8);
    expect(market!.growth).toBeLessThan(1.5);
    expect(market!.rank).toBeGreaterThan(1);
    expect(market!.score).toBeLessThan(topics[0]!.score / 2);
  });

  it('keeps the same matter in two places as two topics', () => {
    const other = generateOutageBurst({
      idPrefix: 'outage-b',
      estate: '金色港湾',
      district: '召陵区',
      end: NOW,
      hours: 30,
      count: 6,
      seed: 5,
    });
    const topics = detectHotTopics([...background, ...burst, ...other], { now: NOW });
    const a = topics.find((t) => t.memberIds.includes('outage-0'))!;
    const b = topics.find((t) => t.memberIds.includes('outage-b-0'))!;
    expect(a).not.toBe(b);
    expect([...a.memberIds].sort()).toEqual(idsOf(burst));
    expect([...b.memberIds].sort()).toEqual(idsOf(other));
    expect(b.districts.map((d) => d.name)).toEqual(['召陵区']);
  });

  it('does not count one person repeating the same request as a hot topic', () => {
    const repeated = burst.slice(0, 5).map((r) => ({ ...r, caller: 'same-person' }));
    const topics = detectHotTopics([...background, ...repeated], { now: NOW });
    expect(topics.some((t) => t.memberIds.includes('outage-0'))).toBe(false);
  });

  it('leaves out requests outside the window and counts the baseline before it', () => {
    const earlier = generateOutageBurst({
      idPrefix: 'old',
      estate: '幸福家园',
      district: '源汇区',
      end: new Date(NOW.getTime() - 10 * 24 * HOUR_MS),
      hours: 48,
      count: 6,
    });
    const topics = detectHotTopics([...background, ...earlier, ...burst], { now: NOW });
    const top = topics.find((t) => t.memberIds.includes('outage-0'))!;
    expect(top.memberIds.some((id) => String(id).startsWith('old-'))).toBe(false);
    expect(top.baselineCount).toBe(6);
    // 6 similar requests in 28 days is 6 × 72 / 672 ≈ 0.64 in a 72-hour window.
    expect(top.expected).toBeCloseTo((6 * 72) / 672, 5);
  });

  it('is deterministic: the same topics whatever the input order', () => {
    const input = [...background, ...steady, ...burst];
    const first = detectHotTopics(input, { now: NOW });
    const again = detectHotTopics(shuffle(input, 3), { now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it('takes words already cut instead of segmenting again', () => {
    const segmenter = createSegmenter();
    const input = [...background, ...burst];
    const cut = input.map((r) => ({
      ...r,
      title: '',
      content: '',
      titleWords: segmenter.cut(r.title),
      contentWords: segmenter.cut(r.content.slice(0, DEFAULT_DETECT_OPTIONS.maxContentChars)),
    }));
    const strip = (topics: HotTopic[]) => topics.map(({ title: _title, ...rest }) => rest);
    expect(strip(detectHotTopics(cut, { now: NOW }))).toEqual(strip(detectHotTopics(input, { now: NOW })));
  });

  it('returns nothing for an empty or quiet window', () => {
    expect(detectHotTopics([], { now: NOW })).toEqual([]);
    expect(detectHotTopics(burst.slice(0, 2), { now: NOW })).toEqual([]);
  });

  it('runs thousands of requests quickly (measured, not asserted)', () => {
    const many = generateBackground({ end: NOW, days: 31, perDay: 100, seed: 4 });
    const input = [...many, ...burst];
    const started = performance.now();
    const topics = detectHotTopics(input, { now: NOW });
    const ms = performance.now() - started;
    const inWindow = input.filter((r) => r.at.getTime() > NOW.getTime() - 72 * HOUR_MS).length;
    console.info(
      `detectHotTopics: ${input.length} requests (${inWindow} in the window) in ${ms.toFixed(0)} ms`,
    );
    expect(topics.length).toBeGreaterThan(0);
  });
});

describe('scoreTopic', () => {
  it('scores a steady topic its volume and a burst more than three times its volume', () => {
    expect(scoreTopic({ count: 9, people: 9, weightedCount: 9, expected: 9 }).score).toBeCloseTo(9, 5);
    const burstScore = scoreTopic({ count: 8, people: 8, weightedCount: 8, expected: 0 });
    expect(burstScore.growth).toBe(9);
    expect(burstScore.score).toBeCloseTo(8 * Math.log2(10), 5);
  });

  it('adds reader support logarithmically', () => {
    const plain = scoreTopic({ count: 3, people: 3, weightedCount: 3, expected: 0 }).score;
    const supported = scoreTopic({ count: 3, people: 3, weightedCount: 3 + 2000, expected: 0 }).score;
    expect(supported / plain).toBeCloseTo((3 + Math.log(2001)) / 3, 5);
  });
});
