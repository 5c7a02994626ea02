import { describe, expect, it } from 'vitest';
import { scoreDepartments } from './circular-score.ts';
import {
  assembleScorecards,
  type DepartmentScorecard,
  type ScorecardCounts,
  ZERO_COUNTS,
} from './scorecard-rules.ts';

type Counts = Partial<ScorecardCounts> & { departmentId?: number; name?: string };
const base: Counts = { departmentId: 1, name: '甲' };
/** Rows as the scorecard assembles them (its rates), from partial counts. */
const cards = (rows: Counts[]): DepartmentScorecard[] =>
  rows.map(
    (r, i) =>
      assembleScorecards(
        [{ id: r.departmentId ?? i + 1, name: r.name ?? '甲' }],
        {
          dispatches: new Map([[r.departmentId ?? i + 1, { ...ZERO_COUNTS, ...r }]]),
          returns: new Map(),
          extensions: new Map(),
          callbacks: new Map(),
          replies: new Map(),
          coHandling: new Map(),
          disputes: new Map(),
          pauses: new Map(),
        },
        { basicallySatisfiedCounts: true, keepIdle: true },
      )[0]!,
  );
const W = { signedOnTime: 20, handledOnTime: 40, notReturned: 10, satisfaction: 30 };

describe('the circular’s composite score and ranks', () => {
  it('weights the four rates; equal scores share a rank; a department with nothing measured is not ranked', () => {
    const rows = scoreDepartments(
      cards([
        {
          ...base,
          departmentId: 1,
          name: '甲',
          received: 10,
          signedOnTime: 10,
          due: 10,
          handledOnTime: 5,
          returned: 1,
          satisfied: 3,
          unsatisfied: 1,
        },
        {
          ...base,
          departmentId: 2,
          name: '乙',
          received: 4,
          signedOnTime: 4,
          due: 4,
          handledOnTime: 4,
          satisfied: 2,
        },
        {
          ...base,
          departmentId: 3,
          name: '丙',
          received: 4,
          signedOnTime: 4,
          due: 4,
          handledOnTime: 4,
          basicallySatisfied: 2,
        },
        { ...base, departmentId: 4, name: '丁' },
      ]),
      W,
    );
    // 甲: 20×1 + 40×0.5 + 10×0.9 + 30×0.75 = 71.5
    const a = rows.find((r) => r.name === '甲')!;
    expect(a.score).toBe(71.5);
    expect(
      rows
        .filter((r) => r.rank === 1)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['丙', '乙']);
    expect(a.rank).toBe(3);
    expect(rows.find((r) => r.name === '丁')).toMatchObject({ score: null, rank: null });
  });

  it('leaves out a rate with nothing to measure and lets the other weights carry the score', () => {
    const [r] = scoreDepartments(cards([{ ...base, received: 2, signedOnTime: 1 }]), W);
    // signed 50 %, not returned 100 %; nothing due, nothing rated: (20×0.5 + 10×1) / 30 = 66.67
    expect(r!.score).toBe(66.67);
    expect(r!.handledOnTimeRate).toBeNull();
  });

  it('never scores a department above 100 or below 0, even when it returned more than it received', () => {
    const [r] = scoreDepartments(cards([{ ...base, received: 1, returned: 3, due: 1 }]), W);
    expect(r!.notReturnedRate).toBe(0);
    expect(r!.score).toBeGreaterThanOrEqual(0);
  });
});
