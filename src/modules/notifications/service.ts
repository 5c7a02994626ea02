import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { listNotices } from '../knowledge/index.ts';
import { NOTIFICATION_LABELS, orderNotificationsFor } from '../orders/index.ts';
import type { Notification } from './model.ts';

/** Roles that keep the knowledge base and so must hear of update notices due (KPI 9, 24 hours). */
const NOTICE_ROLES = new Set(['kb_editor', 'team_lead', 'office']);

/** Everything that concerns `actor` now, newest first: work-order happenings and deadlines, notices due. */
export async function notificationsFor(db: DbOrTx, actor: Actor, now: Date): Promise<Notification[]> {
  const items: (Omit<Notification, 'at'> & { at: Date })[] = (
    await orderNotificationsFor(db, actor, now)
  ).map((n) => ({ ...n, link: `/orders/${n.orderId}` }));
  if (NOTICE_ROLES.has(actor.role)) {
    for (const n of await listNotices(db, now, 'open')) {
      items.push({
        id: `notice:${n.id}`,
        kind: 'notice_due',
        label: NOTIFICATION_LABELS.notice_due,
        at: n.receivedAt,
        orderId: null,
        orderNumber: null,
        title: n.title,
        link: '/kb/notices',
      });
    }
  }
  return items
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 60)
    .map((n) => ({ ...n, at: n.at.toISOString() }));
}
