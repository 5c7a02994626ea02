import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { Actor } from './actor.ts';
import { notFound } from './errors.ts';
import { alerts } from './schema.ts';

export interface AlertInput {
  kind: string;
  severity: 'critical' | 'warning' | 'info';
  /** What it is about, e.g. `outage:12`: an alert is raised once per kind and subject. */
  subject: string;
  message: string;
  messageZh: string;
}

/** Raises an alert unless the same kind was already raised for the subject; true if it is new. */
export async function raiseAlert(db: DbOrTx, input: AlertInput, now: Date): Promise<boolean> {
  const inserted = await db
    .insert(alerts)
    .values({ ...input, raisedAt: now })
    .onConflictDoNothing()
    .returning({ id: alerts.id });
  return inserted.length > 0;
}

export async function listAlerts(db: DbOrTx, openOnly: boolean) {
  return db
    .select()
    .from(alerts)
    .where(openOnly ? isNull(alerts.acknowledgedAt) : sql`true`)
    .orderBy(desc(alerts.raisedAt))
    .limit(200);
}

export async function acknowledgeAlert(db: DbOrTx, actor: Actor, id: number, now: Date) {
  const [row] = await db
    .update(alerts)
    .set({ acknowledgedBy: actor.id, acknowledgedAt: now })
    .where(eq(alerts.id, id))
    .returning();
  if (!row) throw notFound(`Alert ${id}`, `提醒 ${id} `);
  return row;
}
