import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../modules/calls/index.ts';
import { summarizeCalls } from './summary.ts';

const t = (s: string) => new Date(`${s}+08:00`);

function call(
  offered: string,
  answerAfterS: number | null,
  talkS = 120,
  rating: number | null = null,
): CallRecord {
  const offeredAt = t(offered);
  const answeredAt = answerAfterS === null ? null : new Date(offeredAt.getTime() + answerAfterS * 1000);
  const abandonedAt = answerAfterS === null ? new Date(offeredAt.getTime() + 30_000) : null;
  return {
    callId: offered,
    source: 'simulator',
    callerNumber: '13800000000',
    queue: '12345',
    offeredAt,
    answeredAt,
    agent: answeredAt ? '1001' : null,
    endedAt: answeredAt ? new Date(answeredAt.getTime() + talkS * 1000) : abandonedAt,
    abandonedAt,
    abandonReason: answeredAt ? null : 'caller_hangup',
    ivrRating: rating,
    orderNumbers: [],
  };
}

describe('summarizeCalls', () => {
  const records = [
    call('2026-03-11T23:59:50', 5, 100, 5),
    call('2026-03-11T10:00:00', 20, 200, 2),
    call('2026-03-12T00:00:10', null),
    call('2026-03-12T10:30:00', 15),
  ];
  const s = summarizeCalls(records);

  it('counts offered, answered, abandoned and the answer rate', () => {
    expect(s).toMatchObject({ offered: 4, answered: 3, abandoned: 1, answerRate: 0.75, abandonRate: 0.25 });
    expect(s.abandonedByReason).toEqual({ caller_hangup: 1 });
  });

  it('measures the speed of answer: within 15 s (inclusive) and on average', () => {
    expect(s.answeredWithin15s).toBe(2);
    expect(s.within15sRate).toBeCloseTo(2 / 4);
    expect(s.averageSpeedOfAnswer).toBeCloseTo((5 + 20 + 15) / 3);
    expect(s.averageTalkSeconds).toBeCloseTo((100 + 200 + 120) / 3);
  });

  it('splits by the city day and hour of the offer', () => {
    expect(s.byDay.map((d) => [d.date, d.offered, d.answered])).toEqual([
      ['2026-03-11', 2, 2],
      ['2026-03-12', 2, 1],
    ]);
    expect(s.byHour[23]).toEqual({ offered: 1, answered: 1 });
    expect(s.byHour[0]).toEqual({ offered: 1, answered: 0 });
  });

  it('counts ratings, 4 and 5 as satisfied', () => {
    expect(s.ratings).toEqual({ given: 2, satisfied: 1, byValue: [0, 1, 0, 0, 1] });
  });

  it('is empty-safe', () => {
    expect(summarizeCalls([])).toMatchObject({
      offered: 0,
      answerRate: 0,
      averageSpeedOfAnswer: 0,
      byDay: [],
    });
  });
});
