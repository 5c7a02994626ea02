import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { addDays, type LocalDate, startOfLocalDay } from '../../calendar/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import { checkRota, DEFAULT_LAW } from './labour-law.ts';
import type { LawSettings, PlanSettings } from './plan-settings.ts';
import { coverageGap } from './rota-planner.ts';
import { leaveByAgent, planRotaFor, type RotaAgent } from './rota-service.ts';
import { rotas, rotaShifts } from './schema.ts';

type RotaRow = typeof rotas.$inferSelect;
export interface ShiftInput {
  agent: string;
  start: Date;
  end: Date;
  template?: string | null;
}

/** Plans a rota (forecast → requirement → shifts) and saves it as a draft. */
export async function createRota(
  db: DbOrTx,
  actor: Actor,
  input: { from: LocalDate; weeks: number; agents?: number; method?: 'lp' | 'heuristic' },
  now: Date,
  settings: PlanSettings,
) {
  const plan = await planRotaFor(db, input, settings);
  const [row] = await db
    .insert(rotas)
    .values({
      fromDate: input.from,
      weeks: input.weeks,
      agents: plan.agents,
      required: plan.coverage.map((c) => c.required),
      parameters: plan.parameters,
      note: plan.note,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await insertShifts(db, row!, plan.shifts);
  await recordAudit(db, actor, now, {
    action: 'plan',
    entity: 'rota',
    entityId: row!.id,
    after: { ...input },
  });
  return getRota(db, row!.id, settings);
}

async function insertShifts(db: DbOrTx, rota: RotaRow, shifts: ShiftInput[]) {
  const agents = new Map((rota.agents as RotaAgent[]).map((a) => [a.agent, a]));
  if (!shifts.length) return;
  await db.insert(rotaShifts).values(
    shifts.map((s) => ({
      rotaId: rota.id,
      agent: s.agent,
      memberId: agents.get(s.agent)?.memberId ?? null,
      userId: agents.get(s.agent)?.userId ?? null,
      template: s.template ?? null,
      startsAt: s.start,
      endsAt: s.end,
    })),
  );
}

async function rotaRow(db: DbOrTx, id: number): Promise<RotaRow> {
  const [row] = await db.select().from(rotas).where(eq(rotas.id, id));
  if (!row) throw notFound(`Rota ${id}`, `排班表 ${id} `);
  return row;
}

/** The rota with its shifts, coverage per half-hour and the Labour-Law findings as they stand now. */
export async function getRota(db: DbOrTx, id: number, settings: LawSettings) {
  const row = await rotaRow(db, id);
  const shifts = await db
    .select()
    .from(rotaShifts)
    .where(eq(rotaShifts.rotaId, id))
    .orderBy(asc(rotaShifts.startsAt), asc(rotaShifts.agent));
  const to = addDays(row.fromDate, 7 * row.weeks);
  const agents = row.agents as RotaAgent[];
  const leave = await leaveByAgent(db, agents, row.fromDate, to);
  const planned = shifts.map((s) => ({ agent: s.agent, start: s.startsAt, end: s.endsAt }));
  const law = { ...DEFAULT_LAW, comprehensiveHours: settings.comprehensiveHours };
  const required = row.required as number[];
  const scheduled = scheduledPerSlot(planned, row.fromDate, required.length);
  const t0 = startOfLocalDay(row.fromDate).getTime();
  return {
    id: row.id,
    from: row.fromDate,
    weeks: row.weeks,
    status: row.status as 'draft' | 'published',
    note: row.note,
    agents,
    parameters: row.parameters as Record<string, unknown>,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    shifts: shifts.map((s) => ({
      id: s.id,
      agent: s.agent,
      memberId: s.memberId,
      template: s.template,
      start: s.startsAt,
      end: s.endsAt,
    })),
    coverage: required.map((r, k) => ({
      start: new Date(t0 + k * 1800_000),
      required: r,
      scheduled: scheduled[k] ?? 0,
    })),
    summary: coverageGap(required, scheduled),
    violations: checkRota({ shifts: planned, leave, from: row.fromDate, weeks: row.weeks }, law),
  };
}

function scheduledPerSlot(shifts: { start: Date; end: Date }[], from: LocalDate, n: number): number[] {
  const t0 = startOfLocalDay(from).getTime();
  const out = new Array<number>(n).fill(0);
  for (const s of shifts) {
    const a = Math.max(0, Math.ceil((s.start.getTime() - t0) / 1800_000));
    const b = Math.min(n, Math.floor((s.end.getTime() - t0) / 1800_000));
    for (let k = a; k < b; k++) out[k]!++;
  }
  return out;
}

export async function listRotas(db: DbOrTx) {
  const rows = await db.select().from(rotas).orderBy(desc(rotas.fromDate), desc(rotas.id));
  return rows.map((r) => ({
    id: r.id,
    from: r.fromDate,
    weeks: r.weeks,
    status: r.status as 'draft' | 'published',
    agents: (r.agents as RotaAgent[]).length,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
  }));
}

/** The team lead's edit: the rota's shifts replaced by these (each agent one of the rota's, inside its period). */
export async function replaceShifts(
  db: DbOrTx,
  actor: Actor,
  id: number,
  shifts: ShiftInput[],
  now: Date,
  settings: LawSettings,
) {
  const row = await rotaRow(db, id);
  const agents = new Set((row.agents as RotaAgent[]).map((a) => a.agent));
  const from = startOfLocalDay(row.fromDate).getTime();
  const to = startOfLocalDay(addDays(row.fromDate, 7 * row.weeks)).getTime() + 24 * 3600_000;
  const fields: { field: string; message: string }[] = [];
  shifts.forEach((s, i) => {
    if (!agents.has(s.agent))
      fields.push({ field: `shifts.${i}.agent`, message: 'not an agent of this rota' });
    if (s.end <= s.start) fields.push({ field: `shifts.${i}.end`, message: 'must be after start' });
    else if (s.end.getTime() - s.start.getTime() > 12 * 3600_000)
      fields.push({ field: `shifts.${i}.end`, message: 'a shift is at most 12 hours' });
    if (s.start.getTime() < from || s.start.getTime() >= to - 24 * 3600_000 || s.end.getTime() > to)
      fields.push({ field: `shifts.${i}.start`, message: 'outside the rota’s weeks' });
  });
  if (fields.length) throw validationFailed(fields.slice(0, 20));
  const before = await db.select().from(rotaShifts).where(eq(rotaShifts.rotaId, id));
  await db.delete(rotaShifts).where(eq(rotaShifts.rotaId, id));
  await insertShifts(db, row, shifts);
  await db.update(rotas).set({ updatedAt: now }).where(eq(rotas.id, id));
  await recordAudit(db, actor, now, {
    action: 'edit_shifts',
    entity: 'rota',
    entityId: id,
    before: { shifts: before.length },
    after: { shifts: shifts.length },
  });
  return getRota(db, id, settings);
}

/** Publishing: refused while the rota breaks the Labour Law or leaves a half-hour unstaffed. */
export async function publishRota(db: DbOrTx, actor: Actor, id: number, now: Date, settings: LawSettings) {
  const rota = await getRota(db, id, settings);
  if (rota.status === 'published')
    throw conflict('already_published', 'The rota is already published', '排班表已发布');
  if (rota.violations.length) {
    const codes = [...new Set(rota.violations.map((v) => v.code))].join(', ');
    throw conflict(
      'labour_law_findings',
      `The rota has ${rota.violations.length} Labour-Law findings (${codes}): fix them first`,
      `排班表有 ${rota.violations.length} 处不符合劳动法或全天候值守要求（${codes}），请先调整`,
      { violations: rota.violations.slice(0, 50) },
    );
  }
  await db
    .update(rotas)
    .set({ status: 'published', publishedAt: now, publishedBy: actor.id, updatedAt: now })
    .where(eq(rotas.id, id));
  await recordAudit(db, actor, now, {
    action: 'publish',
    entity: 'rota',
    entityId: id,
    before: { status: 'draft' },
    after: { status: 'published' },
  });
  return getRota(db, id, settings);
}

/** An agent's own shifts on published rotas in [from, to). */
export async function myShifts(db: DbOrTx, userId: number, from: LocalDate, to: LocalDate) {
  const rows = await db
    .select({ shift: rotaShifts, status: rotas.status })
    .from(rotaShifts)
    .innerJoin(rotas, eq(rotas.id, rotaShifts.rotaId))
    .where(
      and(
        eq(rotaShifts.userId, userId),
        eq(rotas.status, 'published'),
        gte(rotaShifts.startsAt, startOfLocalDay(from)),
        lt(rotaShifts.startsAt, startOfLocalDay(to)),
      ),
    )
    .orderBy(asc(rotaShifts.startsAt));
  return rows.map((r) => ({
    rotaId: r.shift.rotaId,
    template: r.shift.template,
    start: r.shift.startsAt,
    end: r.shift.endsAt,
  }));
}

/**
 * Overtime pay (art. 44) for a published rota, per agent per month. Each agent's work day (the day a shift starts)
 * is taken from the clock-in records when any were imported for it (attendance.ts), else from the rota's shifts
 * less the days of recorded leave; each line lists its days with their source.
 */
export async function rotaOvertimePay(db: DbOrTx, id: number, monthlyWageFen: number, settings: LawSettings) {
  const rota = await getRota(db, id, settings);
  if (rota.status !== 'published')
    throw conflict('not_published', 'Pay is computed from a published rota', '加班工资按已发布的排班表计算');
  const { loadCalendar } = await import('../../calendar/index.ts');
  const { hoursByDay } = await import('./labour-law.ts');
  const { overtimePay } = await import('./overtime-pay.ts');
  const { workedShifts } = await import('./attendance.ts');
  const { listAttendance } = await import('./attendance-service.ts');
  const calendar = await loadCalendar(db);
  const to = addDays(rota.from, 7 * rota.weeks);
  const leave = await leaveByAgent(db, rota.agents, rota.from, to);
  const planned = rota.shifts.filter(
    (s) => ![...hoursByDay(s).keys()].some((d) => leave.get(s.agent)?.has(d)),
  );
  const agentOf = new Map(rota.agents.filter((a) => a.memberId != null).map((a) => [a.memberId!, a.agent]));
  const clocked = (await listAttendance(db, rota.from, to, [...agentOf.keys()])).map((r) => ({
    agent: agentOf.get(r.memberId)!,
    start: r.clockIn,
    end: r.clockOut,
  }));
  const { shifts, days } = workedShifts(planned, clocked);
  const names = new Map(rota.agents.map((a) => [a.agent, a.name]));
  const { isStatutoryHoliday } = await import('./statutory-holidays.ts');
  // Only 法定节假日 are 300 %; the calendar's other holiday days (the week's weekends and 调休) are rest days.
  const lines = overtimePay(shifts, isStatutoryHoliday, () => monthlyWageFen, {
    comprehensiveHours: rota.parameters.comprehensiveHours === true,
    periodWeeks: rota.weeks,
    isHolidayRestDay: (d) => calendar.day(d).kind === 'holiday' && !isStatutoryHoliday(d),
  });
  return lines.map((l) => {
    const own = days
      .filter((d) => d.agent === l.agent && d.date.startsWith(l.month))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(({ date, source, hours }) => ({ date, source, hours: Math.round(hours * 100) / 100 }));
    return {
      ...l,
      name: names.get(l.agent) ?? l.agent,
      attendanceDays: own.filter((d) => d.source === 'attendance').length,
      rotaDays: own.filter((d) => d.source === 'rota').length,
      days: own,
    };
  });
}
