import { describe, expect, it } from 'vitest';
import { databaseBusyReason } from './busy.ts';

/** drizzle wraps the driver's error: the SQLSTATE is on its cause. */
const wrapped = (cause: object) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('databaseBusyReason', () => {
  it('names the limit a wait reached, through the query error that wraps it', () => {
    expect(databaseBusyReason(wrapped({ code: '55P03' }))).toContain('lock_timeout');
    expect(databaseBusyReason(wrapped({ code: '57014' }))).toContain('statement_timeout');
    expect(databaseBusyReason({ code: '25P03' })).toContain('idle_in_transaction');
    expect(databaseBusyReason(new Error('timeout exceeded when trying to connect'))).toContain('pool wait');
    expect(databaseBusyReason(new Error('Connection terminated unexpectedly'))).toContain('lost');
  });
  it('leaves every other failure alone', () => {
    expect(databaseBusyReason(wrapped({ code: '23505' }))).toBeNull();
    expect(databaseBusyReason(new Error('boom'))).toBeNull();
    expect(databaseBusyReason(undefined)).toBeNull();
  });
});
