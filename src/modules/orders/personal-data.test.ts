import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealPersonalData } from '../../cli/reseal-personal-data.ts';
import { queryRows } from '../../db/rows.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { chainPendingAuditRows, recordAudit, verifyAuditChain } from '../../platform/audit.ts';
import {
  activeKeyring,
  addIndexKey,
  installKeyring,
  type KeyFile,
  keyringOf,
  retireOldIndexKeys,
} from '../../platform/keyring.ts';
import { reindexTable, staleIndexCount } from '../../platform/reseal.ts';
import { ORDER_SEAL_SPEC } from './personal-data.ts';
import { buildKeyring, open, SealError } from '../../platform/sm-crypto.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

/** Callers' personal data is sealed with SM4 at rest and opened only on the way out (docs/security-data.md). */
let t: TestContext;
const ORDER = {
  channel: 'phone',
  type: 'complaint',
  title: '噪音扰民',
  content: '楼下烧烤店深夜噪音扰民，请处理。',
  caller: { name: '李秀英', phone: '13912340001', callbackWanted: true },
  location: { district: '郾城区', address: '黄河路88号3单元' },
};

beforeAll(async () => {
  // A ring of known secrets, so the rotation test can add a second key to it.
  installKeyring(buildKeyring('k1', { k1: Buffer.alloc(32, 1) }, Buffer.alloc(32, 9)));
  t = await createTestContext();
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
});
afterAll(() => t.close());

type Raw = {
  id: number;
  caller_name: string;
  caller_phone: string;
  caller_phone_bidx: string;
  address: string;
};
const raw = (id: number) =>
  queryRows<Raw>(t.db.orm, sql`select * from orders where id = ${id}`).then((r) => r[0]!);

async function newOrder(payload: object = ORDER) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    payload,
    headers: await t.as('agent'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json().order ?? res.json()) as { id: number };
}

describe('orders at rest', () => {
  it('stores name, phone and address sealed, and shows them opened (detail) or masked (list)', async () => {
    const { id } = await newOrder();
    const row = await raw(id);
    for (const v of [row.caller_name, row.caller_phone, row.address]) expect(v).toMatch(/^sm4:k1:/);
    expect(JSON.stringify(row)).not.toContain('13912340001');
    expect(JSON.stringify(row)).not.toContain('李秀英');
    expect(row.caller_phone_bidx).toMatch(/^[\w-]{32}$/);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${id}`,
      headers: await t.as('office'),
    });
    expect(detail.json().caller).toMatchObject({ name: '李秀英', phone: '13912340001', masked: false });
    expect(detail.json().location.address).toBe('黄河路88号3单元');
    const list = await t.app.inject({ method: 'GET', url: '/api/orders', headers: await t.as('office') });
    expect(list.json().items.find((o: { id: number }) => o.id === id).caller).toMatchObject({
      name: '李**',
      phone: '139****0001',
    });
  });

  it('finds a caller by exact phone through the blind index, however the number is written', async () => {
    const headers = await t.as('office');
    for (const phone of ['13912340001', '139-1234-0001', '+86 139 1234 0001']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/orders?callerPhone=${encodeURIComponent(phone)}`,
        headers,
      });
      expect(res.json().total, phone).toBe(1);
    }
    const none = await t.app.inject({ method: 'GET', url: '/api/orders?callerPhone=13912340002', headers });
    expect(none.json().total).toBe(0);
  });

  it('refuses a sealed value that was tampered with or moved to another column', async () => {
    const { id } = await newOrder();
    const row = await raw(id);
    const ring = activeKeyring();
    const flipped = row.caller_phone.slice(0, -2) + (row.caller_phone.endsWith('A') ? 'BB' : 'AA');
    expect(() => open(ring, flipped, 'orders.caller_phone')).toThrow(SealError);
    expect(() => open(ring, row.caller_phone, 'orders.address')).toThrow(SealError);
  });

  it('seals rows written in clear before encryption, and rotation re-seals everything with the new key', async () => {
    await t.db.orm.execute(
      sql`insert into orders (number, channel, type, title, content, caller_name, caller_phone, address, status,
            received_at, created_at, updated_at)
          values ('LEGACY-1', 'phone', 'inquiry', '旧单', '旧单内容', '赵六', '13700009999', '老街1号', 'registered',
            now(), now(), now())`,
    );
    const sealed = await resealPersonalData(t.db.orm, activeKeyring(), 'plain');
    expect(sealed.orders).toBe(1);
    const [legacy] = await queryRows<Raw>(t.db.orm, sql`select * from orders where number = 'LEGACY-1'`);
    expect(legacy!.caller_phone).toMatch(/^sm4:k1:/);
    const found = await t.app.inject({
      method: 'GET',
      url: '/api/orders?callerPhone=13700009999',
      headers: await t.as('office'),
    });
    expect(found.json().total).toBe(1);

    await recordAudit(t.db.orm, SYSTEM_ACTOR, t.clock.now(), {
      action: 'update',
      entity: 'order',
      after: { callerPhone: '13700009999' },
    });
    // Linked into the chain before the rotation, so the check below covers hashes made with the old key.
    expect(await chainPendingAuditRows(t.db.orm)).toBeGreaterThan(0);
    installKeyring(
      buildKeyring('k2', { k1: Buffer.alloc(32, 1), k2: Buffer.alloc(32, 2) }, Buffer.alloc(32, 9)),
    );
    const counts = await resealPersonalData(t.db.orm, activeKeyring(), 'rotate', { batchSize: 2 });
    expect(counts.orders).toBe(3);
    expect(counts.audit_log).toBe(1);
    const phones = await queryRows<Raw>(t.db.orm, sql`select caller_phone from orders`);
    for (const p of phones) expect(p.caller_phone).toMatch(/^sm4:k2:/);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${legacy!.id}`,
      headers: await t.as('office'),
    });
    expect(detail.json().caller.phone).toBe('13700009999');
    // Re-sealed audit rows keep the chain valid: it hashes a keyed digest of the plain value.
    expect(await verifyAuditChain(t.db.orm)).toMatchObject({ ok: true, pending: expect.any(Number) });
    expect((await verifyAuditChain(t.db.orm)).entries).toBeGreaterThan(0);
    expect(await resealPersonalData(t.db.orm, activeKeyring(), 'rotate')).toMatchObject({ orders: 0 });
  });

  it('rotates the blind-index key: look-ups work before, during and after; resumable and idempotent', async () => {
    const b64 = (n: number) => Buffer.alloc(32, n).toString('base64');
    const file: KeyFile = { version: 1, current: 'k2', keys: { k1: b64(1), k2: b64(2) }, index: b64(9) };
    installKeyring(keyringOf(file));
    const lookup = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/orders?callerPhone=13700009999',
          headers: await t.as('office'),
        })
      ).json().total as number;
    expect(await lookup()).toBe(1);
    expect(addIndexKey(file)).toBe('i2');
    expect(file.chain).toBe(b64(9));
    installKeyring(keyringOf(file));
    const ring = activeKeyring();
    // Before any index is recomputed, the old key still finds the row.
    expect(await lookup()).toBe(1);
    const stale = await staleIndexCount(t.db.orm, ORDER_SEAL_SPEC, ring);
    expect(stale).toBeGreaterThan(1);
    // Interrupted after one batch of one row: half-done, still found.
    expect(await reindexTable(t.db.orm, ORDER_SEAL_SPEC, ring, { batchSize: 1, maxBatches: 1 })).toBe(1);
    expect(await staleIndexCount(t.db.orm, ORDER_SEAL_SPEC, ring)).toBe(stale - 1);
    expect(await lookup()).toBe(1);
    // Run again: finishes the rest, then finds nothing to do.
    expect(await reindexTable(t.db.orm, ORDER_SEAL_SPEC, ring, { batchSize: 2 })).toBe(stale - 1);
    expect(await reindexTable(t.db.orm, ORDER_SEAL_SPEC, ring)).toBe(0);
    expect(await staleIndexCount(t.db.orm, ORDER_SEAL_SPEC, ring)).toBe(0);
    const rows = await queryRows<Raw>(
      t.db.orm,
      sql`select caller_phone_bidx from orders where caller_phone <> ''`,
    );
    for (const r of rows) expect(r.caller_phone_bidx).toMatch(/^i2:/);
    expect(retireOldIndexKeys(file)).toEqual(['i1']);
    installKeyring(keyringOf(file));
    expect(activeKeyring().oldIndexKeys.size).toBe(0);
    expect(await lookup()).toBe(1);
    // The audit chain's digests use the pinned first index key: every row still verifies.
    expect((await verifyAuditChain(t.db.orm)).ok).toBe(true);
  });
});
