import { describe, expect, it } from 'vitest';
import { assessReplacement, type ReplacementFacts } from './replacements.ts';

const asked = (over: Partial<ReplacementFacts>): ReplacementFacts => ({
  requestedOn: '2025-03-01',
  status: 'fulfilled',
  memberEndDate: '2025-03-03',
  replacementStartDate: '2025-03-04',
  ...over,
});

describe('assessReplacement (Sanmenxia art. 12.2: within 3 days)', () => {
  it.each([
    ['replaced on day 3: in time', asked({}), '2025-03-10', '2025-03-04', 3, false],
    [
      'new member on day 4: late',
      asked({ replacementStartDate: '2025-03-05' }),
      '2025-03-10',
      '2025-03-05',
      4,
      true,
    ],
    [
      'handover: new starts day 2, old leaves day 3',
      asked({ replacementStartDate: '2025-03-02', memberEndDate: '2025-03-04' }),
      '2025-03-10',
      '2025-03-04',
      3,
      false,
    ],
    [
      'the unfit member stays to day 4: late',
      asked({ replacementStartDate: '2025-03-02', memberEndDate: '2025-03-05' }),
      '2025-03-10',
      '2025-03-05',
      4,
      true,
    ],
    [
      'open, still within 3 days',
      asked({ status: 'open', memberEndDate: null, replacementStartDate: null }),
      '2025-03-04',
      null,
      3,
      false,
    ],
    [
      'open after the 3 days',
      asked({ status: 'open', memberEndDate: null, replacementStartDate: null }),
      '2025-03-05',
      null,
      4,
      true,
    ],
    ['recorded ahead of its dates: not yet done', asked({}), '2025-03-03', null, 2, false],
  ] as const)('%s', (_, facts, asOf, replacedOn, days, late) => {
    expect(assessReplacement(facts, 3, asOf)).toEqual({ replacedOn, days, dueOn: '2025-03-04', late });
  });

  it('does not judge a withdrawn request, nor one without a time limit', () => {
    expect(assessReplacement(asked({ status: 'withdrawn' }), 3, '2025-03-10')).toEqual({
      replacedOn: null,
      days: null,
      dueOn: '2025-03-04',
      late: null,
    });
    expect(assessReplacement(asked({ replacementStartDate: '2025-03-09' }), null, '2025-03-10')).toEqual({
      replacedOn: '2025-03-09',
      days: 8,
      dueOn: null,
      late: null,
    });
  });
});
