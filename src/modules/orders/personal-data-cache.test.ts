import { describe, expect, it } from 'vitest';
import { buildKeyring, seal } from '../../platform/sm-crypto.ts';
import { OPENED_CACHE_MAX, openCaller, openedCacheSize } from './personal-data.ts';

/** The in-process cache of opened callers (issue 18): same answers as opening, bounded, per key ring. */
const ring = buildKeyring('k1', { k1: Buffer.alloc(32, 3) }, Buffer.alloc(32, 4));
const sealedRow = (name: string, r = ring) => ({
  callerName: seal(r, name, 'orders.caller_name'),
  callerPhone: seal(r, '13800001234', 'orders.caller_phone'),
  address: seal(r, '人民路1号', 'orders.address'),
});

describe('opened callers kept in process', () => {
  it('answers a second read of the same row as the first, without another decryption', () => {
    const row = sealedRow('王芳');
    const first = openCaller(row, ring);
    const size = openedCacheSize();
    expect(openCaller(row, ring)).toEqual(first);
    expect(openCaller({ ...row }, ring)).toEqual({
      callerName: '王芳',
      callerPhone: '13800001234',
      address: '人民路1号',
    });
    expect(openedCacheSize()).toBe(size);
  });

  it('still refuses a sealed value moved to another column, even once opened in its own', () => {
    const row = sealedRow('赵敏');
    openCaller(row, ring);
    expect(() => openCaller({ callerName: row.callerPhone }, ring)).toThrow(/MAC/);
  });

  it('still refuses a tampered value', () => {
    const row = sealedRow('刘洋');
    openCaller(row, ring);
    const tampered = `${row.callerName.slice(0, -3)}${row.callerName.endsWith('A') ? 'B' : 'A'}AA`;
    expect(() => openCaller({ callerName: tampered }, ring)).toThrow();
  });

  it('stays bounded, and starts again under another key ring', () => {
    for (let i = 0; i < OPENED_CACHE_MAX + 50; i++)
      openCaller({ callerName: seal(ring, `甲${i}`, 'orders.caller_name') }, ring);
    expect(openedCacheSize()).toBe(OPENED_CACHE_MAX);
    const other = buildKeyring('k2', { k2: Buffer.alloc(32, 5) }, Buffer.alloc(32, 6));
    expect(openCaller(sealedRow('陈静', other), other).callerName).toBe('陈静');
    expect(openedCacheSize()).toBe(3);
  });

  it('passes plain and empty values through', () => {
    expect(openCaller({ callerName: null, callerPhone: '13800001234', address: '' }, ring)).toEqual({
      callerName: null,
      callerPhone: '13800001234',
      address: '',
    });
  });
});
