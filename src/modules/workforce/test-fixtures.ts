import type { MemberSpan, RosterFacts } from './headcount.ts';

/** `n` members from `startDate` with ids from `firstId`, for the rule tests. */
export function teamOf(n: number, startDate: string, firstId = 1, role = 'agent'): MemberSpan[] {
  return Array.from({ length: n }, (_, i) => ({ id: firstId + i, role, startDate, endDate: null }));
}

export function factsOf(members: MemberSpan[], extra: Partial<RosterFacts> = {}): RosterFacts {
  return { members, absences: [], changes: [], contractAgreed: 45, ...extra };
}

/** Ends member `id` on `endDate` (its last day on the team). */
export function ending(members: MemberSpan[], id: number, endDate: string): MemberSpan[] {
  return members.map((m) => (m.id === id ? { ...m, endDate } : m));
}
