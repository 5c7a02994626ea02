import { z } from 'zod';
import { ROLES } from '../../platform/actor.ts';
import { zId, zInt } from '../../platform/input.ts';

const code = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,32}$/, 'letters, digits, "_", "-" or "." (1–32)')
  .describe('stable code, e.g. ZJJ');
const name = z.string().trim().min(1).max(100);
const id = zId;
const workingDays = z.number().int().min(1).max(365);

export const DEPARTMENT_KINDS = ['municipal', 'district', 'township', 'enterprise', 'other'] as const;

export const CreateDepartmentInput = z.object({
  code,
  name,
  shortName: z.string().trim().min(1).max(30),
  parentId: id.nullish(),
  kind: z.enum(DEPARTMENT_KINDS).default('municipal'),
  contactName: z.string().trim().max(50).nullish(),
  contactPhone: z.string().trim().max(30).nullish(),
});
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInput>;

export const UpdateDepartmentInput = CreateDepartmentInput.omit({ code: true })
  .partial()
  .extend({ active: z.boolean().optional() });
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentInput>;

const CategoryKeywords = z
  .array(z.string().trim().min(1).max(20))
  .max(30)
  .transform((ks) => [...new Set(ks)]);

export const CreateCategoryInput = z.object({
  code,
  name,
  parentId: id.nullish(),
  /** Default lead department (派单目录). */
  departmentId: id.nullish(),
  timeLimitDays: workingDays.nullish(),
  urgentTimeLimitDays: workingDays.nullish(),
  sortOrder: zInt().default(0),
  /** The words citizens use for the matter (烧烤 for 餐饮油烟): the category search matches them too. */
  keywords: CategoryKeywords.default([]),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>;

export const UpdateCategoryInput = CreateCategoryInput.omit({ code: true })
  .partial()
  .extend({ active: z.boolean().optional(), keywords: CategoryKeywords.optional() });
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryInput>;

export const CreateUserInput = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{2,40}$/, 'letters, digits, "_", "-" or "." (2–40)'),
  password: z.string().min(8).max(200),
  role: z.enum(ROLES),
  displayName: z.string().trim().min(1).max(50).optional(),
  departmentId: id.nullish(),
  /** The agent's id on the telephone switch, to match call records (extension or agent number). */
  agentCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{1,32}$/, 'an extension or agent number')
    .nullish(),
  team: z.string().trim().max(30).nullish(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  password: z.string().min(8).max(200).optional(),
  role: z.enum(ROLES).optional(),
  departmentId: id.nullish(),
  agentCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{1,32}$/, 'an extension or agent number')
    .nullish(),
  team: z.string().trim().max(30).nullish(),
  active: z.boolean().optional(),
  /**
   * `true`: the user must change the password at the next sign-in (a password an administrator set or gave
   * out), whatever the age rule; their open sessions may then only change it.
   */
  expirePassword: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const LoginInput = z.object({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
  /** `cookie`: the console's sign-in — the token is set as an HttpOnly cookie only, not returned. */
  session: z.enum(['token', 'cookie']).default('token'),
  /** The one-time code (6 digits) or a recovery code, for a user with a second factor (`totp_required`). */
  code: z.string().trim().min(6).max(20).optional(),
});

/** A user's own password change (`POST /api/auth/password`), with the current password instead of a session. */
export const ChangePasswordInput = z.object({
  username: z.string().min(1).max(40),
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
  /** The one-time code or a recovery code, for a user with a second factor. */
  code: z.string().trim().min(6).max(20).optional(),
  /** Sign in with the new password at once: `cookie` (the console) or `token`; absent: no session. */
  session: z.enum(['token', 'cookie']).optional(),
});

/** What a session may not do yet (see `SessionRestriction`): null when nothing. */
const Restriction = z.enum(['password_expired', 'totp_enrolment']).nullable();

/** A 6-digit code from the authenticator app (enrolment, new recovery codes). */
export const TotpCodeInput = z.object({ code: z.string().trim().min(6).max(20) });

export const TotpStatusResponse = z.object({
  enabled: z.boolean(),
  /** Enrolment started and not yet confirmed. */
  pending: z.boolean(),
  /** The policy (setting `auth.totp`) makes it compulsory for the user's role. */
  required: z.boolean(),
  enabledAt: z.date().nullable(),
  recoveryCodesLeft: z.number(),
});

export const TotpEnrolResponse = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  /** `otpauth://totp/…`, shown as a QR code. */
  otpauthUri: z.string(),
  digits: z.number(),
  period: z.number(),
});

export const TotpCodesResponse = z.object({
  enabled: z.boolean(),
  /** Shown this once; each works once in place of a code. */
  recoveryCodes: z.array(z.string()),
});

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

export const LoginResponse = z.object({
  /** Absent when the console asked for the HttpOnly cookie alone (`session: 'cookie'`). */
  token: z.string().optional(),
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['team_lead', 'office', 'agent', 'department', 'admin', 'switch', 'kb_editor']),
    departmentId: z.number().nullable(),
    agentCode: z.string().nullable(),
    team: z.string().nullable(),
    active: z.boolean(),
  }),
  expiresAt: z.date(),
  restriction: Restriction.optional(),
});

/** `POST /api/auth/password`: with `session`, the new session as sign-in answers it. */
export const ChangePasswordResponse = LoginResponse.partial().extend({ ok: z.boolean() });

export const PostAuthLogoutResponse = z.object({ ok: z.boolean() });

export const GetAuthMeResponse = z.object({
  user: z.object({
    id: z.number().nullable(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum([
      'team_lead',
      'office',
      'agent',
      'department',
      'admin',
      'switch',
      'kb_editor',
      'system',
      'citizen',
    ]),
    departmentId: z.number().nullable(),
  }),
  /** What the session must do before anything else (change the password, set up the second factor). */
  restriction: Restriction,
  secondFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
});

export const GetDepartmentsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      parentId: z.number().nullable(),
      kind: z.string(),
      contactName: z.string().nullable(),
      contactPhone: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
});

export const PostDepartmentsResponse = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  parentId: z.number().nullable(),
  kind: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
});

export const GetCategoriesResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      parentId: z.number().nullable(),
      path: z.array(z.string()),
      isLeaf: z.boolean(),
      departmentId: z.number().nullable(),
      timeLimitDays: z.number().nullable(),
      urgentTimeLimitDays: z.number().nullable(),
      effective: z.object({
        departmentId: z.number().nullable(),
        timeLimitDays: z.number().nullable(),
        urgentTimeLimitDays: z.number().nullable(),
      }),
      sortOrder: z.number(),
      keywords: z.array(z.string()),
      active: z.boolean(),
    }),
  ),
});

export const PostCategoriesResponse = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().nullable(),
  path: z.array(z.string()),
  isLeaf: z.boolean(),
  departmentId: z.number().nullable(),
  timeLimitDays: z.number().nullable(),
  urgentTimeLimitDays: z.number().nullable(),
  effective: z.object({
    departmentId: z.number().nullable(),
    timeLimitDays: z.number().nullable(),
    urgentTimeLimitDays: z.number().nullable(),
  }),
  sortOrder: z.number(),
  keywords: z.array(z.string()),
  active: z.boolean(),
});

export const GetUsersResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(['team_lead', 'office', 'agent', 'department', 'admin', 'switch', 'kb_editor']),
      departmentId: z.number().nullable(),
      agentCode: z.string().nullable(),
      team: z.string().nullable(),
      active: z.boolean(),
      /** Has set up the second factor (TOTP). */
      secondFactor: z.boolean(),
    }),
  ),
});

export const PostUsersResponse = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['team_lead', 'office', 'agent', 'department', 'admin', 'switch', 'kb_editor']),
  departmentId: z.number().nullable(),
  agentCode: z.string().nullable(),
  team: z.string().nullable(),
  active: z.boolean(),
});
