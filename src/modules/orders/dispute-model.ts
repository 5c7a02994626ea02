import { z } from 'zod';
import { zId, zInt } from '../../platform/input.ts';

/** Where a dispute stands, as lists filter it: `overdue` is pending past its decision time at `now`. */
export const DISPUTE_STATES = ['pending', 'overdue', 'decided', 'all'] as const;

export const ListDisputesQuery = z.object({
  state: z.enum(DISPUTE_STATES).default('pending'),
  departmentId: zId.optional().describe('the department that raised it'),
  page: zInt(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListDisputesQuery = z.infer<typeof ListDisputesQuery>;

/** One 派单异议 with the names a screen shows and whether its decision is overdue at the time of the request. */
export const DisputeView = z.object({
  id: z.number(),
  orderId: z.number(),
  orderNumber: z.string(),
  orderTitle: z.string(),
  orderStatus: z.string(),
  dispatchId: z.number(),
  departmentId: z.number(),
  departmentName: z.string().nullable(),
  categoryId: z.number().nullable(),
  categoryPath: z.array(z.string()).nullable(),
  reason: z.string(),
  proposedDepartmentId: z.number().nullable(),
  proposedDepartmentName: z.string().nullable(),
  raisedAt: z.date(),
  raisedBy: z.number().nullable(),
  decideDueAt: z.date(),
  /** Still pending and past `decideDueAt` (orders.disputeDecisionWorkingDays). */
  overdue: z.boolean(),
  outcome: z.string(),
  outcomeLabel: z.string(),
  decidedAt: z.date().nullable(),
  decidedBy: z.number().nullable(),
  decisionNote: z.string().nullable(),
  decidedDepartmentId: z.number().nullable(),
  decidedDepartmentName: z.string().nullable(),
});
export type DisputeView = z.infer<typeof DisputeView>;

export const ListDisputesResponse = z.object({
  items: z.array(DisputeView),
  total: z.number(),
  /** Pending disputes past their decision time, whatever the filter. */
  overdue: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const OrderDisputesResponse = z.object({ items: z.array(DisputeView) });

/** Categories disputed at least `minDisputes` times in the last `windowDays` days (the catalogue's owner reviews). */
export const DisputeFlagsResponse = z.object({
  minDisputes: z.number(),
  windowDays: z.number(),
  items: z.array(
    z.object({
      categoryId: z.number(),
      categoryPath: z.array(z.string()).nullable(),
      disputes: z.number(),
      outcomes: z.record(z.string(), z.number()),
      departments: z.array(
        z.object({ departmentId: z.number(), name: z.string().nullable(), disputes: z.number() }),
      ),
      lastRaisedAt: z.date(),
    }),
  ),
});
