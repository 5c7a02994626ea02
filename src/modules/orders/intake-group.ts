import { is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../../db/client.ts';
import { preparedSql } from '../../db/prepared.ts';

/** One intake's values, as the intake statement takes them (intake-service.ts). */
export interface IntakeValues {
  day: string;
  channel: string;
  type: string;
  categoryId: number | null;
  urgency: string;
  title: string;
  content: string;
  callerName: string | null;
  callerPhone: string | null;
  callerPhoneBidx: string | null;
  anonymous: boolean;
  callbackWanted: boolean;
  district: string | null;
  address: string | null;
  status: string;
  receivedAt: string;
  actorId: number | null;
  responseDueAt: string | null;
  respondedAt: string | null;
  trackingCodeHash: string | null;
  lexemes: string[];
  now: string;
  action: string;
  actorRole: string;
  actorDepartmentId: number | null;
  eventData: Record<string, unknown>;
}

export type RawRow = Record<string, unknown>;

/** The columns the intake's answer shows (presenter.ts), nothing more: RETURNING ships only these. */
const RETURNED = sql.raw(
  [
    'id',
    'number',
    'channel',
    'type',
    'category_id',
    'urgency',
    'title',
    'content',
    'caller_name',
    'caller_phone',
    'caller_anonymous',
    'callback_wanted',
    'district',
    'address',
    'status',
    'department_id',
    'co_department_ids',
    'received_at',
    'response_due_at',
    'responded_at',
    'time_limit_days',
    'handle_due_at',
    'handle_warn_at',
    'deadline_state',
    'dispatched_at',
    'replied_at',
    'closed_at',
    'archived_at',
    'answer',
    'answer_article_ids',
    'reply',
    'satisfaction',
    'unreached_callbacks',
    'reopen_count',
    'return_count',
    'return_judgement_pending',
    'extension_pending',
    'appeal_status',
    'excluded_from_assessment',
    'merged_into_id',
    'version',
    'created_at',
    'updated_at',
    'pause_state',
  ].join(', '),
);

/** The statement's own columns besides the order's (the history row's id and data, the intake's place). */
export const NOT_ORDER_COLUMNS = new Set(['e_id', 'e_data', 'e_order_id', 'batch_i']);

const param = (name: string) => sql.placeholder(name);

/**
 * One or several intakes of one day in ONE statement (a data-modifying CTE), prepared: the counter moves by their
 * count, and the i-th intake (1-based, in arrival order) takes the i-th of the numbers it reserved; orders and
 * history rows come from the same list. Every parameter is cast, as a prepared statement's parameters have no type
 * from their context.
 */
const intakeStatement = preparedSql<RawRow>(
  'order_intake',
  sql`with items as (
      select * from jsonb_to_recordset(${param('items')}::jsonb) as r(i int, channel text, type text, "categoryId" int,
        urgency text, title text, content text, "callerName" text, "callerPhone" text, "callerPhoneBidx" text,
        anonymous boolean, "callbackWanted" boolean, district text, address text, status text,
        "receivedAt" timestamptz, "actorId" int, "responseDueAt" timestamptz, "respondedAt" timestamptz,
        "trackingCodeHash" text, lexemes jsonb, now timestamptz, action text, "actorRole" text,
        "actorDepartmentId" int, "eventData" jsonb)
    ), n as (
      insert into order_number_counters (day, last) values (${param('day')}::date, ${param('count')}::int)
      on conflict (day) do update set last = order_number_counters.last + ${param('count')}::int
      returning last
    ), numbered as (
      select items.*, ${param('prefix')}::text || lpad((n.last - ${param('count')}::int + items.i)::text, 5, '0') as number
      from items, n
    ), o as (
      insert into orders (number, channel, type, category_id, urgency, title, content, caller_name, caller_phone,
        caller_phone_bidx, caller_anonymous, callback_wanted, district, address, status, received_at, created_by,
        response_due_at, responded_at, tracking_code_hash, search_tokens, created_at, updated_at)
      select number, channel, type, "categoryId", urgency, title, content, "callerName", "callerPhone",
        "callerPhoneBidx", anonymous, "callbackWanted", district, address, status, "receivedAt", "actorId",
        "responseDueAt", "respondedAt", "trackingCodeHash",
        array_to_tsvector(array(select jsonb_array_elements_text(lexemes))), now, now
      from numbered order by i
      returning ${RETURNED}
    ), e as (
      insert into order_events (order_id, action, actor_id, actor_role, actor_department_id, at, from_status,
        to_status, note, data)
      select o.id, numbered.action, numbered."actorId", numbered."actorRole", numbered."actorDepartmentId",
        numbered.now, null, numbered.status, null, numbered."eventData"
      from o join numbered on numbered.number = o.number order by numbered.i
      returning id as e_id, order_id as e_order_id, data as e_data
    )
    select o.*, e.*, numbered.i as batch_i from o join e on e.e_order_id = o.id join numbered on numbered.number = o.number`,
);

/** Intake statements run in this process, by kind (tests: concurrent intakes really share statements). */
export const intakeStatementCounts = { alone: 0, group: 0 };

const prefixOf = (day: string) => day.replaceAll('-', '');

/** Writes intakes of one day in one statement; the rows answer each by its 1-based place (`batch_i`). */
function writeIntakes(db: DbOrTx, day: string, intakes: IntakeValues[]): Promise<RawRow[]> {
  return intakeStatement.rows(db, {
    day,
    prefix: prefixOf(day),
    count: intakes.length,
    items: JSON.stringify(intakes.map((v, k) => ({ ...v, i: k + 1 }))),
  });
}

function runAlone(db: DbOrTx, v: IntakeValues): Promise<RawRow> {
  intakeStatementCounts.alone++;
  return writeIntakes(db, v.day, [v]).then((rows) => rows[0]!);
}

interface Waiting {
  values: IntakeValues;
  resolve: (row: RawRow) => void;
  reject: (err: unknown) => void;
}

/** The most intakes one statement registers (the statement's one JSON parameter stays small); 1 = each alone. */
let groupMax = 64;

/** Sets the largest group (`HOTLINE_INTAKE_GROUP_MAX`, read at the composition root). */
export function setIntakeGroupMax(n: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`the intake group size must be a whole number ≥ 1, got ${n}`);
  groupMax = n;
}

interface Queue {
  waiting: Waiting[];
  inFlight: number;
}
const queues = new WeakMap<Database, Queue>();

/**
 * Intake statements a process keeps at the server at once, per database: one running, one more already waiting
 * on the day's counter row. The second starts the moment the first commits, instead of after the first's answer
 * has come back through a busy event loop and the next statement has gone out again (that turnaround, not the
 * statement, was most of the serialised time under load). Measured (docs/benchmarks.md): the intake's median in
 * the mixed workload 1.30× the lists' instead of 1.47×.
 */
const IN_FLIGHT = 2;

/**
 * Registers an intake: alone when the server has room for another intake statement, else together with the others
 * that arrived meanwhile (issue 18's group commit).
 *
 * The day's counter row serialises the intakes of a day: each one's statement locks it, and the lock lasts
 * through its commit's fsync. Under load, intakes queued on that lock one behind the other, each holding a pool
 * connection (so the other requests waited for a connection too) and each paying its own flush. Here a process
 * keeps at most two intake statements at the server per database; the first intakes run at once (no added
 * latency when it is quiet), and those that arrive while both are out go together in the next statement — one
 * lock, one commit, one fsync for all. Numbers stay gapless: the group reserves as many numbers as it has orders,
 * and the group commits or rolls back whole. A group is numbered in arrival order; two statements in flight reach
 * the row in whichever order their connections get there, and a group that failed and runs again intake by intake
 * may take numbers after a later group's. If a group fails on one row's fault, each of its intakes runs again
 * alone, so only the bad one fails. Several processes still serialise on the row lock as before.
 *
 * Inside a caller's transaction the intake runs there, alone.
 */
export function registerIntake(db: DbOrTx, values: IntakeValues): Promise<RawRow> {
  if (is(db, PgTransaction)) return runAlone(db, values);
  const handle = db as Database;
  let queue = queues.get(handle);
  if (!queue) queues.set(handle, (queue = { waiting: [], inFlight: 0 }));
  const q = queue;
  return new Promise<RawRow>((resolve, reject) => {
    q.waiting.push({ values, resolve, reject });
    pump(handle, q);
  });
}

/** Sends the next group while the server has room for another intake statement. */
function pump(db: Database, q: Queue): void {
  while (q.inFlight < IN_FLIGHT && q.waiting.length > 0) {
    // One statement registers intakes of one day (one counter row); a later day waits for the next turn.
    const day = q.waiting[0]!.values.day;
    let n = 0;
    while (n < q.waiting.length && n < groupMax && q.waiting[n]!.values.day === day) n++;
    const group = q.waiting.splice(0, n);
    q.inFlight++;
    void (group.length === 1 ? runOne(db, group[0]!) : runGroup(db, day, group)).finally(() => {
      q.inFlight--;
      pump(db, q);
    });
  }
}

async function runOne(db: Database, w: Waiting): Promise<void> {
  try {
    w.resolve(await runAlone(db, w.values));
  } catch (err) {
    w.reject(err);
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): one row's own fault. */
function isRowFault(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^2[23]/.test(code)) return true;
  }
  return false;
}

async function runGroup(db: Database, day: string, group: Waiting[]): Promise<void> {
  let rows: RawRow[];
  try {
    rows = await writeIntakes(
      db,
      day,
      group.map((w) => w.values),
    );
    intakeStatementCounts.group++;
  } catch (err) {
    // Nothing of the group was written. A row's own fault (bad data, a broken reference) fails the whole
    // statement: each intake runs again alone and meets its own fate. Anything else (a timeout, a lost
    // connection, a busy server) would only repeat once per intake, so the group fails with it.
    if (!isRowFault(err)) {
      for (const w of group) w.reject(err);
      return;
    }
    for (const w of group) await runOne(db, w);
    return;
  }
  const byPlace = new Map(rows.map((r) => [Number(r.batch_i), r]));
  group.forEach((w, k) => {
    const row = byPlace.get(k + 1);
    if (row) w.resolve(row);
    else w.reject(new Error('intake group answered without this intake'));
  });
}
