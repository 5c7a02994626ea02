/**
 * Who acts. `agent` 话务员, `team_lead` 班长, `office` 热线办 supervisor, `department` a handler bound to one
 * 承办单位, `admin` the platform administrator (users and reference data, not casework), `switch` a machine
 * account of the telephone switch that pushes call events (nothing else), `kb_editor` 知识库管理员 (the
 * operator's knowledge-base editor: articles, dictionary, update notices, hot-topic training, standards).
 */
export const ROLES = ['agent', 'team_lead', 'office', 'department', 'admin', 'switch', 'kb_editor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  agent: '话务员',
  team_lead: '班长',
  office: '热线办',
  department: '承办单位',
  admin: '系统管理员',
  switch: '交换机接口',
  kb_editor: '知识库管理员',
};

export interface Actor {
  id: number | null;
  username: string;
  displayName: string;
  role: Role | 'system' | 'citizen';
  departmentId: number | null;
}

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
