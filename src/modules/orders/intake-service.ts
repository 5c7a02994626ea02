import { eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/service.ts';
import type { Database, Tx } from '../../db/client.ts';
import { type Actor, CITIZEN_ACTOR } from '../../platform/actor.ts';
import { validationFailed } from '../../platform/errors.ts';
import { categories } from '../directory/schema.ts';
import { responseDeadline } from './deadlines.ts';
import { type Channel, type CreateOrderInput, ONLINE_CHANNELS, type PublicSubmissionInput } from './model.ts';
import { hashTrackingCode, newTrackingCode, nextOrderNumber } from './numbering.ts';
import type { OrderRow } from './repository.ts';
import { orderEvents, orders } from './schema.ts';
import type { Status } from './state-machine.ts';

/** A title from the first words of the content when the intake gave none. */
export function titleFrom(content: string): string {
  const firstLine = content.split(/[\n。！？!?]/)[0]!.trim();
  return [...firstLine].slice(0, 30).join('') || [...content].slice(0, 30).join('');
}

interface NewOrder {
  channel: string;
  type: string;
  categoryId?: number | null;
  urgency: string;
  title?: string;
  content: string;
  caller: { name?: string | null; phone?: string | null; anonymous: boolean; callbackWanted: boolean };
  location: { district?: string | null; address?: string | null };
  receivedAt: Date;
  status: Status;
  trackingCodeHash?: string;
}

export type OrderEventRow = typeof orderEvents.$inferSelect;

async function insertOrder(
  tx: Tx,
  actor: Actor,
  o: NewOrder,
  now: Date,
  action: string,
): Promise<{ order: OrderRow; event: OrderEventRow }> {
  if (o.categoryId != null) {
    const [c] = await tx.select().from(categories).where(eq(categories.id, o.categoryId));
    if (!c || !c.active)
      throw validationFailed([{ field: 'categoryId', message: `no active category ${o.categoryId}` }]);
  }
  // Only online channels have a response clock, so only they need the calendar.
  const online = ONLINE_CHANNELS.includes(o.channel as Channel);
  const response = online
    ? responseDeadline(await loadCalendar(tx), o.channel as Channel, o.receivedAt)
    : null;
  const phone = o.caller.phone || null;
  // The daily counter's row lock serialises intakes until commit, so it is taken after the reads, leaving only
  // the two inserts inside that window: numbers stay gapless (a gap would look like a deleted order).
  const number = await nextOrderNumber(tx, now);
  const [row] = await tx
    .insert(orders)
    .values({
      number,
      channel: o.channel,
      type: o.type,
      categoryId: o.categoryId ?? null,
      urgency: o.urgency,
      title: o.title || titleFrom(o.content),
      content: o.content,
      callerName: o.caller.name || null,
      callerPhone: phone,
      callerAnonymous: o.caller.anonymous,
      // A callback needs a number to call.
      callbackWanted: o.caller.callbackWanted && phone !== null,
      district: o.location.district || null,
      address: o.location.address || null,
      status: o.status,
      receivedAt: o.receivedAt,
      createdBy: actor.id,
      responseDueAt: response?.end ?? null,
      // Staff intake of an online request is itself the first response.
      respondedAt: response && o.status !== 'submitted' ? now : null,
      trackingCodeHash: o.trackingCodeHash ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const warnings = response?.warnings ?? [];
  const [event] = await tx
    .insert(orderEvents)
    .values({
      orderId: row!.id,
      action,
      actorId: actor.id,
      actorRole: actor.role,
      actorDepartmentId: actor.departmentId,
      at: now,
      fromStatus: null,
      toStatus: o.status,
      note: null,
      data: { channel: o.channel, ...(warnings.length ? { warnings } : {}) },
    })
    .returning();
  return { order: row!, event: event! };
}

/** 登记 — staff register a request taken by phone, letter, transfer or from an online channel. */
export async function createOrder(
  db: Database,
  actor: Actor,
  input: CreateOrderInput,
  now: Date,
): Promise<{ order: OrderRow; event: OrderEventRow }> {
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) {
    throw validationFailed([{ field: 'receivedAt', message: 'cannot be in the future' }]);
  }
  return db.transaction((tx) =>
    insertOrder(tx, actor, { ...input, receivedAt, status: 'registered' }, now, 'create'),
  );
}

/**
 * A citizen's online submission (no login). It waits in `submitted` for an agent to take it in, with the
 * 1-working-day response clock running; the citizen gets the number and a tracking code, shown only once.
 */
export async function submitPublicOrder(db: Database, input: PublicSubmissionInput, now: Date) {
  const trackingCode = newTrackingCode();
  const { order } = await db.transaction((tx) =>
    insertOrder(
      tx,
      CITIZEN_ACTOR,
      {
        ...input,
        urgency: 'normal',
        receivedAt: now,
        status: 'submitted',
        trackingCodeHash: hashTrackingCode(trackingCode),
      },
      now,
      'submit',
    ),
  );
  return { order, trackingCode };
}
