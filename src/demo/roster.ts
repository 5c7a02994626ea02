import { and, asc, eq, inArray } from 'drizzle-orm';
import type { LocalDate } from '../calendar/local-time.ts';
import type { DbOrTx } from '../db/client.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { rosterMembers, users } from '../db/schema.ts';
import { addMember, type TeamRole } from '../modules/workforce/index.ts';

/** The back office of a 45-person team besides agents and team leads (a plausible split, for the demo). */
const BACK_OFFICE: TeamRole[] = [
  'manager',
  'quality_inspector',
  'quality_inspector',
  'trainer',
  'kb_editor',
  'scheduler',
  'analyst',
];
const TEAM_LEADS = 4;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];
const GIVEN = [
  '佳怡',
  '子涵',
  '雨萱',
  '浩然',
  '思琪',
  '宇航',
  '欣怡',
  '梓萱',
  '俊杰',
  '雅婷',
  '晨曦',
  '博文',
];

/** Invented names, none repeated within the first 192. */
function inventedName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
}

/** '话务员 李娜' → '李娜': the demo's display names carry the role in front. */
function personName(displayName: string): string {
  return displayName.replace(/^(话务员|班长)\s+/, '').trim() || displayName;
}

/**
 * The demo's team: `agreed` members from `start` (the contract's first day), the platform's agent and team-lead
 * users linked where they exist, invented people otherwise. Does nothing when a roster is already on file.
 */
export async function seedDemoRoster(db: DbOrTx, o: { start: LocalDate; agreed?: number; now: Date }) {
  const agreed = o.agreed ?? 45;
  const [any] = await db.select({ id: rosterMembers.id }).from(rosterMembers).limit(1);
  if (any) return [];
  const staff = await db
    .select()
    .from(users)
    .where(and(inArray(users.role, ['agent', 'team_lead']), eq(users.active, true)))
    .orderBy(asc(users.id));
  const leads = staff.filter((u) => u.role === 'team_lead');
  const agents = staff.filter((u) => u.role === 'agent');
  const slots: { role: TeamRole; userId: number | null; name: string }[] = [];
  const linked = (role: TeamRole, u: (typeof staff)[number]) => ({
    role,
    userId: u.id,
    name: personName(u.displayName),
  });
  for (const u of leads) slots.push(linked('team_lead', u));
  let invented = 0;
  const invent = (role: TeamRole) => ({ role, userId: null, name: inventedName(invented++) });
  for (let i = leads.length; i < TEAM_LEADS; i++) slots.push(invent('team_lead'));
  for (const role of BACK_OFFICE) slots.push(invent(role));
  for (const u of agents) slots.push(linked('agent', u));
  while (slots.length < agreed) slots.push(invent('agent'));
  // A team smaller than the seats above keeps the linked users first, then whoever fits.
  const chosen =
    slots.length > agreed ? [...slots.filter((s) => s.userId), ...slots.filter((s) => !s.userId)] : slots;
  const created = [];
  for (const s of chosen.slice(0, agreed))
    created.push(await addMember(db, SYSTEM_ACTOR, { ...s, startDate: o.start }, o.now));
  return created;
}
