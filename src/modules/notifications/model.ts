import { z } from 'zod';

/** One line of the notification centre (通知中心): what happened, when, and where to go. */
export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  /** Chinese label of the kind, e.g. 新交办工单. */
  label: z.string(),
  /** ISO 8601 instant. */
  at: z.string(),
  orderId: z.number().int().nullable(),
  orderNumber: z.string().nullable(),
  title: z.string(),
  /** The console path that opens it. */
  link: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsAnswer = z.object({ items: z.array(Notification), at: z.string() });
