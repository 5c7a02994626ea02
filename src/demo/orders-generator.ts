import { addDays, localDateOf, startOfLocalDay } from '../calendar/local-time.ts';
import { loadCalendar } from '../calendar/service.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../platform/actor.ts';
import { createRandom, type Random } from '../platform/random.ts';
import { yieldToEventLoop } from '../platform/yield.ts';
import { actorOf, listCategories, type User } from '../modules/directory/index.ts';
import {
  applyOrderAction,
  type ActionInput,
  type ActionName,
  createOrder,
  DEFAULT_ORDER_SETTINGS,
  runDeadlineSweep,
  submitPublicOrder,
} from '../modules/orders/index.ts';
import {
  DEMO_COMMUNITIES,
  DEMO_COMPANIES,
  DEMO_DISTRICTS,
  DEMO_GIVEN_NAMES,
  DEMO_REPLY_TEMPLATES,
  DEMO_REQUEST_TEMPLATES,
  DEMO_RETURN_REASONS,
  DEMO_SURNAMES,
} from './city-data.ts';
import type { DemoAccounts } from './seed.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Share of intake by channel, roughly as Henan hotlines report it (phone dominates). */
const CHANNEL_WEIGHTS = [
  ['phone', 70],
  ['web', 9],
  ['wechat', 9],
  ['app', 6],
  ['email', 2],
  ['letter', 2],
  ['transfer', 2],
] as const;

/** Calls by hour of day: a daytime peak, a lull at lunch, a thin night (the hotline runs 7×24). */
const HOUR_WEIGHTS = Array.from(
  { length: 24 },
  (_, h) => [h, h < 7 ? 1 : h < 8 ? 3 : h < 12 ? 9 : h < 14 ? 5 : h < 18 ? 8 : h < 22 ? 4 : 2] as const,
);

interface Context {
  db: Db;
  now: Date;
  rnd: Random;
  accounts: DemoAccounts;
  leaves: { id: number; code: string; departmentId: number | null; timeLimit: number }[];
  departmentIds: number[];
  lastOrderOfLeaf: Map<string, number>;
  handlerOf: (departmentId: number) => Actor;
  isWorkday: (d: string) => boolean;
}

export interface DemoOrderStats {
  orders: number;
  actions: number;
}

function fill(template: string, rnd: Random, district: (typeof DEMO_DISTRICTS)[number]): string {
  return template
    .replaceAll('{district}', district.name)
    .replaceAll('{street}', rnd.pick(district.streets))
    .replaceAll('{road}', rnd.pick(district.roads))
    .replaceAll('{community}', rnd.pick(DEMO_COMMUNITIES))
    .replaceAll('{company}', rnd.pick(DEMO_COMPANIES));
}

/** A time of receipt in the last `days` days: rest days get about half the traffic of working days. */
function receivedTime(c: Context, days: number): Date {
  for (;;) {
    const day = addDays(localDateOf(c.now), -c.rnd.int(0, days - 1));
    if (!c.isWorkday(day) && c.rnd.chance(0.5)) continue;
    const t = new Date(
      startOfLocalDay(day).getTime() + c.rnd.weighted(HOUR_WEIGHTS) * HOUR + c.rnd.int(0, 3599) * 1000,
    );
    if (t.getTime() < c.now.getTime() - HOUR) return t;
  }
}

/** Runs one order through a plausible life, stopping at the first step that would lie in the future. */
async function simulateOrder(c: Context, stats: DemoOrderStats, windowDays: number): Promise<void> {
  const { rnd, now } = c;
  const leaf = rnd.pick(c.leaves);
  const template = rnd.pick(DEMO_REQUEST_TEMPLATES[leaf.code]!);
  const district = rnd.pick(DEMO_DISTRICTS);
  const channel = rnd.weighted(CHANNEL_WEIGHTS);
  const agent = actorOf(rnd.pick(c.accounts.agents));
  const office = actorOf(rnd.pick(c.accounts.office));
  const anonymous = rnd.chance(0.06);
  const caller = {
    name: anonymous
      ? null
      : `${rnd.pick(DEMO_SURNAMES)}${rnd.chance(0.5) ? rnd.pick(DEMO_GIVEN_NAMES) : rnd.chance(0.5) ? '先生' : '女士'}`,
    phone: `1${rnd.pick(['3', '5', '7', '8', '9'])}${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`,
    anonymous,
    callbackWanted: !rnd.chance(0.1),
  };
  let t = receivedTime(c, windowDays);
  const base = {
    type: template.type,
    title: fill(template.title, rnd, district),
    content: fill(template.content, rnd, district),
    caller,
    location: { district: district.name, address: `${rnd.pick(district.roads)}${rnd.int(1, 300)}号` },
  };
  let id: number;
  if (channel === 'web' || channel === 'wechat' || channel === 'app') {
    id = (
      await submitPublicOrder(c.db.orm, { ...base, channel, caller: { ...caller, phone: caller.phone } }, t)
    ).order.id;
  } else {
    id = (
      await createOrder(
        c.db.orm,
        agent,
        { ...base, channel, categoryId: leaf.id, urgency: rnd.chance(0.05) ? 'urgent' : 'normal' },
        t,
      )
    ).order.id;
  }
  stats.orders++;
  const earlier = c.lastOrderOfLeaf.get(leaf.code);
  const step = async <A extends ActionName>(
    actor: Actor,
    action: A,
    input: ActionInput<A>,
    delay: number,
  ): Promise<boolean> => {
    const at = new Date(t.getTime() + delay);
    if (at.getTime() > now.getTime()) return false;
    t = at;
    // One short transaction per action, with the event loop's turn before it: requests wait for one action, not a whole order.
    await yieldToEventLoop();
    await applyOrderAction(c.db.orm, actor, id, action, input, t, DEFAULT_ORDER_SETTINGS);
    stats.actions++;
    return true;
  };
  const minutes = (a: number, b: number) => rnd.int(a, b) * 60_000;
  const hours = (a: number, b: number) => rnd.int(a * 60, b * 60) * 60_000;

  if (channel === 'web' || channel === 'wechat' || channel === 'app') {
    // Most online submissions are taken in within hours; a few miss the 1-working-day response (KPI 2).
    if (
      !(await step(
        agent,
        'accept',
        { categoryId: leaf.id },
        rnd.chance(0.06) ? hours(30, 80) : hours(0.2, 10),
      ))
    )
      return;
  }
  // A repeat of a matter already taken in (same category): merged into the earlier order (合并).
  if (earlier !== undefined && rnd.chance(0.03)) {
    await step(agent, 'merge', { intoOrderId: earlier, note: '同一事项重复反映，合并办理' }, minutes(3, 40));
    return;
  }
  c.lastOrderOfLeaf.set(leaf.code, id);
  if (template.type === 'inquiry' && rnd.chance(0.7)) {
    await step(
      agent,
      'close-direct',
      { answer: '已根据知识库为市民解答相关政策及办理流程，市民表示清楚。' },
      minutes(2, 15),
    );
    return;
  }
  const misrouted = rnd.chance(0.05) || leaf.departmentId == null;
  const wrong = c.departmentIds.filter((d) => d !== leaf.departmentId);
  let department = misrouted ? rnd.pick(wrong) : leaf.departmentId!;
  // Some orders wait for the agent to verify details before dispatch.
  const dispatchDelay = rnd.chance(0.08) ? hours(2, 30) : minutes(5, 90);
  if (!(await step(agent, 'dispatch', { departmentId: department, coDepartmentIds: [] }, dispatchDelay)))
    return;

  if (misrouted || rnd.chance(0.02)) {
    const r = rnd.pick(DEMO_RETURN_REASONS);
    if (
      !(await step(c.handlerOf(department), 'return', { reasonCode: r.code, reason: r.reason }, hours(1, 20)))
    )
      return;
    if (
      !(await step(
        office,
        'judge-return',
        { operatorFault: misrouted, note: misrouted ? '派单有误' : '退回理由成立，非派单差错' },
        hours(1, 30),
      ))
    )
      return;
    department = leaf.departmentId ?? rnd.pick(wrong);
    // Finding the right department sometimes takes a day or two of coordination.
    const redispatchDelay = rnd.chance(0.2) ? hours(24, 72) : hours(0.1, 12);
    if (!(await step(agent, 'dispatch', { departmentId: department, coDepartmentIds: [] }, redispatchDelay)))
      return;
  }
  await handleAtDepartment(c, step, department, leaf.timeLimit, office, agent, caller, 0);
}

/** A department appeals (申诉); the office decides most appeals within days. */
async function appealAndDecide(step: Step, handler: Actor, office: Actor, rnd: Random): Promise<boolean> {
  const hours = (a: number, b: number) => rnd.int(a * 60, b * 60) * 60_000;
  if (!(await step(handler, 'appeal', { reason: '诉求人要求超出政策规定，已多次解释' }, hours(2, 30))))
    return false;
  if (rnd.chance(0.2)) return true;
  return step(office, 'decide-appeal', { accept: rnd.chance(0.6), note: '经核查' }, hours(24, 96));
}

type Step = <A extends ActionName>(
  actor: Actor,
  action: A,
  input: ActionInput<A>,
  delay: number,
) => Promise<boolean>;

async function handleAtDepartment(
  c: Context,
  step: Step,
  department: number,
  limitDays: number,
  office: Actor,
  agent: Actor,
  caller: { phone: string; callbackWanted: boolean },
  reopened: number,
): Promise<void> {
  const { rnd } = c;
  const handler = c.handlerOf(department);
  const hours = (a: number, b: number) => rnd.int(a * 60, b * 60) * 60_000;
  if (rnd.chance(0.85) && !(await step(handler, 'sign', {}, hours(0.5, 20)))) return;
  if (rnd.chance(0.02) && !(await appealAndDecide(step, handler, office, rnd))) return;
  if (
    rnd.chance(0.015) &&
    !(await step(office, 'instruct', { text: '请承办单位高度重视，限期办结并报送结果。' }, hours(2, 24)))
  )
    return;
  if (rnd.chance(0.06)) {
    if (
      !(await step(
        handler,
        'request-extension',
        { workingDays: rnd.int(2, 5), reason: '涉及多部门协调，需进一步现场核查' },
        hours(24, 60),
      ))
    )
      return;
    if (!(await step(office, 'decide-extension', { approve: rnd.chance(0.8) }, hours(2, 20)))) return;
  }
  // Calendar days per working day is about 1.4; one in eight replies runs past the limit.
  const factor = rnd.chance(0.12) ? 1.1 + rnd.next() : 0.15 + rnd.next() * 0.8;
  const replyIn = limitDays * factor * 1.4 * DAY;
  if (
    factor > 1 &&
    rnd.chance(0.4) &&
    !(await step(office, 'supervise', { note: '该件已超期，请尽快办理并反馈' }, replyIn * 0.8))
  )
    return;
  const reply = rnd.pick(DEMO_REPLY_TEMPLATES);
  if (!(await step(handler, 'reply', { reply }, factor > 1 && rnd.chance(0.4) ? replyIn * 0.2 : replyIn)))
    return;
  if (!caller.callbackWanted) {
    if (!(await step(agent, 'close', {}, hours(1, 8)))) return;
  } else {
    if (
      rnd.chance(0.12) &&
      !(await step(agent, 'callback', { reached: false, note: '无人接听', reopen: false }, hours(2, 20)))
    )
      return;
    const satisfaction = rnd.weighted([
      ['satisfied', 78],
      ['basically_satisfied', 13],
      ['unsatisfied', 9],
    ] as const);
    const reopen = satisfaction === 'unsatisfied' && reopened === 0 && rnd.chance(0.5);
    if (
      !(await step(
        agent,
        'callback',
        {
          reached: true,
          satisfaction,
          // 是否解决, asked beside the rating: an unsatisfied citizen says the matter is not solved (no draw, so
          // the demo's other figures stay as they were).
          resolved: satisfaction !== 'unsatisfied',
          reopen,
          note: reopen ? '市民对处理结果不满意，要求重办' : '市民对办理结果表示认可',
        },
        hours(2, 30),
      ))
    )
      return;
    if (reopen)
      return handleAtDepartment(c, step, department, limitDays, office, agent, caller, reopened + 1);
  }
  if (rnd.chance(0.6)) await step(office, 'archive', {}, hours(24 * 7, 24 * 20));
}

/** Months of work orders through the real services, so every history row is one the platform would write. */
export async function generateDemoOrders(
  db: Db,
  now: Date,
  accounts: DemoAccounts,
  options: { count: number; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<DemoOrderStats> {
  const categories = await listCategories(db.orm);
  const leaves = categories
    .filter((x) => x.isLeaf && DEMO_REQUEST_TEMPLATES[x.code]?.length)
    .map((x) => ({
      id: x.id,
      code: x.code,
      departmentId: x.effective.departmentId,
      timeLimit: x.effective.timeLimitDays ?? 5,
    }));
  const handlers = new Map<number, User>([...accounts.handlers.values()].map((u) => [u.departmentId!, u]));
  const calendar = await loadCalendar(db.orm);
  const c: Context = {
    db,
    now,
    rnd: createRandom(options.seed),
    accounts,
    leaves,
    departmentIds: [...handlers.keys()],
    lastOrderOfLeaf: new Map(),
    handlerOf: (id) => actorOf(handlers.get(id)!),
    isWorkday: (d) => calendar.isWorkday(d),
  };
  const stats: DemoOrderStats = { orders: 0, actions: 0 };
  // Most orders spread over 90 days; the last few percent arrive in the past two days and are still in flight.
  const recent = Math.round(options.count * 0.05);
  for (let i = 0; i < options.count; i++) {
    await simulateOrder(c, stats, i >= options.count - recent ? 2 : 90);
    options.onProgress?.(i + 1, options.count);
    // Each order is a few short transactions; between orders a server beside the generator answers requests.
    await yieldToEventLoop();
  }
  await runDeadlineSweep(db.orm, now);
  return stats;
}
