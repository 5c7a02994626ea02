import { describe, expect, it } from 'vitest';
import { historyRefusal, type RecordedStep, stepRefusal } from './history-check.ts';

const step = (action: string, from: RecordedStep['from'], to: RecordedStep['to'], role = 'agent') => ({
  action,
  from,
  to,
  role,
});

describe('a recorded step held to the transition table', () => {
  it.each([
    ['staff intake', step('create', null, 'registered'), null, null],
    ['online intake', step('submit', null, 'submitted', 'citizen'), null, null],
    ['dispatch', step('dispatch', 'registered', 'dispatched'), 'registered', null],
    ['a callback that reopens', step('callback', 'replied', 'dispatched'), 'replied', null],
    ['an unreached callback keeps the status', step('callback', 'replied', 'replied'), 'replied', null],
    [
      'the sweep warns without a change',
      step('deadline-warning', 'dispatched', 'dispatched', 'system'),
      'dispatched',
      null,
    ],
  ] as const)('allows %s', (_name, s, previous, expected) => {
    expect(stepRefusal(s, previous)).toBe(expected);
  });

  it.each([
    ['a history that opens with an action', step('dispatch', null, 'dispatched'), null, /intake/],
    ['intake to the wrong status', step('create', null, 'submitted'), null, /leads to registered/],
    [
      'a step from a status the order was not in',
      step('sign', 'in_progress', 'in_progress', 'department'),
      'dispatched',
      /was dispatched/,
    ],
    [
      'an action from the wrong status',
      step('close', 'dispatched', 'closed'),
      'dispatched',
      /not allowed from dispatched/,
    ],
    [
      'a role the table does not name',
      step('sign', 'dispatched', 'in_progress', 'agent'),
      'dispatched',
      /agent may not sign/,
    ],
    [
      'a target the action cannot reach',
      step('accept', 'submitted', 'closed'),
      'submitted',
      /cannot lead to closed/,
    ],
    ['an unknown action', step('teleport', 'registered', 'closed'), 'registered', /no transition/],
    [
      'a record-only event that changes status',
      step('auto-supervise', 'dispatched', 'closed', 'system'),
      'dispatched',
      /may not change/,
    ],
  ] as const)('refuses %s', (_name, s, previous, expected) => {
    expect(stepRefusal(s, previous)).toMatch(expected);
  });

  it('names the first illegal step of a history', () => {
    const ok = [step('create', null, 'registered'), step('dispatch', 'registered', 'dispatched')];
    expect(historyRefusal(ok)).toBeNull();
    expect(historyRefusal([...ok, step('reply', 'dispatched', 'replied', 'agent')])).toEqual({
      index: 2,
      reason: 'agent may not reply',
    });
  });
});
