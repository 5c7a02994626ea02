import { z } from 'zod';

/** GET /api/audit — the audit trail for the office and the administrator (等保 2.0 8.1.4.3: audit review). */
export const AuditQuery = z.object({
  userId: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe('the acting user'),
  action: z.string().trim().min(1).max(100).optional(),
  entity: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('at or after (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional().describe('before (ISO 8601)'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditItem = z.object({
  id: z.number(),
  at: z.date(),
  actorId: z.number().nullable(),
  actorRole: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  hash: z.string().nullable(),
});

export const AuditPage = z.object({
  items: z.array(AuditItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** GET /api/audit/verify — the chain checked end to end, as `hotline audit verify --json` reports it. */
export const AuditVerdict = z.object({
  ok: z.boolean(),
  /** Good rows before the first break (all rows when ok). */
  entries: z.number(),
  /** Rows written and not linked into the chain yet (linked within a fraction of a second): not a break. */
  pending: z.number(),
  head: z.object({ lastId: z.number(), entries: z.number() }).nullable(),
  firstBroken: z
    .object({
      id: z.number(),
      at: z.string().nullable(),
      action: z.string().nullable(),
      reason: z.enum(['edited', 'deleted_before', 'deleted_at_end', 'unsealed']),
      detail: z.string(),
    })
    .nullable(),
  checkedAt: z.date(),
  /** How long the walk took. */
  seconds: z.number(),
});
