import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatCityInstant, localDateOf } from '../../calendar/local-time.ts';
import { loadCalendar } from '../../calendar/service.ts';
import { addCalendarDays } from '../../calendar/working-days.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { getContract, readingsOf } from './contracts-service.ts';
import type { ContractDefinition, RectificationState, RectificationStatus } from './model.ts';
import type { Readings } from './readings.ts';
import { rectificationNotices } from './schema.ts';

export const NoticeItems = z.object({
  items: z
    .array(
      z.object({ text: z.string().trim().min(1).max(2000), basis: z.string().trim().max(500).optional() }),
    )
    .min(1)
    .max(30),
});

/**
 * Days a rectification notice gives: the office's `rectificationDays` reading if set, else the contract file's
 * `rectification.days` (Luohe art. 5.4: 在甲方下达整改通知书7日内仍未达到服务要求的… = 7); null when neither says
 * (Sanmenxia has no such clause): the notice then has no deadline and no third-party right follows from it.
 */
export function rectificationDaysOf(c: ContractDefinition, r: Readings): number | null {
  return r.rectificationDays ?? c.rectification?.days ?? null;
}

/**
 * Where a notice stands. Past its 7 days it is overdue unless the operator answered in time and the answer
 * waits on the office: a late verification is the office's delay, not a failure to rectify (art. 5.4).
 */
export function rectificationState(
  n: { status: RectificationStatus; dueAt: Date | null; respondedAt?: Date | null },
  now: Date,
): RectificationState {
  if (n.status === 'accepted') return 'closed';
  if (!n.dueAt || now.getTime() <= n.dueAt.getTime()) return n.status;
  const answeredInTime = n.respondedAt != null && n.respondedAt.getTime() <= n.dueAt.getTime();
  return n.status === 'responded' && answeredInTime ? 'responded' : 'overdue';
}

/** 整改通知书 — issued by the office with its items; due 7 days later (Civil Code art. 203 for the last day). */
export async function issueRectification(
  db: Database,
  actor: Actor,
  contractId: string,
  items: z.infer<typeof NoticeItems>['items'],
  now: Date,
) {
  const [c, readings] = await Promise.all([getContract(db, contractId), readingsOf(db, contractId)]);
  const days = rectificationDaysOf(c, readings);
  const due = days == null ? null : addCalendarDays(await loadCalendar(db), now, days);
  return db.transaction(async (tx) => {
    const year = localDateOf(now).slice(0, 4);
    const [n] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(rectificationNotices)
      .where(sql`${rectificationNotices.number} like ${`ZG-${year}-%`}`);
    const [row] = await tx
      .insert(rectificationNotices)
      .values({
        contractId,
        number: `ZG-${year}-${String(Number(n?.n ?? 0) + 1).padStart(3, '0')}`,
        issuedAt: now,
        issuedBy: actor.id,
        items,
        dueAt: due?.end ?? null,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: 'issue',
      entity: 'rectification',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/** The operator answers with what it did; the office then verifies. A rejected answer may be answered again. */
export async function respondRectification(
  db: DbOrTx,
  actor: Actor,
  id: number,
  response: string,
  now: Date,
) {
  const [n] = await db.select().from(rectificationNotices).where(eq(rectificationNotices.id, id));
  if (!n) throw notFound(`Rectification ${id}`, `整改通知 ${id} `);
  if (!['issued', 'rejected'].includes(n.status))
    throw conflict('rectification_state', `Notice ${n.number} is ${n.status}`, '该整改通知当前不能答复');
  const [after] = await db
    .update(rectificationNotices)
    .set({ response, respondedAt: now, respondedBy: actor.id, status: 'responded' })
    .where(eq(rectificationNotices.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'respond',
    entity: 'rectification',
    entityId: id,
    before: n,
    after,
  });
  return after!;
}

export async function verifyRectification(
  db: DbOrTx,
  actor: Actor,
  id: number,
  accept: boolean,
  note: string,
  now: Date,
) {
  const [n] = await db.select().from(rectificationNotices).where(eq(rectificationNotices.id, id));
  if (!n) throw notFound(`Rectification ${id}`, `整改通知 ${id} `);
  if (n.status !== 'responded')
    throw conflict('rectification_state', `Notice ${n.number} is ${n.status}`, '该整改通知尚未答复');
  const [after] = await db
    .update(rectificationNotices)
    .set({
      verification: accept ? 'accepted' : 'rejected',
      verifiedAt: now,
      verifiedBy: actor.id,
      verificationNote: note,
      status: accept ? 'accepted' : 'rejected',
    })
    .where(eq(rectificationNotices.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'verify',
    entity: 'rectification',
    entityId: id,
    before: n,
    after,
  });
  return after!;
}

export async function listRectifications(db: DbOrTx, contractId: string, now: Date) {
  const rows = await db
    .select()
    .from(rectificationNotices)
    .where(eq(rectificationNotices.contractId, contractId))
    .orderBy(asc(rectificationNotices.issuedAt));
  return rows.map((n) => ({
    ...n,
    state: rectificationState(n, now),
    // Luohe art. 5.4: after 7 days without meeting the requirements Party A may engage a third party at Party B's cost.
    thirdPartyAllowed: rectificationState(n, now) === 'overdue',
  }));
}

const STATE_ZH: Record<string, string> = {
  issued: '已下达，待答复',
  responded: '已答复，待核验',
  rejected: '核验未通过，待重新整改',
  overdue: '已逾期',
  closed: '整改完成',
};

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A printable notice (HTML with print styles): the office signs and stamps the paper copy. */
export async function printableRectification(db: DbOrTx, id: number, now: Date): Promise<string> {
  const [n] = await db.select().from(rectificationNotices).where(eq(rectificationNotices.id, id));
  if (!n) throw notFound(`Rectification ${id}`, `整改通知 ${id} `);
  const c = await getContract(db, n.contractId);
  const items = n.items as { text: string; basis?: string }[];
  const dueAt = n.dueAt;
  const deadline = dueAt
    ? `请于 ${esc(formatCityInstant(new Date(dueAt.getTime() - 1)).slice(0, 10))} 24 时前（即 ${esc(formatCityInstant(dueAt).slice(0, 10))} 前）完成整改并书面答复`
    : '请尽快完成整改并书面答复';
  // The clause is the contract file's own (Luohe art. 5.4), so another city's notice cites its own contract.
  const clause = c.deadlines.find((d) => d.id === 'rectification')?.clause;
  const cite = clause ? `（${esc(clause)}）` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>整改通知书 ${esc(n.number)}</title>
<style>body{font-family:"Noto Serif CJK SC","SimSun",serif;max-width:720px;margin:40px auto;line-height:1.9;font-size:16px}
h1{text-align:center;font-size:26px;letter-spacing:8px}.no{text-align:right}.sign{margin-top:60px;text-align:right}
@page{size:A4;margin:25mm 20mm}@media print{body{margin:0 auto}}</style></head><body>
<h1>整改通知书</h1><p class="no">编号：${esc(n.number)}</p>
<p>${esc(c.parties.partyB.name)}：</p>
<p>根据《${esc(c.name)}》有关服务要求的约定${cite}，经检查，贵方在服务中存在以下问题，${deadline}：</p>
<ol>${items.map((i) => `<li>${esc(i.text)}${i.basis ? `（依据：${esc(i.basis)}）` : ''}</li>`).join('')}</ol>
${dueAt ? `<p>逾期仍未达到服务要求的，甲方有权依合同约定${cite}邀请第三方提供服务，相关费用由贵方承担。</p>` : ''}
<p class="sign">${esc(c.parties.partyA.name)}<br>${esc(formatCityInstant(n.issuedAt).slice(0, 10))}</p>
<p style="color:#888;font-size:12px">打印于 ${esc(formatCityInstant(now).slice(0, 16).replace('T', ' '))}；状态：${STATE_ZH[rectificationState(n, now)] ?? esc(rectificationState(n, now))}</p>
</body></html>`;
}
