import { describe, expect, it } from 'vitest';
import { dailyHeadcount, type HeadcountReading, type MemberSpan } from './headcount.ts';
import { computeStaffingRate } from './staffing-rate.ts';
import { ending, factsOf, teamOf } from './test-fixtures.ts';

const EMPLOYED: HeadcountReading = { presentMeans: 'employed', roles: null };
const NOT_ABSENT: HeadcountReading = { presentMeans: 'employed_not_absent', roles: null };

describe('computeStaffingRate', () => {
  const full = teamOf(45, '2025-10-01');
  const twoShort = [
    ...ending(ending(full, 44, '2025-10-31'), 45, '2025-10-31'),
    ...teamOf(2, '2025-11-22', 46),
  ];
  const surplus = [...full, ...teamOf(2, '2025-10-01', 46)];
  const absences = [{ memberId: 3, fromDate: '2025-10-02', toDate: '2025-10-04' }];
  const withLead: MemberSpan[] = [
    ...teamOf(44, '2025-10-01'),
    { id: 99, role: 'team_lead', startDate: '2025-10-01', endDate: null },
  ];

  it.each([
    // Q4 2025: 92 days × 45 = 4,140 contracted member-days.
    ['a full team', full, [], EMPLOYED, '2025-10-01', '2026-01-01', 4140, 4140],
    ['two agents short for 21 days', twoShort, [], EMPLOYED, '2025-10-01', '2026-01-01', 4098, 4140],
    ['a surplus is capped at the agreed number', surplus, [], EMPLOYED, '2025-10-01', '2025-10-11', 450, 450],
    [
      'absence ignored when present means employed',
      full,
      absences,
      EMPLOYED,
      '2025-10-01',
      '2025-10-11',
      450,
      450,
    ],
    [
      'absence days not present under the other reading',
      full,
      absences,
      NOT_ABSENT,
      '2025-10-01',
      '2025-10-11',
      447,
      450,
    ],
    [
      'only agents count when asked',
      withLead,
      [],
      { presentMeans: 'employed', roles: ['agent'] },
      '2025-10-01',
      '2025-10-02',
      44,
      45,
    ],
    ['the whole team counts by default', withLead, [], EMPLOYED, '2025-10-01', '2025-10-02', 45, 45],
  ] as const)('%s', (_, members, abs, reading, from, to, numerator, denominator) => {
    const series = dailyHeadcount(factsOf([...members], { absences: [...abs] }), from, to, reading);
    const f = computeStaffingRate(series, reading);
    expect({ numerator: f.numerator, denominator: f.denominator }).toEqual({ numerator, denominator });
    expect(f.value).toBeCloseTo(numerator / denominator, 12);
  });

  it('is 4,098 / 4,140 ≈ 98.99 % for the three-week scenario, with the members as evidence', () => {
    const series = dailyHeadcount(factsOf(twoShort), '2025-10-01', '2026-01-01');
    const f = computeStaffingRate(series, EMPLOYED);
    expect(f.value).toBeCloseTo(0.98986, 5);
    expect(f.evidence.entity).toBe('roster_member');
    expect(f.evidence.counted).toHaveLength(47);
    expect(f.days.find((d) => d.day === '2025-11-10')).toEqual({
      day: '2025-11-10',
      agreed: 45,
      headcount: 43,
      present: 43,
      counted: 43,
    });
  });

  it('names the absent members and the surplus days it left out', () => {
    const a = computeStaffingRate(
      dailyHeadcount(factsOf(full, { absences }), '2025-10-01', '2025-10-11', NOT_ABSENT),
      NOT_ABSENT,
    );
    expect(a.excluded).toEqual([{ reason: expect.stringContaining('absent'), ids: [3] }]);
    const s = computeStaffingRate(dailyHeadcount(factsOf(surplus), '2025-10-01', '2025-10-03'), EMPLOYED);
    expect(s.excluded).toEqual([
      { reason: expect.stringContaining('surplus'), ids: ['2025-10-01', '2025-10-02'] },
    ]);
    const uncapped = computeStaffingRate(
      dailyHeadcount(factsOf(surplus), '2025-10-01', '2025-10-03'),
      EMPLOYED,
      false,
    );
    expect(uncapped).toMatchObject({ numerator: 94, denominator: 90, excluded: [] });
  });

  it('has no value for an empty period', () => {
    expect(computeStaffingRate([], EMPLOYED)).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});
