import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import { zId } from '../../platform/input.ts';

/**
 * A role on the operator's team. Both contracts count the whole team toward the 45 (Luohe art. 6.5 运营团队
 * 人员数量45人; Sanmenxia art. 4 派驻45名人员), not only the agents.
 */
export const TEAM_ROLES = [
  'agent',
  'team_lead',
  'quality_inspector',
  'trainer',
  'kb_editor',
  'scheduler',
  'analyst',
  'manager',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  agent: '话务员',
  team_lead: '班长',
  quality_inspector: '质检员',
  trainer: '培训师',
  kb_editor: '知识库管理员',
  scheduler: '排班员',
  analyst: '分析员',
  manager: '项目经理',
};

/** Why a membership ended: the cases Sanmenxia art. 13.4 names (辞职、辞退、调岗) and art. 12.2 (更换). */
export const END_REASONS = ['resigned', 'dismissed', 'transferred', 'replaced_at_request', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

export const END_REASON_LABELS: Record<EndReason, string> = {
  resigned: '辞职',
  dismissed: '辞退',
  transferred: '调岗',
  replaced_at_request: '应甲方要求更换',
  other: '其他',
};

/** 请假、病休 (Sanmenxia art. 13.4). */
export const ABSENCE_KINDS = ['leave', 'sick_leave', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export const ABSENCE_KIND_LABELS: Record<AbsenceKind, string> = {
  leave: '请假',
  sick_leave: '病休',
  other: '其他',
};

/**
 * What "present" means for the staffing rate (到位率, Sanmenxia art. 13.4): on the team that day (default), or
 * on the team and not on leave or sick leave. The contract settlement names the reading it uses.
 */
export const PRESENT_MEANS = ['employed', 'employed_not_absent'] as const;
export type PresentMeans = (typeof PRESENT_MEANS)[number];

export const localDay = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');
const note = z.string().trim().max(2000);

export const MemberInput = z.object({
  name: z.string().trim().min(1).max(50),
  userId: zId.nullish(),
  role: z.enum(TEAM_ROLES),
  startDate: localDay,
  note: note.nullish(),
});
export type MemberInput = z.infer<typeof MemberInput>;

/** An edit corrects any field; ending (or re-opening, to undo a wrong end) goes through `endDate`/`endReason`. */
export const MemberPatch = MemberInput.partial().extend({
  endDate: localDay.nullish(),
  endReason: z.enum(END_REASONS).nullish(),
});
export type MemberPatch = z.infer<typeof MemberPatch>;

export const EndMembershipInput = z.object({
  endDate: localDay,
  endReason: z.enum(END_REASONS),
  note: note.nullish(),
});
export type EndMembershipInput = z.infer<typeof EndMembershipInput>;

const HeadcountChangeFields = z.object({
  effectiveOn: localDay,
  agreed: z.number().int().min(0).max(10_000),
  consented: z.boolean(),
  consentedOn: localDay.nullish(),
  /** The document by which Party A consented (letter number, minutes). */
  consentRef: z.string().trim().max(200).nullish(),
  /** When the change was announced (Sanmenxia art. 4: 7 days ahead). */
  noticeGivenOn: localDay.nullish(),
  note: note.nullish(),
});

export const HeadcountChangeInput = HeadcountChangeFields.extend({ consented: z.boolean().default(false) });
export type HeadcountChangeInput = z.infer<typeof HeadcountChangeInput>;

/** A partial edit: a field left out keeps its value (no defaults apply). */
export const HeadcountChangePatch = HeadcountChangeFields.partial();
export type HeadcountChangePatch = z.infer<typeof HeadcountChangePatch>;

export const AbsenceInput = z.object({
  memberId: zId,
  kind: z.enum(ABSENCE_KINDS),
  fromDate: localDay,
  /** The last day of the absence (inclusive). */
  toDate: localDay,
  note: note.nullish(),
});
export type AbsenceInput = z.infer<typeof AbsenceInput>;

export const AbsencePatch = AbsenceInput.omit({ memberId: true }).partial();
export type AbsencePatch = z.infer<typeof AbsencePatch>;

export const ReplacementRequestInput = z.object({
  memberId: zId,
  requestedOn: localDay,
  reason: z.string().trim().min(1).max(2000),
  documentRef: z.string().trim().max(200).nullish(),
});
export type ReplacementRequestInput = z.infer<typeof ReplacementRequestInput>;

export const FulfilReplacementInput = z.object({
  replacementMemberId: zId,
  /** The unfit member's last day, when their membership is still open: it is ended here. */
  endDate: localDay.optional(),
  note: note.nullish(),
});
export type FulfilReplacementInput = z.infer<typeof FulfilReplacementInput>;

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

export const GetWorkforceMembersResponse = z.object({
  items: z.array(
    z.object({
      username: z.string().nullable(),
      roleLabel: z.string(),
      endReasonLabel: z.string().nullable(),
      id: z.number(),
      name: z.string(),
      note: z.string().nullable(),
      createdBy: z.number().nullable(),
      createdAt: z.date(),
      role: z.string(),
      updatedAt: z.date(),
      userId: z.number().nullable(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      endReason: z.string().nullable(),
    }),
  ),
});

export const GetWorkforceMembersIdResponse = z.object({
  absences: z.array(
    z.object({
      kindLabel: z.string(),
      id: z.number(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
      kind: z.string(),
      note: z.string().nullable(),
      updatedAt: z.date(),
      memberId: z.number(),
      fromDate: z.string(),
      toDate: z.string(),
      cancelledAt: z.date().nullable(),
      cancelledBy: z.number().nullable(),
    }),
  ),
  roleLabel: z.string(),
  endReasonLabel: z.string().nullable(),
  id: z.number(),
  name: z.string(),
  note: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  role: z.string(),
  updatedAt: z.date(),
  userId: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const PostWorkforceMembersResponse = z.object({
  roleLabel: z.string(),
  endReasonLabel: z.string().nullable(),
  id: z.number(),
  name: z.string(),
  note: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  role: z.string(),
  updatedAt: z.date(),
  userId: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const GetWorkforceAbsencesResponse = z.object({
  items: z.array(
    z.object({
      kindLabel: z.string(),
      id: z.number(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
      kind: z.string(),
      note: z.string().nullable(),
      updatedAt: z.date(),
      memberId: z.number(),
      fromDate: z.string(),
      toDate: z.string(),
      cancelledAt: z.date().nullable(),
      cancelledBy: z.number().nullable(),
    }),
  ),
});

export const PostWorkforceAbsencesResponse = z.object({
  kindLabel: z.string(),
  id: z.number(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  kind: z.string(),
  note: z.string().nullable(),
  updatedAt: z.date(),
  memberId: z.number(),
  fromDate: z.string(),
  toDate: z.string(),
  cancelledAt: z.date().nullable(),
  cancelledBy: z.number().nullable(),
});

export const GetWorkforceHeadcountResponse = z.object({
  reading: z.object({
    presentMeans: z.enum(['employed', 'employed_not_absent']),
    roles: z.array(z.string()).readonly().nullable(),
    agreed: z.number(),
  }),
  days: z.array(
    z.object({
      day: z.string(),
      agreed: z.number(),
      changeId: z.number().nullable(),
      headcount: z.number(),
      present: z.number(),
      shortfall: z.number(),
    }),
  ),
  from: z.string(),
  to: z.string(),
});

export const GetWorkforceEvidenceResponse = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  through: z.string().nullable(),
  reading: z.object({
    capAtAgreed: z.boolean(),
    fillDays: z.number().nullable(),
    replacementDays: z.number().nullable(),
    noticeDays: z.number().nullable(),
    presentMeans: z.enum(['employed', 'employed_not_absent']),
    roles: z.array(z.string()).readonly().nullable(),
    agreed: z.number(),
  }),
  shortfallPeriods: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      days: z.number(),
      shortfall: z.number(),
      personDays: z.number(),
    }),
  ),
  shortfall: z.object({ days: z.number(), personDays: z.number(), max: z.number() }),
  staffingRate: z.object({
    reading: z.object({
      presentMeans: z.enum(['employed', 'employed_not_absent']),
      roles: z.array(z.string()).readonly().nullable(),
      capAtAgreed: z.boolean(),
    }),
    days: z.array(
      z.object({
        day: z.string(),
        agreed: z.number(),
        headcount: z.number(),
        present: z.number(),
        counted: z.number(),
      }),
    ),
    numerator: z.number(),
    denominator: z.number(),
    value: z.number().nullable(),
    evidence: z.object({
      counted: z.array(z.union([z.string(), z.number()])),
      met: z.array(z.union([z.string(), z.number()])),
      entity: z.string(),
    }),
    excluded: z.array(z.object({ reason: z.string(), ids: z.array(z.union([z.string(), z.number()])) })),
  }),
  vacancies: z.array(
    z.object({
      memberName: z.string().nullable(),
      endReason: z.string().nullable(),
      memberId: z.number(),
      cause: z.enum(['left', 'absent']),
      openedOn: z.string(),
      filledOn: z.string().nullable(),
      days: z.number(),
      dueOn: z.string().nullable(),
      late: z.boolean().nullable(),
    }),
  ),
  replacementRequests: z.array(
    z.object({
      replacedOn: z.string().nullable(),
      days: z.number().nullable(),
      dueOn: z.string().nullable(),
      late: z.boolean().nullable(),
      memberName: z.string(),
      replacementName: z.string().nullable(),
      id: z.number(),
      memberId: z.number(),
      requestedOn: z.string(),
      reason: z.string(),
      documentRef: z.string().nullable(),
      status: z.string(),
      replacementMemberId: z.number().nullable(),
      fulfilledAt: z.date().nullable(),
      fulfilledBy: z.number().nullable(),
      withdrawnAt: z.date().nullable(),
      withdrawnBy: z.number().nullable(),
      note: z.string().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
    }),
  ),
  headcountChanges: z.array(
    z.object({
      notice: z.object({
        dueBy: z.string().nullable(),
        daysAhead: z.number().nullable(),
        status: z.enum(['on_time', 'late', 'not_recorded', 'no_rule']),
      }),
      id: z.number(),
      effectiveOn: z.string(),
      agreed: z.number(),
      consented: z.boolean(),
      consentedOn: z.string().nullable(),
      consentRef: z.string().nullable(),
      noticeGivenOn: z.string().nullable(),
      note: z.string().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
});

export const GetWorkforceHeadcountChangesResponse = z.object({
  items: z.array(
    z.object({
      notice: z.object({
        dueBy: z.string().nullable(),
        daysAhead: z.number().nullable(),
        status: z.enum(['on_time', 'late', 'not_recorded', 'no_rule']),
      }),
      id: z.number(),
      effectiveOn: z.string(),
      agreed: z.number(),
      consented: z.boolean(),
      consentedOn: z.string().nullable(),
      consentRef: z.string().nullable(),
      noticeGivenOn: z.string().nullable(),
      note: z.string().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
});

export const PostWorkforceHeadcountChangesResponse = z.object({
  id: z.number(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  note: z.string().nullable(),
  updatedAt: z.date(),
  agreed: z.number(),
  effectiveOn: z.string(),
  consented: z.boolean(),
  consentedOn: z.string().nullable(),
  consentRef: z.string().nullable(),
  noticeGivenOn: z.string().nullable(),
});

export const PatchWorkforceHeadcountChangesIdResponse = z.object({
  id: z.number(),
  effectiveOn: z.string(),
  agreed: z.number(),
  consented: z.boolean(),
  consentedOn: z.string().nullable(),
  consentRef: z.string().nullable(),
  noticeGivenOn: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  updatedAt: z.date(),
});

export const GetWorkforceReplacementRequestsResponse = z.object({
  items: z.array(
    z.object({
      replacedOn: z.string().nullable(),
      days: z.number().nullable(),
      dueOn: z.string().nullable(),
      late: z.boolean().nullable(),
      memberName: z.string(),
      replacementName: z.string().nullable(),
      id: z.number(),
      memberId: z.number(),
      requestedOn: z.string(),
      reason: z.string(),
      documentRef: z.string().nullable(),
      status: z.string(),
      replacementMemberId: z.number().nullable(),
      fulfilledAt: z.date().nullable(),
      fulfilledBy: z.number().nullable(),
      withdrawnAt: z.date().nullable(),
      withdrawnBy: z.number().nullable(),
      note: z.string().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
    }),
  ),
});

export const PostWorkforceReplacementRequestsResponse = z.object({
  id: z.number(),
  status: z.string(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  reason: z.string(),
  note: z.string().nullable(),
  memberId: z.number(),
  requestedOn: z.string(),
  documentRef: z.string().nullable(),
  replacementMemberId: z.number().nullable(),
  fulfilledAt: z.date().nullable(),
  fulfilledBy: z.number().nullable(),
  withdrawnAt: z.date().nullable(),
  withdrawnBy: z.number().nullable(),
});

export const PostWorkforceReplacementRequestsIdFulfilResponse = z.object({
  id: z.number(),
  memberId: z.number(),
  requestedOn: z.string(),
  reason: z.string(),
  documentRef: z.string().nullable(),
  status: z.string(),
  replacementMemberId: z.number().nullable(),
  fulfilledAt: z.date().nullable(),
  fulfilledBy: z.number().nullable(),
  withdrawnAt: z.date().nullable(),
  withdrawnBy: z.number().nullable(),
  note: z.string().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
});
