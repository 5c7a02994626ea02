import { z } from 'zod';
import { ROLES } from '../../platform/actor.ts';

const code = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,32}$/, 'letters, digits, "_", "-" or "." (1–32)')
  .describe('stable code, e.g. ZJJ');
const name = z.string().trim().min(1).max(100);
const id = z.coerce.number().int().positive();
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

export const CreateCategoryInput = z.object({
  code,
  name,
  parentId: id.nullish(),
  /** Default lead department (派单目录). */
  departmentId: id.nullish(),
  timeLimitDays: workingDays.nullish(),
  urgentTimeLimitDays: workingDays.nullish(),
  sortOrder: z.number().int().default(0),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>;

export const UpdateCategoryInput = CreateCategoryInput.omit({ code: true })
  .partial()
  .extend({ active: z.boolean().optional() });
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
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const LoginInput = z.object({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
});
