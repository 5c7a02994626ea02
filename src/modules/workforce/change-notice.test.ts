import { describe, expect, it } from 'vitest';
import { assessChangeNotice } from './change-notice.ts';

describe('assessChangeNotice (Sanmenxia art. 4: 7 days ahead)', () => {
  it.each([
    ['8 days ahead', '2025-03-02', 7, { dueBy: '2025-03-03', daysAhead: 8, status: 'on_time' }],
    ['exactly 7 days ahead', '2025-03-03', 7, { dueBy: '2025-03-03', daysAhead: 7, status: 'on_time' }],
    ['6 days ahead: late', '2025-03-04', 7, { dueBy: '2025-03-03', daysAhead: 6, status: 'late' }],
    ['after it took effect: late', '2025-03-12', 7, { dueBy: '2025-03-03', daysAhead: -2, status: 'late' }],
    ['no notice on file', null, 7, { dueBy: '2025-03-03', daysAhead: null, status: 'not_recorded' }],
    ['no notice rule in the contract', '2025-03-09', null, { dueBy: null, daysAhead: 1, status: 'no_rule' }],
  ] as const)('%s', (_, noticeGivenOn, noticeDays, expected) => {
    expect(assessChangeNotice({ effectiveOn: '2025-03-10', noticeGivenOn }, noticeDays)).toEqual(expected);
  });
});
