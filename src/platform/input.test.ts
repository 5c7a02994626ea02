import { describe, expect, it } from 'vitest';
import { findHostileInput, isStrictDate, parseStrictInstant, zId, zInstant } from './input.ts';

describe('strict ISO 8601', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['0000-01-01', false],
    ['1899-12-31', false],
    ['2200-12-31', true],
    ['2201-01-01', false],
    ['-1', false],
    ['2026-2-3', false],
  ])('%s is a real date: %s', (s, ok) => {
    expect(isStrictDate(s)).toBe(ok);
  });

  it('reads a date as the city midnight and a bare date-time in Beijing time', () => {
    expect(parseStrictInstant('2026-03-02')?.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(parseStrictInstant('2026-03-02 10:00')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(parseStrictInstant('2026-03-02T10:00:00Z')?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(parseStrictInstant('2026-03-02T10:00:00.123+0800')?.toISOString()).toBe(
      '2026-03-02T02:00:00.123Z',
    );
  });

  it.each([
    '-1',
    '1',
    '2026-02-30T10:00:00Z',
    '2026-03-02T24:00:00Z',
    '2026-03-02T10:60Z',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00Z',
    '2026-03-02T10:00:00+15:00',
    'tomorrow',
  ])('refuses %s instead of guessing', (s) => {
    expect(parseStrictInstant(s)).toBeNull();
    expect(zInstant.safeParse(s).success).toBe(false);
  });
});

describe('ids', () => {
  it('keeps ids within PostgreSQL int4', () => {
    expect(zId.safeParse('2147483647').success).toBe(true);
    expect(zId.safeParse('2147483648').success).toBe(false);
    expect(zId.safeParse('0').success).toBe(false);
    expect(zId.safeParse('1e400').success).toBe(false);
    expect(zId.safeParse('abc').success).toBe(false);
  });
});

describe('hostile strings', () => {
  it('names the field holding a NUL, a lone surrogate or an oversize value, keys included', () => {
    expect(findHostileInput({ caller: { name: 'a\u0000b' } }, '')).toEqual({
      field: 'caller.name',
      message: 'contains a NUL character',
    });
    expect(findHostileInput({ tags: ['ok', '\ud800'] }, '')?.field).toBe('tags.1');
    expect(findHostileInput({ x: 'y\udc00' }, '')?.message).toMatch(/surrogate/);
    expect(findHostileInput({ ['k\u0000']: 1 }, '')?.message).toMatch(/field name/);
    expect(findHostileInput({ t: 'x'.repeat(100_001) }, '')?.field).toBe('t');
    expect(findHostileInput({ ok: '你好😀', n: 1, b: null }, '')).toBeNull();
  });
});
