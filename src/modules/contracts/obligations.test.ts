import { describe, expect, it } from 'vitest';
import {
  addMonths,
  coverage,
  hiringFindings,
  payrollFindings,
  wagesDueOn,
  type HiringRecord,
} from './obligations.ts';

const RULES = {
  maxAgeYears: 35,
  minEducation: 'college' as const,
  fullTimeEducation: true,
  cleanRecord: true,
  trainingMonths: 1,
};
const hire = (over: Partial<HiringRecord> = {}): HiringRecord => ({
  memberId: 1,
  hiredOn: '2024-10-01',
  ageAtHire: 30,
  education: 'college',
  fullTimeEducation: true,
  recordClean: true,
  trainingFrom: '2024-10-01',
  trainingTo: '2024-10-31',
  trialFrom: '2024-11-01',
  ...over,
});
const codes = (f: { code: string }[]) => f.map((x) => x.code);

describe('payroll (Luohe art. 6.6)', () => {
  it('dates the wages of a month by the reading, clamped to the next month’s end', () => {
    expect(wagesDueOn('2026-01', 31)).toBe('2026-02-28');
    expect(wagesDueOn('2025-12', 31)).toBe('2026-01-31');
    expect(wagesDueOn('2026-03', 15)).toBe('2026-04-15');
    expect(wagesDueOn('2026-01', 29)).toBe('2026-02-28');
  });

  it('finds a missing month, a member without a line, late wages, no social insurance or housing fund', () => {
    const team = [
      { id: 1, name: '甲' },
      { id: 2, name: '乙' },
      { id: 3, name: '丙' },
    ];
    expect(codes(payrollFindings(team, null, '2026-01-31'))).toEqual(['payroll_missing']);
    const f = payrollFindings(
      team,
      [
        { memberId: 1, wagesPaidOn: '2026-01-31', socialInsurance: true, housingFund: true },
        { memberId: 2, wagesPaidOn: '2026-02-01', socialInsurance: false, housingFund: true },
      ],
      '2026-01-31',
    );
    expect(f.map((x) => [x.code, x.memberId])).toEqual(
      [
        ['wages_late', 2],
        ['social_insurance', 2],
        ['member_missing', 3],
      ].sort((a, b) => Number(a[1]) - Number(b[1]) || 0),
    );
  });
});

describe('hiring rules (Sanmenxia art. 13.1)', () => {
  it('passes a hire who meets every rule, 35 included (Civil Code art. 1259: 以下 includes the number)', () => {
    expect(hiringFindings(RULES, hire({ ageAtHire: 35 }), 'inclusive')).toEqual([]);
    expect(codes(hiringFindings(RULES, hire({ ageAtHire: 35 }), 'exclusive'))).toEqual(['age']);
    expect(codes(hiringFindings(RULES, hire({ ageAtHire: 36 }), 'inclusive'))).toEqual(['age']);
  });

  it('refuses below college, a degree not 统招, a record, short training and a trial before training ends', () => {
    expect(codes(hiringFindings(RULES, hire({ education: 'below_college' }), 'inclusive'))).toEqual([
      'education',
    ]);
    expect(codes(hiringFindings(RULES, hire({ fullTimeEducation: false }), 'inclusive'))).toEqual([
      'full_time_education',
    ]);
    expect(codes(hiringFindings(RULES, hire({ education: 'master' }), 'inclusive'))).toEqual([]);
    expect(codes(hiringFindings(RULES, hire({ recordClean: false }), 'inclusive'))).toEqual(['record']);
    // 10-01 … 10-30 is one day short of a month; 10-01 … 10-31 is a month (art. 202: the corresponding day).
    expect(
      codes(hiringFindings(RULES, hire({ trainingTo: '2024-10-30', trialFrom: '2024-10-31' }), 'inclusive')),
    ).toEqual(['training']);
    expect(codes(hiringFindings(RULES, hire({ trialFrom: '2024-10-20' }), 'inclusive'))).toEqual([
      'trial_before_training',
    ]);
  });

  it('adds calendar months to the corresponding day, or the month’s end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2025-10-31', 4)).toBe('2026-02-28');
  });
});

describe('7×24 coverage (Sanmenxia art. 7)', () => {
  const at = (s: string) => new Date(`${s}+08:00`);
  it('counts half-hours covered, gaps, and half-hours no rota plans', () => {
    const spans = [
      {
        from: '2024-10-01',
        to: '2024-10-02',
        shifts: [
          { start: at('2024-10-01T00:00:00'), end: at('2024-10-01T12:00:00') },
          { start: at('2024-10-01T13:00:00'), end: at('2024-10-02T00:00:00') },
        ],
      },
    ];
    const c = coverage(spans, '2024-10-01', '2024-10-03', at('2024-12-31T00:00:00'), 1);
    expect(c).toMatchObject({ slots: 96, judged: 48, covered: 46, notPlanned: 48 });
    expect(c.gaps).toEqual([{ from: '2024-10-01T04:00:00.000Z', to: '2024-10-01T05:00:00.000Z', slots: 2 }]);
    const two = coverage(spans, '2024-10-01', '2024-10-02', at('2024-12-31T00:00:00'), 2);
    expect(two.covered).toBe(0);
    // Nothing after the as-of instant is judged.
    expect(coverage(spans, '2024-10-01', '2024-10-03', at('2024-10-01T06:00:00'), 1).slots).toBe(12);
  });
});
