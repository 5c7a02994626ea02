import { describe, expect, it } from 'vitest';
import {
  agreedOn,
  dailyHeadcount,
  employedOn,
  findShortfallPeriods,
  rosterDay,
  type AgreedChange,
  type MemberSpan,
} from './headcount.ts';
import { ending, factsOf, teamOf } from './test-fixtures.ts';

describe('agreedOn', () => {
  const cut: AgreedChange = { id: 1, effectiveOn: '2025-11-10', agreed: 43, consented: true };
  const asked: AgreedChange = { id: 2, effectiveOn: '2025-11-05', agreed: 40, consented: false };
  const later: AgreedChange = { id: 3, effectiveOn: '2025-12-01', agreed: 44, consented: true };
  const sameDay: AgreedChange = { id: 4, effectiveOn: '2025-12-01', agreed: 46, consented: true };
  it.each([
    ['no change: the contract’s number', [], '2025-11-20', 45, null],
    ['before a consented change', [cut], '2025-11-09', 45, null],
    ['on its effective day', [cut], '2025-11-10', 43, 1],
    ['a change without consent moves nothing', [asked], '2025-11-20', 45, null],
    ['the latest consented change in effect', [cut, later, asked], '2025-12-05', 44, 3],
    ['between two changes', [later, cut], '2025-11-30', 43, 1],
    ['two on one day: the later record', [cut, sameDay, later], '2025-12-01', 46, 4],
  ] as const)('%s', (_, changes, day, agreed, changeId) => {
    expect(agreedOn(day, 45, changes as readonly AgreedChange[])).toEqual({ agreed, changeId });
  });
});

describe('employedOn', () => {
  const members: MemberSpan[] = [
    { id: 1, role: 'agent', startDate: '2025-11-01', endDate: null },
    { id: 2, role: 'agent', startDate: '2025-11-01', endDate: '2025-11-10' },
    { id: 3, role: 'team_lead', startDate: '2025-11-05', endDate: null },
    { id: 4, role: 'trainer', startDate: '2025-11-10', endDate: '2025-11-10' },
  ];
  it.each([
    ['before anyone starts', '2025-10-31', null, []],
    ['start day counts', '2025-11-01', null, [1, 2]],
    ['last day counts (end inclusive)', '2025-11-10', null, [1, 2, 3, 4]],
    ['the day after the last day does not', '2025-11-11', null, [1, 3]],
    ['only the roles asked for', '2025-11-10', ['agent', 'team_lead'], [1, 2, 3]],
    ['agents only', '2025-11-10', ['agent'], [1, 2]],
  ] as const)('%s', (_, day, roles, ids) => {
    expect(employedOn(members, day, roles)).toEqual(ids);
  });
});

describe('rosterDay', () => {
  const facts = factsOf(teamOf(45, '2025-11-01'), {
    absences: [{ memberId: 7, fromDate: '2025-11-03', toDate: '2025-11-04' }],
  });
  it.each([
    ['employed: an absence does not matter', 'employed', '2025-11-03', 45, 45, 0],
    ['not absent: the absent member is not present', 'employed_not_absent', '2025-11-03', 45, 44, 0],
    ['not absent: back the day after the absence', 'employed_not_absent', '2025-11-05', 45, 45, 0],
    ['before the team starts: all short', 'employed', '2025-10-31', 0, 0, 45],
  ] as const)('%s', (_, presentMeans, day, headcount, present, shortfall) => {
    const d = rosterDay(facts, day, { presentMeans, roles: null });
    expect({ headcount: d.headcount, present: d.present, shortfall: d.shortfall }).toEqual({
      headcount,
      present,
      shortfall,
    });
  });
});

describe('findShortfallPeriods', () => {
  const s = (day: string, shortfall: number) => ({ day, shortfall });
  it.each([
    ['none', [s('2025-11-01', 0), s('2025-11-02', 0)], []],
    [
      'one run',
      [s('2025-11-01', 0), s('2025-11-02', 2), s('2025-11-03', 2), s('2025-11-04', 0)],
      [{ from: '2025-11-02', to: '2025-11-04', days: 2, shortfall: 2, personDays: 4 }],
    ],
    [
      'a change of size splits the run',
      [s('2025-11-01', 1), s('2025-11-02', 2), s('2025-11-03', 2)],
      [
        { from: '2025-11-01', to: '2025-11-02', days: 1, shortfall: 1, personDays: 1 },
        { from: '2025-11-02', to: '2025-11-04', days: 2, shortfall: 2, personDays: 4 },
      ],
    ],
    [
      'a run open at the end of the series',
      [s('2025-11-30', 0), s('2025-12-01', 3)],
      [{ from: '2025-12-01', to: '2025-12-02', days: 1, shortfall: 3, personDays: 3 }],
    ],
    [
      'a gap in the days splits the run',
      [s('2025-11-01', 1), s('2025-11-03', 1)],
      [
        { from: '2025-11-01', to: '2025-11-02', days: 1, shortfall: 1, personDays: 1 },
        { from: '2025-11-03', to: '2025-11-04', days: 1, shortfall: 1, personDays: 1 },
      ],
    ],
  ])('%s', (_, series, periods) => {
    expect(findShortfallPeriods(series)).toEqual(periods);
  });
});

describe('scenario: two agents short for three weeks', () => {
  // Two agents leave after 31 October; their successors start on 22 November: 21 days two short.
  let members = ending(ending(teamOf(45, '2025-10-01'), 44, '2025-10-31'), 45, '2025-10-31');
  members = [...members, ...teamOf(2, '2025-11-22', 46)];

  it('gives one shortfall period of 21 days, two people', () => {
    const series = dailyHeadcount(factsOf(members), '2025-10-01', '2026-01-01');
    expect(findShortfallPeriods(series)).toEqual([
      { from: '2025-11-01', to: '2025-11-22', days: 21, shortfall: 2, personDays: 42 },
    ]);
  });

  it('is no shortfall when Party A consented to 43 for those weeks', () => {
    const changes: AgreedChange[] = [
      { id: 1, effectiveOn: '2025-11-01', agreed: 43, consented: true },
      { id: 2, effectiveOn: '2025-11-22', agreed: 45, consented: true },
    ];
    const series = dailyHeadcount(factsOf(members, { changes }), '2025-10-01', '2026-01-01');
    expect(findShortfallPeriods(series)).toEqual([]);
    expect(series.find((d) => d.day === '2025-11-05')).toMatchObject({ agreed: 43, changeId: 1 });
  });

  it('is still a shortfall when the reduction was asked but not consented', () => {
    const changes: AgreedChange[] = [{ id: 1, effectiveOn: '2025-11-01', agreed: 43, consented: false }];
    const series = dailyHeadcount(factsOf(members, { changes }), '2025-10-01', '2026-01-01');
    expect(findShortfallPeriods(series)).toHaveLength(1);
  });
});
