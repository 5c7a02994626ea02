import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor, Role } from '../../platform/actor.ts';
import {
  deadlineScope,
  EVENT_KINDS_BY_ROLE,
  NOTIFICATION_LABELS,
  type OrderNotificationKind,
} from './notifications.ts';

/** One line of the notification centre (通知中心) about a work order. */
export interface OrderNotification {
  /** Stable across reads: `e<event id>` or `<kind>:<order id>`. */
  id: string;
  kind: OrderNotificationKind;
  label: string;
  at: Date;
  orderId: number;
  orderNumber: string;
  title: string;
}

/** The LISTEN/NOTIFY channel on which every change to a work order is announced (payload: the order id). */
export const ORDERS_CHANNEL = 'orders_changed';

const DAY = 86_400_000;

/**
 * What concerns `actor` among the work orders: events of the last `days` days of the kinds its role hears of
 * (a department: only on orders at its department), and for the office and departments the open orders whose
 * handling deadline approaches or has passed. Newest first, at most `limit`.
 */
export async function orderNotificationsFor(
  db: DbOrTx,
  actor: Actor,
  now: Date,
  { days = 7, limit = 50 } = {},
): Promise<OrderNotification[]> {
  const role = actor.role as Role;
  const kinds = EVENT_KINDS_BY_ROLE[role] ?? {};
  const actions = Object.keys(kinds);
  if (role === 'department') actions.push('callback');
  const since = new Date(now.getTime() - days * DAY);
  const department = role === 'department' ? (actor.departmentId ?? -1) : null;
  const out: OrderNotification[] = [];
  if (actions.length) {
    const rows = await queryRows<{
      id: number;
      action: string;
      to_status: string;
      at: Date | string;
      order_id: number;
      number: string;
      title: string;
    }>(
      db,
      sql`select e.id, e.action, e.to_status, e.at, o.id order_id, o.number, o.title
          from order_events e join orders o on o.id = e.order_id
          where e.at >= ${since} and e.at <= ${now}
            and e.action in (${sql.join(
              actions.map((a) => sql`${a}`),
              sql`, `,
            )})
            and (${department}::int is null or o.department_id = ${department}::int)
          order by e.at desc, e.id desc limit ${limit}`,
    );
    for (const r of rows) {
      const kind: OrderNotificationKind | undefined =
        r.action === 'callback' ? (r.to_status === 'dispatched' ? 'reopened' : undefined) : kinds[r.action];
      if (!kind) continue;
      out.push(item(`e${r.id}`, kind, r.at, r));
    }
  }
  const scope = deadlineScope(role);
  if (scope) {
    const rows = await queryRows<{
      order_id: number;
      number: string;
      title: string;
      deadline_state: string;
      handle_warn_at: Date | string | null;
      handle_due_at: Date | string | null;
    }>(
      db,
      sql`select o.id order_id, o.number, o.title, o.deadline_state, o.handle_warn_at, o.handle_due_at
          from orders o
          where o.status in ('dispatched', 'in_progress') and o.deadline_state in ('warned', 'overdue')
            and (${scope === 'department' ? department : null}::int is null or o.department_id = ${department}::int)
          order by o.handle_due_at desc nulls last limit ${limit}`,
    );
    for (const r of rows) {
      const overdue = r.deadline_state === 'overdue';
      const at = (overdue ? r.handle_due_at : r.handle_warn_at) ?? now;
      out.push(
        item(
          `${overdue ? 'overdue' : 'warn'}:${r.order_id}`,
          overdue ? 'overdue' : 'deadline_warning',
          at,
          r,
        ),
      );
    }
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

function item(
  id: string,
  kind: OrderNotificationKind,
  at: Date | string,
  r: { order_id: number; number: string; title: string },
): OrderNotification {
  return {
    id,
    kind,
    label: NOTIFICATION_LABELS[kind],
    at: new Date(at),
    orderId: r.order_id,
    orderNumber: r.number,
    title: r.title,
  };
}
