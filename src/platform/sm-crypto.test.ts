import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildKeyring, open, phoneIndex, phoneIndexes, seal, sealMany } from './sm-crypto.ts';
import { sm3Finish, sm3StateAfter } from './sm3-js.ts';

/**
 * Sealing chains SM4-CBC over one ECB cipher per key and continues HMAC-SM3 from cached states (issue 18): the
 * bytes must be exactly those of OpenSSL's `sm4-cbc` and `createHmac('sm3')`, both ways, or stored data would
 * stop opening.
 */
const ring = buildKeyring('k1', { k1: randomBytes(32) }, randomBytes(32));
const key = ring.keys.get('k1')!;
const CONTEXT = 'calls.caller_number';

function referenceOpen(sealed: string, context: string): string {
  const body = Buffer.from(sealed.slice('sm4:k1:'.length), 'base64url');
  const iv = body.subarray(0, 16);
  const ct = body.subarray(16, body.length - 32);
  const mac = createHmac('sm3', key.mac).update(`k1|${context}|`).update(iv).update(ct).digest();
  expect(mac.equals(body.subarray(body.length - 32))).toBe(true);
  const d = createDecipheriv('sm4-cbc', key.enc, iv);
  return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
}

function referenceSeal(plain: string, context: string): string {
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-cbc', key.enc, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  const mac = createHmac('sm3', key.mac).update(`k1|${context}|`).update(iv).update(ct).digest();
  return `sm4:k1:${Buffer.concat([iv, ct, mac]).toString('base64url')}`;
}

const VALUES = [
  '13800001234',
  'x',
  'a'.repeat(15),
  'a'.repeat(16),
  'a'.repeat(33),
  '河南省漯河市源汇区人民路1号院3单元',
];

describe('SM4-CBC + HMAC-SM3 sealing', () => {
  it('seals what OpenSSL’s sm4-cbc and HMAC-SM3 open, block boundaries and multi-byte text included', () => {
    for (const v of VALUES) {
      expect(referenceOpen(seal(ring, v, CONTEXT), CONTEXT)).toBe(v);
      expect(referenceOpen(seal(ring, v, 'orders.address'), 'orders.address')).toBe(v);
    }
  });

  it('opens what OpenSSL sealed, and refuses a value moved to another context', () => {
    for (const v of VALUES) expect(open(ring, referenceSeal(v, CONTEXT), CONTEXT)).toBe(v);
    expect(() => open(ring, seal(ring, '13800001234', CONTEXT), 'orders.caller_phone')).toThrow(/MAC/);
  });

  it('never repeats an IV', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++)
      ivs.add(
        Buffer.from(seal(ring, '1', CONTEXT).slice(7), 'base64url')
          .subarray(0, 16)
          .toString('hex'),
      );
    expect(ivs.size).toBe(1000);
  });

  it('seals many values at once into what OpenSSL opens, null and empty kept, long values too', () => {
    const values = [...VALUES, null, '', '1'.repeat(14), '漯河12345', '河南省漯'];
    const sealed = sealMany(ring, values, CONTEXT);
    values.forEach((v, i) => {
      if (!v) expect(sealed[i]).toBe(v);
      else expect(referenceOpen(sealed[i]!, CONTEXT)).toBe(v);
    });
    const ivs = new Set(sealed.filter(Boolean).map((s) => s!.slice(7, 29)));
    expect(ivs.size).toBe(values.filter(Boolean).length);
    expect(() =>
      open(ring, sealMany(ring, ['13800001234'], CONTEXT)[0]!, 'call_callbacks.caller_number'),
    ).toThrow(/MAC/);
  });

  it('computes HMAC-SM3 in JavaScript as OpenSSL does, for every message length it is used with', () => {
    const ipad = Buffer.alloc(64, 0x36);
    const opad = Buffer.alloc(64, 0x5c);
    for (let i = 0; i < 32; i++) {
      ipad[i]! ^= key.mac[i]!;
      opad[i]! ^= key.mac[i]!;
    }
    for (let len = 0; len <= 183; len++) {
      const msg = randomBytes(len);
      const inner = Buffer.alloc(32);
      const mac = Buffer.alloc(32);
      sm3Finish(sm3StateAfter(ipad), 64, [msg.subarray(0, len >> 1), msg.subarray(len >> 1)], inner, 0);
      sm3Finish(sm3StateAfter(opad), 64, [inner], mac, 0);
      expect(mac.equals(createHmac('sm3', key.mac).update(msg).digest())).toBe(true);
    }
  });
});

describe('phone blind index', () => {
  it('is OpenSSL’s HMAC-SM3 of the normalised phone under the index key, current and older ones alike', () => {
    const rotated = buildKeyring('k1', { k1: randomBytes(32) }, randomBytes(32), {
      id: 'i2',
      old: { i1: randomBytes(32) },
    });
    const reference = (k: Buffer, n: string) =>
      createHmac('sm3', k).update(`phone:${n}`).digest().toString('base64url').slice(0, 32);
    for (const phone of ['13800001234', '+86 138-0000-1234', '0396-1234567', '12345']) {
      const n = phone.replace(/\D/g, '').replace(/^(0086|86)(?=1\d{10}$)/, '');
      expect(phoneIndex(ring, phone)).toBe(reference(ring.indexKey, n));
      // Twice: the second answer continues from the cached key states.
      expect(phoneIndex(ring, phone)).toBe(reference(ring.indexKey, n));
      expect(phoneIndexes(rotated, phone)).toEqual([
        `i2:${reference(rotated.indexKey, n)}`,
        reference(rotated.oldIndexKeys.get('i1')!, n),
      ]);
    }
  });
});
