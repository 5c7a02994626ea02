import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { createTestDb } from '../testing/test-db.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { chainPendingAuditRows, recordAudit, startAuditChainer, verifyAuditChain } from './audit.ts';
import { canonicalJson } from './audit-chain.ts';
import { runWithClient } from './request-context.ts';

const at = (m: number) => new Date(Date.UTC(2025, 2, 3, 2, m));
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

async function append(n: number, from = 0) {
  for (let i = 0; i < n; i++)
    await recordAudit(db.orm, SYSTEM_ACTOR, at(from + i), {
      action: 'update',
      entity: 'thing',
      entityId: from + i,
      before: { n: i, nested: { b: 1, a: [1, 'x'] } },
      after: { n: i + 1, when: at(i) },
    });
}

describe('canonical form', () => {
  it('does not depend on key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
});

describe('the SM3 audit chain', () => {
  it('verifies an untouched chain, with the client recorded and personal values sealed', async () => {
    await runWithClient({ address: '10.1.2.3', userAgent: 'probe/1.0' }, () =>
      recordAudit(db.orm, SYSTEM_ACTOR, at(0), {
        action: 'create',
        entity: 'order',
        entityId: 1,
        after: { callerPhone: '13912345678', callerName: '王小明', title: '路灯' },
      }),
    );
    await append(4, 1);
    const [first] = await queryRows<Record<string, unknown>>(
      db.orm,
      sql`select * from audit_log order by id`,
    );
    if (!first) throw new Error('no audit row');
    expect(first.client_address).toBe('10.1.2.3');
    expect(first.user_agent).toBe('probe/1.0');
    expect(JSON.stringify(first.after)).not.toContain('13912345678');
    expect(JSON.stringify(first.after)).not.toContain('王小明');
    expect(JSON.stringify(first.after)).toContain('路灯');
    // Written pending: durable, not linked yet, and not a break.
    expect(first.hash).toBeNull();
    expect(await verifyAuditChain(db.orm)).toMatchObject({ ok: true, entries: 0, pending: 5 });
    expect(await chainPendingAuditRows(db.orm)).toBe(5);
    expect(await verifyAuditChain(db.orm, 2)).toMatchObject({
      ok: true,
      entries: 5,
      pending: 0,
      firstBroken: null,
    });
  });

  it('names the first row edited by hand in SQL', async () => {
    await db.orm.execute(sql`update audit_log set after = '{"n": 99}' where id = 3`);
    const v = await verifyAuditChain(db.orm);
    expect(v.ok).toBe(false);
    expect(v.entries).toBe(2);
    expect(v.firstBroken).toMatchObject({ id: 3, reason: 'edited' });
  });

  it('detects a row deleted in the middle and rows deleted at the end', async () => {
    await db.orm.execute(sql`delete from audit_log`);
    await db.orm.execute(sql`delete from audit_chain_head`);
    await append(5);
    await chainPendingAuditRows(db.orm);
    const ids = (await queryRows<{ id: string }>(db.orm, sql`select id from audit_log order by id`)).map(
      (r) => Number(r.id),
    );
    await db.orm.execute(sql`delete from audit_log where id = ${ids[2]}`);
    expect((await verifyAuditChain(db.orm)).firstBroken).toMatchObject({
      id: ids[3],
      reason: 'deleted_before',
    });
    await db.orm.execute(sql`delete from audit_log where id >= ${ids[2]}`);
    const v = await verifyAuditChain(db.orm);
    expect(v).toMatchObject({ ok: false, entries: 2 });
    expect(v.firstBroken).toMatchObject({ reason: 'deleted_at_end', id: ids[4] });
  });

  it('does not fork under concurrent writers, and chains rows written before the chain existed', async () => {
    await db.orm.execute(sql`delete from audit_log`);
    await db.orm.execute(sql`delete from audit_chain_head`);
    await db.orm.execute(
      sql`insert into audit_log (at, actor_role, action, entity) values (now(), 'system', 'legacy', 'x'), (now(), 'system', 'legacy', 'y')`,
    );
    expect(await chainPendingAuditRows(db.orm)).toBe(2);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.orm.transaction(async (tx) => {
          await recordAudit(tx, SYSTEM_ACTOR, at(i), { action: 'a', entity: 'e', entityId: i });
          await recordAudit(tx, SYSTEM_ACTOR, at(i), { action: 'b', entity: 'e', entityId: i });
        }),
      ),
    );
    expect(await chainPendingAuditRows(db.orm)).toBe(24);
    expect(await verifyAuditChain(db.orm)).toMatchObject({ ok: true, entries: 26 });
  });

  it('leaves no trace of a rolled-back change, and the chain stays whole', async () => {
    await db.orm
      .transaction(async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, at(0), { action: 'doomed', entity: 'e' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await chainPendingAuditRows(db.orm)).toBe(0);
    expect(await verifyAuditChain(db.orm)).toMatchObject({ ok: true, entries: 26, pending: 0 });
  });
});

const reset = async () => {
  await db.orm.execute(sql`delete from audit_log`);
  await db.orm.execute(sql`delete from audit_chain_head`);
};
const idsInChainOrder = async () =>
  (await queryRows<{ id: string }>(db.orm, sql`select id from audit_log order by chain_seq`)).map((r) =>
    Number(r.id),
  );

describe('pending rows linked by the chainer (issue 18)', () => {
  it('links a row that became visible after later ids were linked, in the order rows became visible', async () => {
    await reset();
    await append(3);
    expect(await chainPendingAuditRows(db.orm)).toBe(3);
    const ids = await idsInChainOrder();
    // A transaction that took its id before the others and committed after they were linked.
    const late = ids[0]! - 1;
    await db.orm.execute(
      sql`insert into audit_log (id, at, actor_role, action, entity) values (${late}, now(), 'system', 'late', 'x')`,
    );
    await append(1, 10);
    expect(await verifyAuditChain(db.orm)).toMatchObject({ ok: true, entries: 3, pending: 2 });
    expect(await chainPendingAuditRows(db.orm)).toBe(2);
    const order = await idsInChainOrder();
    expect(order.slice(0, 4)).toEqual([...ids, late]);
    expect(await verifyAuditChain(db.orm)).toMatchObject({ ok: true, entries: 5, pending: 0 });
  });

  it('still names a linked row edited, deleted, or taken out of the chain by hand', async () => {
    const ids = await idsInChainOrder();
    await db.orm.execute(sql`update audit_log set action = 'forged' where id = ${ids[3]}`);
    expect((await verifyAuditChain(db.orm)).firstBroken).toMatchObject({ id: ids[3], reason: 'edited' });
    await db.orm.execute(sql`update audit_log set action = 'late' where id = ${ids[3]}`);
    expect((await verifyAuditChain(db.orm)).ok).toBe(true);
    // Unlinking a row so the chainer would link it again, edited, at the end: the row after it breaks.
    await db.orm.execute(sql`update audit_log set hash = null, chain_seq = null where id = ${ids[1]}`);
    expect(await chainPendingAuditRows(db.orm)).toBe(1);
    expect((await verifyAuditChain(db.orm)).firstBroken).toMatchObject({
      id: ids[2],
      reason: 'deleted_before',
    });
    await reset();
    await append(4);
    await chainPendingAuditRows(db.orm);
    const fresh = await idsInChainOrder();
    // Clearing only the hash leaves the row in place, reported, and the chainer leaves it alone.
    await db.orm.execute(sql`update audit_log set hash = null where id = ${fresh[1]}`);
    expect(await chainPendingAuditRows(db.orm)).toBe(0);
    expect((await verifyAuditChain(db.orm)).firstBroken).toMatchObject({ id: fresh[1], reason: 'unsealed' });
    await reset();
    await append(4);
    await chainPendingAuditRows(db.orm);
    const last = (await idsInChainOrder()).at(-1)!;
    await db.orm.execute(sql`delete from audit_log where id = ${last}`);
    expect((await verifyAuditChain(db.orm)).firstBroken).toMatchObject({ reason: 'deleted_at_end' });
  });

  it('many parallel appends, read and change, with chainers running meanwhile: one chain that verifies', async () => {
    await reset();
    const chainers = Array.from({ length: 3 }, () => startAuditChainer(db.orm, 5));
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        i % 3
          ? recordAudit(db.orm, SYSTEM_ACTOR, at(i), { action: 'view', entity: 'e', entityId: i })
          : db.orm.transaction((tx) =>
              recordAudit(tx, SYSTEM_ACTOR, at(i), {
                action: 'change',
                entity: 'e',
                entityId: i,
                after: { phone: '13800001111' },
              }),
            ),
      ),
    );
    await Promise.all(chainers.map((c) => c.stop()));
    expect(await verifyAuditChain(db.orm)).toMatchObject({ ok: true, entries: 120, pending: 0 });
    const [seqs] = await queryRows<{ n: number; lo: number; hi: number }>(
      db.orm,
      sql`select count(distinct chain_seq)::int n, min(chain_seq)::int lo, max(chain_seq)::int hi from audit_log`,
    );
    expect(seqs).toEqual({ n: 120, lo: 1, hi: 120 });
  });
});
