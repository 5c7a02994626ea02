import { describe, expect, it } from 'vitest';
import { clauseZh, numberZh, percentZh, statusZh, targetZh, valueZh } from './format-zh.ts';
import { incidentStepBp } from './incident-steps.ts';
import { DEFAULT_READINGS } from './readings.ts';

describe('a statement in Chinese (issue 12)', () => {
  it('writes clauses as 第十一条 and numbers in Chinese', () => {
    expect([1, 10, 11, 19, 20, 23].map(numberZh)).toEqual(['一', '十', '十一', '十九', '二十', '二十三']);
    expect(clauseZh('art. 11 #1')).toBe('第十一条第1项');
    expect(clauseZh('art. 6.5, 7.2: 配备45人')).toBe('第六条第5款、第七条第2款: 配备45人');
    expect(clauseZh('art. 11 #6; art. 8.3(3)')).toBe('第十一条第6项; 第八条第3款第(3)项');
    expect(clauseZh('Sanmenxia art. 13.4: 人员到位率不低于98%')).toBe('第十三条第4款: 人员到位率不低于98%');
  });

  it('gives targets as ≥ 96%, values with numerator/denominator, 0/0 as 无数据', () => {
    expect(targetZh('>=', 0.96)).toBe('≥ 96%');
    expect(targetZh('<=', 0.0001)).toBe('≤ 0.01%');
    expect(targetZh('<=', 0, 'quality.seriousIncidents')).toBe('≤ 0 次');
    expect(percentZh(0.96071)).toBe('96.07%');
    expect(valueZh({ numerator: 2345, denominator: 2441, value: 2345 / 2441 })).toBe('96.07%（2,345/2,441）');
    expect(valueZh({ numerator: 0, denominator: 0, value: null })).toBe('无数据');
    expect(statusZh({ met: true, value: null, denominator: 0 })).toBe('无数据');
    expect(statusZh({ met: false, value: 0.5, denominator: 2 })).toBe('未达标');
    expect(statusZh({ met: true, value: 0, denominator: 0 }, 'quality.seriousIncidents')).toBe('达标');
  });
});

describe('serious incidents past the contract’s two steps (reading laterIncidents)', () => {
  const steps = [100, 500];
  it('deducts 1 %, then 4 % more, then nothing by default', () => {
    expect([0, 1, 2, 3].map((k) => incidentStepBp(k, steps, DEFAULT_READINGS))).toEqual([100, 400, 0, 0]);
  });
  it('repeats the last step when the office reads it so', () => {
    const r = { ...DEFAULT_READINGS, laterIncidents: 'repeat_last_step' as const };
    expect([0, 1, 2].map((k) => incidentStepBp(k, steps, r))).toEqual([100, 400, 400]);
    const additional = { ...r, secondIncidentDeduction: 'additional' as const };
    expect([0, 1, 2].map((k) => incidentStepBp(k, steps, additional))).toEqual([100, 500, 500]);
  });
});
