import { ROLE_LABELS as SHARED_ROLE_LABELS } from '../shared/labels.ts';

/**
 * Who acts. `agent` 话务员, `team_lead` 班长, `office` 热线办 supervisor, `department` a handler bound to one
 * 承办单位, `admin` the platform administrator (users and reference data, not casework), `switch` a machine
 * account of the telephone switch that pushes call events (nothing else), `kb_editor` 知识库管理员 (the
 * operator's knowledge-base editor: articles, dictionary, update notices, hot-topic training, standards).
 */
export const ROLES = ['agent', 'team_lead', 'office', 'department', 'admin', 'switch', 'kb_editor'] as const;
export type Role = (typeof ROLES)[number];

/** The roles' zh-CN labels, from the one table the console shares (src/shared/labels.ts). */
export const ROLE_LABELS: Record<Role, string> = SHARED_ROLE_LABELS;

export interface Actor {
  id: number | null;
  username: string;
  displayName: string;
  role: Role | 'system' | 'citizen';
  departmentId: number | null;
  /** Set on a session that may only finish signing in (see `installAuthentication`). */
  restriction?: SessionRestriction;
}

/**
 * `password_expired`: the password is past the policy's age and must be changed first; `totp_enrolment`: the
 * role must use a second factor and the user has not set one up yet.
 */
export type SessionRestriction = 'password_expired' | 'totp_enrolment';

/** The platform itself, for automatic records (deadline sweep, seeding). */
export const SYSTEM_ACTOR: Actor = {
  id: null,
  username: 'system',
  displayName: '系统',
  role: 'system',
  departmentId: null,
};

/** A citizen using the public pages, who has no account. */
export const CITIZEN_ACTOR: Actor = {
  id: null,
  username: 'citizen',
  displayName: '市民',
  role: 'citizen',
  departmentId: null,
};

export function isStaffRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}
