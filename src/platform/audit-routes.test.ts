import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.ts';
import { asc, eq } from 'drizzle-orm';
import { verifyAuditChain } from './audit.ts';
import { auditLog } from './schema.ts';

/** GET /api/audit and the audit rows that reads of personal data leave, over HTTP. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('admin', 'admin');
  await t.addUser('kb', 'kb_editor');
});
afterAll(() => t.close());

const get = async (user: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { ...(await t.as(user)), 'user-agent': 'audit-test/1' } });

describe('GET /api/audit', () => {
  it('records who read a caller in full, from which address and agent, and the office can read it back', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await t.as('agent'),
      payload: {
        channel: 'phone',
        type: 'inquiry',
        content: '公积金提取需要什么材料？',
        caller: { name: '钱女士', phone: '13900001111' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json().order ?? created.json()).id as number;
    expect((await get('office', `/api/orders/${id}`)).statusCode).toBe(200);
    const res = await get('office', `/api/audit?action=view_personal_data&entity=order&entityId=${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      action: 'view_personal_data',
      actorRole: 'office',
      clientAddress: '127.0.0.1',
      userAgent: 'audit-test/1',
    });
    expect(body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by user and time, pages, and refuses other roles and bad filters naming the field', async () => {
    const officeId = (await get('office', '/api/auth/me')).json().user.id as number;
    const byUser = await get('admin', `/api/audit?entity=user&action=login&pageSize=1&page=1`);
    expect(byUser.statusCode).toBe(200);
    expect(byUser.json().items).toHaveLength(1);
    expect(byUser.json().total).toBeGreaterThanOrEqual(3);
    const mine = await get('admin', `/api/audit?userId=${officeId}`);
    expect(mine.json().total).toBeGreaterThan(0);
    expect(mine.json().items.every((i: { actorId: number }) => i.actorId === officeId)).toBe(true);
    const future = await get('office', '/api/audit?from=2030-01-01T00:00:00%2B08:00');
    expect(future.json()).toMatchObject({ total: 0, items: [] });
    expect((await get('agent', '/api/audit')).statusCode).toBe(403);
    expect((await get('kb', '/api/audit')).statusCode).toBe(403);
    const bad = await get('office', '/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('from');
    const huge = await get('office', '/api/audit?userId=99999999999');
    expect(huge.statusCode).toBe(400);
  });

  it('audits the office reading call records with full numbers', async () => {
    const push = await t.addUser('switch1', 'switch');
    expect(push).toBeGreaterThan(0);
    const ev = await t.app.inject({
      method: 'POST',
      url: '/api/calls/events',
      headers: await t.as('switch1'),
      payload: {
        type: 'offered',
        callId: 'c-1',
        at: '2025-03-03T09:00:00+08:00',
        callerNumber: '13812345678',
      },
    });
    expect(ev.statusCode, ev.body).toBeLessThan(300);
    const list = await get(
      'office',
      '/api/calls?from=2025-03-01T00:00:00%2B08:00&to=2025-03-04T00:00:00%2B08:00',
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items[0].callerNumber).toBe('13812345678');
    const audit = await get('office', '/api/audit?entity=calls&action=view_personal_data');
    expect(audit.json().total).toBe(1);
    expect((await verifyAuditChain(t.db.orm)).ok).toBe(true);
  });
});

describe('GET /api/audit/verify', () => {
  it('reports the chain intact, then the first hand-edited row; office and admin only', async () => {
    const ok = await get('admin', '/api/audit/verify');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.json().entries).toBeGreaterThan(3);
    expect((await get('agent', '/api/audit/verify')).statusCode).toBe(403);
    const rows = await t.db.orm.select().from(auditLog).orderBy(asc(auditLog.id)).limit(3);
    await t.db.orm.update(auditLog).set({ action: 'nothing_to_see' }).where(eq(auditLog.id, rows[2]!.id));
    const broken = await get('office', '/api/audit/verify');
    expect(broken.json()).toMatchObject({
      ok: false,
      entries: 2,
      firstBroken: { id: rows[2]!.id, reason: 'edited', action: 'nothing_to_see' },
    });
    // Each check is recorded.
    const checks = await get('office', '/api/audit?action=audit_verify');
    expect(checks.json().total).toBe(2);
  });
});
