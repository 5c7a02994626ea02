import type { ChinaCalendar } from '../calendar/china-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { Random } from '../platform/random.ts';
import { deadlineStateAt, type Status, warnAtFor } from '../modules/orders/index.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** What the planner needs of the catalogue leaf an order was classified to. */
export interface Leaf {
  categoryId: number;
  departmentId: number;
  timeLimitDays: number;
}

export interface Actors {
  agent: number;
  office: number;
  handlerOf: (departmentId: number) => number;
  otherDepartment: (departmentId: number) => number;
}

export interface PlannedEvent {
  action: string;
  at: Date;
  actorId: number | null;
  actorRole: string;
  from: Status | null;
  to: Status;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface PlannedDispatch {
  departmentId: number;
  at: Date;
  by: number;
  days: number;
  dueAt: Date;
  signedAt: Date | null;
  endedAt: Date | null;
  outcome: string | null;
  reopen: boolean;
  returned: {
    at: Date;
    by: number;
    reasonCode: string;
    reason: string;
    fault: boolean | null;
    judgedAt: Date | null;
    judgedBy: number | null;
  } | null;
}

export interface PlannedOrder {
  status: Status;
  events: PlannedEvent[];
  dispatches: PlannedDispatch[];
  callback: { at: Date; agent: number; reached: boolean; satisfaction: string | null } | null;
  respondedAt: Date | null;
  responseDueAt: Date | null;
  answer: string | null;
  reply: string | null;
  satisfaction: string | null;
  closedAt: Date | null;
  repliedAt: Date | null;
  departmentId: number | null;
  timeLimitDays: number | null;
  handleDueAt: Date | null;
  handleWarnAt: Date | null;
  dispatchedAt: Date | null;
  deadlineState: string;
  returnCount: number;
  returnJudgementPending: boolean;
}

export interface OrderFacts {
  at: Date;
  online: boolean;
  closedDirectly: boolean;
  callbackWanted: boolean;
  leaf: Leaf;
  reply: string;
}

/**
 * A plausible life for one simulated order, decided up front and cut at `now`: what has happened by then is
 * what the database gets, exactly as the services would have written it (the same statuses, history actions,
 * dispatch and return rows). Shares and delays are those of the demo generator (src/demo/orders-generator.ts).
 */
export function planOrderLife(
  f: OrderFacts,
  actors: Actors,
  rnd: Random,
  calendar: ChinaCalendar,
  now: Date,
): PlannedOrder {
  const p: PlannedOrder = {
    status: f.online ? 'submitted' : 'registered',
    events: [],
    dispatches: [],
    callback: null,
    respondedAt: null,
    responseDueAt: f.online ? addWorkingDays(calendar, f.at, 1).end : null,
    answer: null,
    reply: null,
    satisfaction: null,
    closedAt: null,
    repliedAt: null,
    departmentId: null,
    timeLimitDays: null,
    handleDueAt: null,
    handleWarnAt: null,
    dispatchedAt: null,
    deadlineState: 'normal',
    returnCount: 0,
    returnJudgementPending: false,
  };
  let t = f.at;
  const span = (a: number, b: number) => a + rnd.next() * (b - a);
  /** Applies an event if it has happened by `now`; false stops the life there. */
  const happen = (e: Omit<PlannedEvent, 'from' | 'at'>, delay: number): boolean => {
    const at = new Date(t.getTime() + delay);
    if (at.getTime() > now.getTime()) return false;
    t = at;
    p.events.push({ ...e, at, from: p.events.length ? p.status : null });
    p.status = e.to;
    return true;
  };
  const agentEvent = (
    action: string,
    to: Status,
    note: string | null = null,
    data: Record<string, unknown> | null = null,
  ) => ({ action, actorId: actors.agent, actorRole: 'agent', to, note, data }) as const;

  p.events.push({
    ...agentEvent(f.online ? 'submit' : 'create', p.status),
    actorId: f.online ? null : actors.agent,
    actorRole: f.online ? 'citizen' : 'agent',
    at: t,
    from: null,
  });
  if (f.online) {
    const late = rnd.chance(0.04);
    if (!happen(agentEvent('accept', 'registered'), late ? span(26, 60) * HOUR : span(0.2, 10) * HOUR))
      return finish(p, now);
    p.respondedAt = t;
  }
  if (f.closedDirectly) {
    p.answer = '已依据知识库答复市民，市民表示清楚。';
    if (happen(agentEvent('close-direct', 'closed', p.answer), span(1, 5) * MIN)) p.closedAt = t;
    return finish(p, now);
  }
  let department = f.leaf.departmentId;
  const misrouted = rnd.chance(0.02);
  if (!dispatchTo(misrouted ? actors.otherDepartment(f.leaf.departmentId) : f.leaf.departmentId))
    return finish(p, now);
  if (misrouted || rnd.chance(0.005)) {
    const d = p.dispatches.at(-1)!;
    const handler = actors.handlerOf(d.departmentId);
    if (
      !happen(
        {
          action: 'return',
          actorId: handler,
          actorRole: 'department',
          to: 'returned',
          note: '非本单位职责',
          data: null,
        },
        span(2, 30) * HOUR,
      )
    )
      return finish(p, now);
    d.endedAt = t;
    d.outcome = 'returned';
    d.returned = {
      at: t,
      by: handler,
      reasonCode: misrouted ? 'not_our_duty' : 'insufficient_info',
      reason: misrouted ? '非本单位职责' : '诉求信息不全',
      fault: null,
      judgedAt: null,
      judgedBy: null,
    };
    p.returnCount++;
    p.returnJudgementPending = true;
    if (
      !happen(
        {
          action: 'judge-return',
          actorId: actors.office,
          actorRole: 'office',
          to: 'returned',
          note: null,
          data: { operatorFault: misrouted },
        },
        span(1, 30) * HOUR,
      )
    )
      return finish(p, now);
    d.returned.fault = misrouted;
    d.returned.judgedAt = t;
    d.returned.judgedBy = actors.office;
    p.returnJudgementPending = false;
    if (!dispatchTo(f.leaf.departmentId)) return finish(p, now);
  }
  const d = p.dispatches.at(-1)!;
  const handler = actors.handlerOf(department);
  if (rnd.chance(0.85)) {
    if (
      !happen(
        {
          action: 'sign',
          actorId: handler,
          actorRole: 'department',
          to: 'in_progress',
          note: null,
          data: null,
        },
        span(0.5, 16) * HOUR,
      )
    )
      return finish(p, now);
    d.signedAt = t;
  }
  const factor = rnd.chance(0.08) ? span(1.05, 1.8) : span(0.15, 0.9);
  const replyAt = d.at.getTime() + d.days * factor * 1.4 * DAY;
  if (
    !happen(
      {
        action: 'reply',
        actorId: handler,
        actorRole: 'department',
        to: 'replied',
        note: f.reply,
        data: null,
      },
      Math.max(replyAt - t.getTime(), 10 * MIN),
    )
  )
    return finish(p, now);
  d.signedAt ??= t;
  d.endedAt = t;
  d.outcome = 'replied';
  p.reply = f.reply;
  p.repliedAt = t;
  if (t.getTime() > d.dueAt.getTime()) p.deadlineState = 'overdue';
  if (!f.callbackWanted) {
    if (happen(agentEvent('close', 'closed'), span(1, 6) * HOUR)) p.closedAt = t;
    return finish(p, now);
  }
  const satisfaction = rnd.weighted([
    ['satisfied', 82],
    ['basically_satisfied', 12],
    ['unsatisfied', 6],
  ] as const);
  if (happen(agentEvent('callback', 'closed', '回访市民', { satisfaction }), span(2, 36) * HOUR)) {
    p.callback = { at: t, agent: actors.agent, reached: true, satisfaction };
    p.satisfaction = satisfaction;
    p.closedAt = t;
  }
  return finish(p, now);

  function dispatchTo(departmentId: number): boolean {
    const days = f.leaf.timeLimitDays;
    if (
      !happen(
        agentEvent('dispatch', 'dispatched', null, { departmentId, timeLimitDays: days }),
        span(3, 60) * MIN,
      )
    )
      return false;
    const due = addWorkingDays(calendar, t, days).end;
    p.dispatches.push({
      departmentId,
      at: t,
      by: actors.agent,
      days,
      dueAt: due,
      signedAt: null,
      endedAt: null,
      outcome: null,
      reopen: false,
      returned: null,
    });
    department = departmentId;
    p.departmentId = departmentId;
    p.timeLimitDays = days;
    p.handleDueAt = due;
    p.handleWarnAt = warnAtFor(due);
    p.dispatchedAt ??= t;
    p.respondedAt ??= f.online ? t : null;
    return true;
  }
}

/** The deadline state as the services would show it at `now` for a running clock; a stopped one keeps its own. */
function finish(p: PlannedOrder, now: Date): PlannedOrder {
  const running = deadlineStateAt(
    { status: p.status, responseDueAt: p.responseDueAt, handleDueAt: p.handleDueAt },
    now,
  );
  if (p.status === 'submitted' || p.status === 'dispatched' || p.status === 'in_progress')
    p.deadlineState = running;
  return p;
}
