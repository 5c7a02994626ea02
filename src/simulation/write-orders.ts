import { sql } from 'drizzle-orm';
import { localDateOf } from '../calendar/local-time.ts';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { orderCallbacks, orderDispatches, orderReturns, orders } from '../modules/orders/schema.ts';
import { historyRefusal, sealCaller } from '../modules/orders/index.ts';
import type { PlannedOrder } from './order-life.ts';

export interface OrderToWrite {
  plan: PlannedOrder;
  channel: string;
  type: string;
  categoryId: number;
  title: string;
  content: string;
  callerName: string;
  callerPhone: string;
  callbackWanted: boolean;
  district: string;
  receivedAt: Date;
  createdBy: number | null;
}

/** Takes `n` consecutive numbers of a day's counter at once, as the intake does one at a time. */
async function reserveNumbers(db: DbOrTx, day: string, n: number): Promise<string[]> {
  const [row] = await queryRows<{ last: number }>(
    db,
    sql`insert into order_number_counters (day, last) values (${day}, ${n})
        on conflict (day) do update set last = order_number_counters.last + ${n} returning last`,
  );
  const last = Number(row!.last);
  const prefix = day.replaceAll('-', '');
  return Array.from({ length: n }, (_, i) => `${prefix}${String(last - n + 1 + i).padStart(5, '0')}`);
}

/**
 * Writes planned orders with their history, dispatches, returns and callbacks in a few multi-row statements.
 * Numbers come from the same daily counters as live intake, so simulated and real orders never collide.
 */
export async function writeOrders(db: DbOrTx, batch: OrderToWrite[], now: Date): Promise<string[]> {
  if (!batch.length) return [];
  // The bulk path writes statuses without applyOrderAction, so each planned step is held to the same table.
  for (const o of batch) {
    const steps = o.plan.events.map((e) => ({ action: e.action, from: e.from, to: e.to, role: e.actorRole }));
    const refused = historyRefusal(steps);
    if (refused) throw new Error(`simulated order refused at step ${refused.index}: ${refused.reason}`);
    if (steps.at(-1)?.to !== o.plan.status)
      throw new Error('simulated order: status differs from its history');
  }
  const byDay = new Map<string, OrderToWrite[]>();
  for (const o of batch) {
    const day = localDateOf(o.receivedAt);
    byDay.set(day, [...(byDay.get(day) ?? []), o]);
  }
  const numbered: { o: OrderToWrite; number: string }[] = [];
  for (const [day, list] of byDay) {
    const numbers = await reserveNumbers(db, day, list.length);
    list.forEach((o, i) => numbered.push({ o, number: numbers[i]! }));
  }
  const inserted = await db
    .insert(orders)
    .values(
      numbered.map(({ o, number }) => {
        const p = o.plan;
        const last = p.events.at(-1)!;
        return {
          number,
          channel: o.channel,
          type: o.type,
          categoryId: o.categoryId,
          urgency: 'normal',
          title: o.title,
          content: o.content,
          ...sealCaller({ callerName: o.callerName, callerPhone: o.callerPhone, address: null }),
          callerAnonymous: false,
          callbackWanted: o.callbackWanted,
          district: o.district,
          status: p.status,
          departmentId: p.departmentId,
          receivedAt: o.receivedAt,
          createdBy: o.createdBy,
          responseDueAt: p.responseDueAt,
          respondedAt: p.respondedAt,
          timeLimitDays: p.timeLimitDays,
          handleDueAt: p.handleDueAt,
          handleWarnAt: p.handleWarnAt,
          deadlineState: p.deadlineState,
          dispatchedAt: p.dispatchedAt,
          repliedAt: p.repliedAt,
          closedAt: p.closedAt,
          answer: p.answer,
          reply: p.reply,
          satisfaction: p.satisfaction,
          returnCount: p.returnCount,
          returnJudgementPending: p.returnJudgementPending,
          version: p.events.length,
          createdAt: o.receivedAt,
          updatedAt: last.at.getTime() > now.getTime() ? now : last.at,
        };
      }),
    )
    .returning({ id: orders.id, number: orders.number });
  const idOf = new Map(inserted.map((r) => [r.number, r.id]));
  const rows = numbered.map(({ o, number }) => ({ o, id: idOf.get(number)! }));

  // History rows are the bulk (several per order): one statement with a column array per field.
  const events = rows.flatMap(({ o, id }) => o.plan.events.map((e) => ({ e, id })));
  const col = <T>(f: (x: (typeof events)[number]) => T) => sql.param(events.map(f));
  await db.execute(sql`
    insert into order_events (order_id, action, actor_id, actor_role, at, from_status, to_status, note, data)
    select * from unnest(${col((x) => x.id)}::int[], ${col((x) => x.e.action)}::text[], ${col((x) => x.e.actorId)}::int[],
      ${col((x) => x.e.actorRole)}::text[], ${col((x) => x.e.at.toISOString())}::timestamptz[], ${col((x) => x.e.from)}::text[],
      ${col((x) => x.e.to)}::text[], ${col((x) => x.e.note)}::text[], ${col((x) => (x.e.data ? JSON.stringify(x.e.data) : null))}::jsonb[])`);
  const dispatches = rows.flatMap(({ o, id }) => o.plan.dispatches.map((d) => ({ d, orderId: id })));
  if (dispatches.length) {
    const written = await db
      .insert(orderDispatches)
      .values(
        dispatches.map(({ d, orderId }) => ({
          orderId,
          departmentId: d.departmentId,
          dispatchedAt: d.at,
          dispatchedBy: d.by,
          timeLimitDays: d.days,
          dueAt: d.dueAt,
          reopen: d.reopen,
          signedAt: d.signedAt,
          endedAt: d.endedAt,
          outcome: d.outcome,
        })),
      )
      .returning({
        id: orderDispatches.id,
        orderId: orderDispatches.orderId,
        at: orderDispatches.dispatchedAt,
      });
    const dispatchId = new Map(written.map((w) => [`${w.orderId}@${w.at.getTime()}`, w.id]));
    const returns = dispatches.filter(({ d }) => d.returned);
    if (returns.length) {
      await db.insert(orderReturns).values(
        returns.map(({ d, orderId }) => ({
          orderId,
          dispatchId: dispatchId.get(`${orderId}@${d.at.getTime()}`)!,
          departmentId: d.departmentId,
          reasonCode: d.returned!.reasonCode,
          reason: d.returned!.reason,
          returnedAt: d.returned!.at,
          returnedBy: d.returned!.by,
          operatorFault: d.returned!.fault,
          judgedAt: d.returned!.judgedAt,
          judgedBy: d.returned!.judgedBy,
        })),
      );
    }
  }
  const callbacks = rows.filter(({ o }) => o.plan.callback);
  if (callbacks.length) {
    await db.insert(orderCallbacks).values(
      callbacks.map(({ o, id }) => ({
        orderId: id,
        at: o.plan.callback!.at,
        agentId: o.plan.callback!.agent,
        reached: o.plan.callback!.reached,
        satisfaction: o.plan.callback!.satisfaction,
        note: '回访市民',
      })),
    );
  }
  // The numbers in the order of the batch.
  const numberOf = new Map(numbered.map(({ o, number }) => [o, number]));
  return batch.map((o) => numberOf.get(o)!);
}
