import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from './schema.ts';

/**
 * The few facts about people that other modules need (names for lists, agents and their switch codes), so that
 * quality, training and the others call these instead of reading the users table.
 */

/** A person as another module's list shows them. */
export interface PersonName {
  id: number;
  name: string;
  username: string;
  team: string | null;
  agentCode: string | null;
}

const personColumns = {
  id: users.id,
  name: users.displayName,
  username: users.username,
  team: users.team,
  agentCode: users.agentCode,
};

/**
 * The display name of the user whose id `userId` yields, as a scalar subquery another module's query can select:
 * one round trip for a detail that names its actors (issue 18), while the users table stays this module's.
 */
export function displayNameOf(userId: SQL): SQL<string | null> {
  return sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${userId})`;
}

/** The named people by id (unknown ids are simply absent from the map). */
export async function peopleByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, PersonName>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select(personColumns).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Agents with a code on the telephone switch (the people whose calls can be sampled). */
export async function agentsWithSwitchCodes(db: DbOrTx): Promise<(PersonName & { agentCode: string })[]> {
  const rows = await db
    .select(personColumns)
    .from(users)
    .where(and(eq(users.role, 'agent'), isNotNull(users.agentCode)))
    .orderBy(users.id);
  return rows.filter((r): r is PersonName & { agentCode: string } => r.agentCode !== null);
}

/** The ids of active agent accounts. */
export async function activeAgentIds(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'agent'), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** The frontline: agents and team leads, with their team and switch code. */
export async function frontlinePeople(db: DbOrTx): Promise<PersonName[]> {
  return db
    .select(personColumns)
    .from(users)
    .where(inArray(users.role, ['agent', 'team_lead']));
}

/** Account ids by switch agent code, whatever the role (the code is unique across accounts). */
export async function userIdsBySwitchCode(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: users.id, agentCode: users.agentCode })
    .from(users)
    .where(isNotNull(users.agentCode));
  return new Map(rows.map((r) => [r.agentCode!, r.id]));
}
