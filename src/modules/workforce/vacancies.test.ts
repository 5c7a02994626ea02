import { describe, expect, it } from 'vitest';
import type { AbsenceSpan, HeadcountReading, MemberSpan } from './headcount.ts';
import { ending, factsOf, teamOf } from './test-fixtures.ts';
import { findVacancies } from './vacancies.ts';

const EMPLOYED: HeadcountReading = { presentMeans: 'employed', roles: null };
const NOT_ABSENT: HeadcountReading = { presentMeans: 'employed_not_absent', roles: null };
const Q4 = { from: '2025-10-01', to: '2026-01-01', asOf: '2025-12-31', fillDays: 15 };

/** Member 45 has 31 October as their last day: the team is short from 1 November (day 0). */
const left = ending(teamOf(45, '2025-10-01'), 45, '2025-10-31');
const hiredOn = (day: string, id = 46): MemberSpan[] => [...left, ...teamOf(1, day, id)];

describe('findVacancies (Sanmenxia art. 13.4: 15 days)', () => {
  it.each([
    ['filled the next day', hiredOn('2025-11-02'), '2025-11-02', 1, false],
    ['filled on day 15: in time', hiredOn('2025-11-16'), '2025-11-16', 15, false],
    ['filled on day 16: late', hiredOn('2025-11-17'), '2025-11-17', 16, true],
    ['never filled: open and late', left, null, 60, true],
  ] as const)('%s', (_, members, filledOn, days, late) => {
    expect(findVacancies(factsOf([...members]), EMPLOYED, Q4)).toEqual([
      { memberId: 45, cause: 'left', openedOn: '2025-11-01', filledOn, days, dueOn: '2025-11-16', late },
    ]);
  });

  it('is not late while open within the 15 days', () => {
    const [v] = findVacancies(factsOf(left), EMPLOYED, { ...Q4, asOf: '2025-11-16' });
    expect(v).toMatchObject({ filledOn: null, days: 15, late: false });
    const [w] = findVacancies(factsOf(left), EMPLOYED, { ...Q4, asOf: '2025-11-17' });
    expect(w).toMatchObject({ filledOn: null, days: 16, late: true });
  });

  it('opens no vacancy when a successor starts the next day or the team had a surplus', () => {
    expect(findVacancies(factsOf(hiredOn('2025-11-01')), EMPLOYED, Q4)).toEqual([]);
    expect(findVacancies(factsOf([...left, ...teamOf(1, '2025-10-01', 46)]), EMPLOYED, Q4)).toEqual([]);
  });

  it('judges the team as a whole: two leaving together are filled when the second is replaced', () => {
    const members = [
      ...ending(left, 44, '2025-10-31'),
      ...teamOf(1, '2025-11-05', 46),
      ...teamOf(1, '2025-11-20', 47),
    ];
    const found = findVacancies(factsOf(members), EMPLOYED, Q4);
    expect(found.map((v) => [v.memberId, v.filledOn, v.days, v.late])).toEqual([
      [44, '2025-11-20', 19, true],
      [45, '2025-11-20', 19, true],
    ]);
  });

  it('lists only vacancies opening in the period and not after asOf, followed beyond the period', () => {
    const members = hiredOn('2025-11-10');
    expect(findVacancies(factsOf(members), EMPLOYED, { ...Q4, from: '2025-11-02' })).toEqual([]);
    expect(findVacancies(factsOf(members), EMPLOYED, { ...Q4, asOf: '2025-10-31' })).toEqual([]);
    const [v] = findVacancies(factsOf(members), EMPLOYED, { ...Q4, to: '2025-11-02' });
    expect(v).toMatchObject({ filledOn: '2025-11-10', days: 9 });
  });

  it('does not judge lateness without a time limit (Luohe sets none)', () => {
    const [v] = findVacancies(factsOf(hiredOn('2025-11-17')), EMPLOYED, { ...Q4, fillDays: null });
    expect(v).toMatchObject({ days: 16, dueOn: null, late: null });
  });

  it('counts leave and sick leave as vacancies under the "not absent" reading (请假、病休)', () => {
    const absences: AbsenceSpan[] = [{ memberId: 3, fromDate: '2025-11-01', toDate: '2025-11-20' }];
    const facts = factsOf(teamOf(45, '2025-10-01'), { absences });
    expect(findVacancies(facts, EMPLOYED, Q4)).toEqual([]);
    expect(findVacancies(facts, NOT_ABSENT, Q4)).toEqual([
      {
        memberId: 3,
        cause: 'absent',
        openedOn: '2025-11-01',
        filledOn: '2025-11-21',
        days: 20,
        dueOn: '2025-11-16',
        late: true,
      },
    ]);
  });

  it('follows a consented change of the agreed number', () => {
    const changes = [{ id: 1, effectiveOn: '2025-11-01', agreed: 44, consented: true }];
    expect(findVacancies(factsOf(left, { changes }), EMPLOYED, Q4)).toEqual([]);
  });
});
