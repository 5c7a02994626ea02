/** Shapes of the API's answers that the console reads (see the server's presenters). */

export type Role = 'agent' | 'team_lead' | 'office' | 'department' | 'admin';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  active?: boolean;
}

export interface Department {
  id: number;
  code: string;
  name: string;
  shortName: string;
  parentId: number | null;
  kind: string;
  contactName: string | null;
  contactPhone: string | null;
  active: boolean;
}

export interface Category {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  path: string[];
  isLeaf: boolean;
  departmentId: number | null;
  timeLimitDays: number | null;
  urgentTimeLimitDays: number | null;
  effective: {
    departmentId: number | null;
    timeLimitDays: number | null;
    urgentTimeLimitDays: number | null;
  };
  sortOrder: number;
  active: boolean;
}

export interface Order {
  id: number;
  number: string;
  status: string;
  statusLabel: string;
  channel: string;
  type: string;
  categoryId: number | null;
  categoryPath: string[] | null;
  urgency: string;
  title: string;
  content: string;
  caller: {
    name: string | null;
    phone: string | null;
    anonymous: boolean;
    callbackWanted: boolean;
    masked: boolean;
  };
  location: { district: string | null; address: string | null };
  departmentId: number | null;
  departmentName: string | null;
  coDepartmentIds: number[];
  receivedAt: string;
  responseDueAt: string | null;
  respondedAt: string | null;
  timeLimitDays: number | null;
  handleDueAt: string | null;
  activeDeadline: { kind: 'response' | 'handling'; dueAt: string } | null;
  deadlineState: 'normal' | 'warned' | 'overdue';
  dispatchedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  answer: string | null;
  reply: string | null;
  satisfaction: string | null;
  reopenCount: number;
  returnCount: number;
  returnJudgementPending: boolean;
  extensionPending: boolean;
  appealStatus: string;
  excludedFromAssessment: boolean;
  mergedIntoId: number | null;
  version: number;
  allowedActions: string[];
  /** In lists: what waits for the office's decision on this order. */
  pending?: {
    return?: { departmentId: number; reasonCode: string; reason: string; returnedAt: string };
    extension?: { workingDays: number; reason: string; requestedAt: string };
    appeal?: { reason: string; appellantRole: string; appealedAt: string };
  };
}

export interface HistoryEntry {
  id: number;
  action: string;
  at: string;
  actor: { id: number | null; role: string; name: string | null };
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface OrderDetail extends Order {
  history: HistoryEntry[];
  dispatches: {
    id: number;
    departmentId: number;
    dispatchedAt: string;
    dueAt: string;
    timeLimitDays: number;
    signedAt: string | null;
    endedAt: string | null;
    outcome: string | null;
    reopen: boolean;
  }[];
  returns: {
    id: number;
    departmentId: number;
    reasonCode: string;
    reason: string;
    returnedAt: string;
    operatorFault: boolean | null;
    judgedAt: string | null;
    judgeNote: string | null;
  }[];
  extensions: {
    id: number;
    workingDays: number;
    reason: string;
    requestedAt: string;
    outcome: string;
    decidedAt: string | null;
    newDueAt: string | null;
    decisionNote: string | null;
  }[];
  appeals: {
    id: number;
    reason: string;
    appealedAt: string;
    appellantRole: string;
    accepted: boolean | null;
    decidedAt: string | null;
    decisionNote: string | null;
  }[];
  callbacks: {
    id: number;
    at: string;
    reached: boolean;
    satisfaction: string | null;
    note: string | null;
    reopened: boolean;
  }[];
  supervisions: { id: number; at: string; kind: string; note: string }[];
  warnings?: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
