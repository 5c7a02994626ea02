/**
 * Loads the demo contract (contract.ts) through the contracts module, as the office would upload one, and
 * delivers the monthly analysis reports already due under it, so KPI 11 has a month to show.
 */
import { localDateOf } from '../calendar/local-time.ts';
import type { Db } from '../db/client.ts';
import { SYSTEM_ACTOR, type Actor } from '../platform/actor.ts';
import {
  type ContractDefinition,
  getContract,
  listReports,
  loadContract,
  recordDelivery,
  syncRepositoryContracts,
} from '../modules/contracts/index.ts';
import { demoContractOf } from './contract.ts';

/** The contract the demo copies (contracts/luohe-2025.json, loaded at start-up). */
export const DEMO_CONTRACT_SOURCE = 'luohe-2025';

export async function seedDemoContract(
  db: Db,
  now: Date,
  log: (line: string) => void = () => undefined,
): Promise<ContractDefinition> {
  // The server loads the repository's contracts when it opens the database; a bare test database has not.
  await syncRepositoryContracts(db.orm, now);
  const def = demoContractOf(await getContract(db.orm, DEMO_CONTRACT_SOURCE), localDateOf(now));
  const existing = await getContract(db.orm, def.id).catch(() => null);
  if (existing) return existing;
  const c = await db.orm.transaction((tx) => loadContract(tx, SYSTEM_ACTOR, def, now));
  log(
    `demo contract ${c.id}: ${DEMO_CONTRACT_SOURCE}'s terms from ${c.term.from} to ${c.term.to} (exclusive)`,
  );
  return c;
}

const HOUR = 3600_000;

/**
 * The operator delivered each monthly report of a finished month a day or two into the next month, and the
 * office checked it complete (KPI 11 counts only checked deliveries). Reports of the current month are not
 * due yet and stay open.
 */
export async function deliverDemoReports(
  db: Db,
  contractId: string,
  office: Actor,
  now: Date,
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const month = localDateOf(now).slice(0, 7);
  let delivered = 0;
  for (const r of await listReports(db.orm, contractId)) {
    if (r.period >= month || r.deliveredAt) continue;
    // Delivered 30 hours into the next month, or two hours ago if that is earlier.
    const monthEnd = new Date(`${r.period}-01T00:00:00+08:00`);
    monthEnd.setUTCMonth(monthEnd.getUTCMonth() + 1);
    const at = new Date(Math.min(monthEnd.getTime() + 30 * HOUR, now.getTime() - 2 * HOUR));
    await db.orm.transaction((tx) =>
      recordDelivery(tx, office, r.id, { deliveredAt: at, complete: true, note: '演示：按期报送' }, now),
    );
    delivered++;
  }
  log(`demo reports: ${delivered} monthly reports delivered and checked`);
  return delivered;
}
