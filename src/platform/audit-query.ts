import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { Actor } from './actor.ts';
import { openPersonal, recordAudit } from './audit.ts';
import type { AuditQuery } from './audit-model.ts';
import { activeKeyring } from './keyring.ts';
import { auditLog } from './schema.ts';

/** First character and stars: the administrator runs the platform, not casework (PIPL art. 6: minimum need). */
function maskValue(v: unknown, key?: string): unknown {
  if (
    key &&
    typeof v === 'string' &&
    ['callerName', 'callerPhone', 'callerNumber', 'phone', 'address', 'idNumber'].includes(key)
  )
    return v ? `${[...v][0]}***` : v;
  if (Array.isArray(v)) return v.map((x) => maskValue(x));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(x, k)]));
  return v;
}

/**
 * One page of the audit trail, newest first. The office sees personal values in before/after opened; the
 * administrator sees them masked. Reading the trail is itself audited when it shows personal values.
 */
export async function listAudit(db: DbOrTx, actor: Actor, q: AuditQuery, now: Date) {
  const where: SQL[] = [];
  if (q.userId) where.push(eq(auditLog.actorId, q.userId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lt(auditLog.at, new Date(q.to)));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  const ring = activeKeyring();
  const full = actor.role === 'office';
  const items = rows.map((r) => {
    const before = openPersonal(ring, r.before);
    const after = openPersonal(ring, r.after);
    return {
      id: r.id,
      at: r.at,
      actorId: r.actorId,
      actorRole: r.actorRole,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: full ? before : maskValue(before),
      after: full ? after : maskValue(after),
      clientAddress: r.clientAddress,
      userAgent: r.userAgent,
      hash: r.hash,
    };
  });
  if (full && rows.some((r) => JSON.stringify([r.before, r.after]).includes('"sm4:')))
    await recordAudit(db, actor, now, {
      action: 'view_personal_data',
      entity: 'audit_log',
      after: { query: q },
    });
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
