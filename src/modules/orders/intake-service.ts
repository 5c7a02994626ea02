import { localDateOf } from '../../calendar/local-time.ts';
import { loadCalendar } from '../../calendar/service.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import { type Actor, CITIZEN_ACTOR } from '../../platform/actor.ts';
import { validationFailed } from '../../platform/errors.ts';
import { listCategories } from '../directory/index.ts';
import { responseDeadline } from './deadlines.ts';
import {
  type Channel,
  type CreateOrderInput,
  ONLINE_CHANNELS,
  type ORDER_TYPES,
  type PublicSubmissionInput,
} from './model.ts';
import { hashTrackingCode, newTrackingCode } from './numbering.ts';
import { announceAfterCommit } from './announce.ts';
import { NOT_ORDER_COLUMNS, type RawRow, registerIntake } from './intake-group.ts';
import { rememberSealed, sealCaller } from './personal-data.ts';
import { searchLexemes } from './search-text.ts';
import type { OrderRow } from './repository.ts';
import { orderEvents } from './schema.ts';
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
  /** Extra facts for the intake's history row (e.g. which Open311 client sent it). */
  eventData?: Record<string, unknown>;
}

export type OrderEventRow = typeof orderEvents.$inferSelect;

/** snake_case → camelCase, computed once per column name (the intake returns the same ~45 columns every time). */
const camelNames = new Map<string, string>();
const camel = (k: string) => {
  let c = camelNames.get(k);
  if (c === undefined) {
    c = k.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());
    if (camelNames.size < 256) camelNames.set(k, c);
  }
  return c;
};
const asDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const DATE_KEYS = new Set([
  'receivedAt',
  'responseDueAt',
  'respondedAt',
  'handleDueAt',
  'handleWarnAt',
  'dispatchedAt',
  'repliedAt',
  'closedAt',
  'archivedAt',
  'createdAt',
  'updatedAt',
  'at',
]);
function fromRaw(raw: RawRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in raw) {
    if (NOT_ORDER_COLUMNS.has(k)) continue;
    const key = camel(k);
    const v = raw[k];
    out[key] = DATE_KEYS.has(key) ? asDate(v) : v;
  }
  return out;
}

/**
 * Registers the order in ONE statement (a data-modifying CTE): the daily counter's next number, the order and its
 * history row — alone, or with the intakes that arrived while another was in flight (intake-group.ts). The change
 * is announced after the commit (announce.ts: a NOTIFY in the statement would hold the server's one notify lock,
 * and so every other writer's notice, through this commit's fsync). The counter row stays locked only while the
 * statement runs (it commits on its own, outside any multi-statement transaction), instead of across three round
 * trips while the holder waits for a busy event loop. Numbers stay gapless: the counter's increment, the orders
 * and their history rows commit or roll back together, and the row lock serialises the statements of one day.
 */
async function insertOrder(
  db: DbOrTx,
  actor: Actor,
  o: NewOrder,
  now: Date,
  action: string,
): Promise<{ order: OrderRow; event: OrderEventRow }> {
  if (o.categoryId != null) {
    const c = (await listCategories(db)).find((x) => x.id === o.categoryId);
    if (!c || !c.active)
      throw validationFailed([{ field: 'categoryId', message: `no active category ${o.categoryId}` }]);
  }
  // Only online channels have a response clock, so only they need the calendar (cached in process).
  const online = ONLINE_CHANNELS.includes(o.channel as Channel);
  const response = online
    ? responseDeadline(await loadCalendar(db), o.channel as Channel, o.receivedAt)
    : null;
  const phone = o.caller.phone || null;
  const plain = {
    callerName: o.caller.name || null,
    callerPhone: phone,
    address: o.location.address || null,
  };
  const sealed = sealCaller(plain);
  const warnings = response?.warnings ?? [];
  const day = localDateOf(now);
  const title = o.title || titleFrom(o.content);
  const raw = await registerIntake(db, {
    day,
    channel: o.channel,
    type: o.type,
    categoryId: o.categoryId ?? null,
    urgency: o.urgency,
    title,
    content: o.content,
    callerName: sealed.callerName,
    callerPhone: sealed.callerPhone,
    callerPhoneBidx: sealed.callerPhoneBidx,
    anonymous: o.caller.anonymous,
    callbackWanted: o.caller.callbackWanted && phone !== null,
    district: o.location.district || null,
    address: sealed.address,
    status: o.status,
    receivedAt: o.receivedAt.toISOString(),
    actorId: actor.id ?? null,
    responseDueAt: response?.end.toISOString() ?? null,
    respondedAt: response && o.status !== 'submitted' ? now.toISOString() : null,
    trackingCodeHash: o.trackingCodeHash ?? null,
    lexemes: searchLexemes(title, o.content),
    now: now.toISOString(),
    action,
    actorRole: actor.role,
    actorDepartmentId: actor.departmentId ?? null,
    eventData: {
      channel: o.channel,
      ...o.eventData,
      ...(warnings.length ? { warnings } : {}),
    },
  });
  const order = fromRaw(raw) as unknown as OrderRow;
  await announceAfterCommit(db, order.id);
  // The answer shows what was just sealed: the presenter takes the plain values instead of opening them again.
  rememberSealed(order, plain, sealed);
  const event: OrderEventRow = {
    id: Number(raw.e_id),
    orderId: order.id,
    action,
    actorId: actor.id,
    actorRole: actor.role,
    actorDepartmentId: actor.departmentId,
    at: now,
    fromStatus: null,
    toStatus: o.status,
    note: null,
    data: raw.e_data,
  };
  return { order, event };
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
  return insertOrder(db, actor, { ...input, receivedAt, status: 'registered' }, now, 'create');
}

/**
 * A citizen's online submission (no login). It waits in `submitted` for an agent to take it in, with the
 * 1-working-day response clock running; the citizen gets the number and a tracking code, shown only once.
 */
export async function submitPublicOrder(db: Database, input: PublicSubmissionInput, now: Date) {
  const trackingCode = newTrackingCode();
  const { order } = await insertOrder(
    db,
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
  );
  return { order, trackingCode };
}

/** A request from another system's citizens (Open311 GeoReport v2): the matter's category is a hint. */
export interface ExternalSubmission {
  type: (typeof ORDER_TYPES)[number];
  categoryId: number | null;
  content: string;
  caller: { name: string | null; phone: string | null };
  location: { district: string | null; address: string | null };
  /** Who sent it, kept on the intake's history row. */
  source: { system: string; client: string };
}

/**
 * An online submission from an external client (Open311): like a citizen's own submission it waits in
 * `submitted` for an agent, who keeps or corrects the suggested category. Without a phone there is no callback.
 */
export async function submitExternalRequest(db: Database, input: ExternalSubmission, now: Date) {
  const { order } = await insertOrder(
    db,
    CITIZEN_ACTOR,
    {
      channel: 'app',
      type: input.type,
      categoryId: input.categoryId,
      urgency: 'normal',
      content: input.content,
      caller: { ...input.caller, anonymous: false, callbackWanted: input.caller.phone !== null },
      location: input.location,
      receivedAt: now,
      status: 'submitted',
      eventData: { source: input.source },
    },
    now,
    'submit',
  );
  return order;
}
