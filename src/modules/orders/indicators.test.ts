import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { countsOf } from '../../platform/indicator.ts';
import { onlineResponseCounts, onlineResponseRate, returnCounts, returnRate } from './indicators.ts';

let t: TestContext;
let zj: number;
let cg: number;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  t = await createTestContext('2026-03-02T09:00:00+08:00');
  zj = await t.addDepartment('ZJJ', '住建局');
  cg = await t.addDepartment('CGJ', '城管局');
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('zj', 'department', zj);
  await t.addUser('cg', 'department', cg);
});
afterAll(() => t.close());

const post = async (user: string, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: await t.as(user) });
const submit = async () =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      payload: { type: 'help', content: '求助', caller: { phone: '13900000000' } },
      remoteAddress: `10.1.1.${Math.floor(Math.random() * 250)}`,
    })
  ).json();
const idOf = async (number: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/orders?q=${number}`, headers: await t.as('agent') })).json()
    .items[0].id as number;

describe('KPI 2: online response within 1 working day', () => {
  it('counts responded in time, late and overdue; leaves out appealed and not-yet-due', async () => {
    // Monday 09:00 submissions are due 24:00 Tuesday
    const onTime = await idOf((await submit()).number);
    const late = await idOf((await submit()).number);
    const appealed = await idOf((await submit()).number);
    const overdue = await idOf((await submit()).number);
    await post('agent', `/api/orders/${onTime}/actions/accept`);
    await post('agent', `/api/orders/${appealed}/actions/appeal`, { reason: '恶意重复提交' });
    t.clock.set('2026-03-04T10:00:00+08:00');
    await post('agent', `/api/orders/${late}/actions/accept`);
    const waiting = await idOf((await submit()).number);
    const f = await onlineResponseRate(
      t.db.orm,
      at('2026-03-01T00:00:00'),
      at('2026-04-01T00:00:00'),
      t.clock.now(),
    );
    expect(f).toMatchObject({ numerator: 1, denominator: 3, evidence: { met: [onTime] } });
    expect(f.evidence.counted.sort()).toEqual([onTime, late, overdue].sort());
    expect(f.excluded).toEqual([
      { reason: 'under appeal', ids: [appealed] },
      { reason: 'response not yet due', ids: [waiting] },
    ]);
    // The assessment's counts mode counts exactly the records the drill-down lists (issue 18).
    expect(
      await onlineResponseCounts(
        t.db.orm,
        at('2026-03-01T00:00:00'),
        at('2026-04-01T00:00:00'),
        t.clock.now(),
      ),
    ).toEqual(countsOf(f));
  });
});

describe('KPI 3: returns caused by the operator’s misrouting', () => {
  it('counts only returns the office ruled the operator’s fault, per dispatch', async () => {
    const mk = async (dept: number) => {
      const o = (
        await post('agent', '/api/orders', { channel: 'phone', type: 'complaint', content: '噪音扰民' })
      ).json();
      await post('agent', `/api/orders/${o.id}/actions/dispatch`, { departmentId: dept });
      return o.id as number;
    };
    const fault = await mk(cg);
    const notFault = await mk(cg);
    const unjudged = await mk(cg);
    await mk(zj);
    for (const id of [fault, notFault, unjudged])
      await post('cg', `/api/orders/${id}/actions/return`, {
        reasonCode: 'not_our_duty',
        reason: '非本单位职责',
      });
    await post('office', `/api/orders/${fault}/actions/judge-return`, { operatorFault: true });
    await post('office', `/api/orders/${notFault}/actions/judge-return`, { operatorFault: false });
    await post('agent', `/api/orders/${fault}/actions/dispatch`, { departmentId: zj });
    const f = await returnRate(t.db.orm, at('2026-03-04T00:00:00'), at('2026-04-01T00:00:00'));
    expect(f).toMatchObject({ numerator: 1, denominator: 5 });
    expect(f.value).toBeCloseTo(0.2);
    expect(f.excluded[0]!.reason).toBe('return not yet judged');
    expect(await returnCounts(t.db.orm, at('2026-03-04T00:00:00'), at('2026-04-01T00:00:00'))).toEqual(
      countsOf(f),
    );
  });
});
