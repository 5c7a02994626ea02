/** Shared material for the triage tests (not a test file itself): a small catalogue and a synthetic history. */
import type { DbOrTx } from '../../db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createCategory, createDepartment } from '../directory/index.ts';
import { sealCaller } from '../orders/index.ts';
import { orders } from '../orders/schema.ts';
import { generateSyntheticDocs, SYNTHETIC_LABELS } from './synthetic-docs.ts';

export interface TriageCity {
  /** Top-level category id by name (the synthetic labels). */
  top: Map<string, number>;
  /** Two leaves under each top-level category. */
  leaves: Map<string, number[]>;
  /** Lead department of each top-level category's first leaf, by category name. */
  departments: Map<string, number>;
}

/** Departments and a two-level catalogue for the four synthetic categories (交通运输, 教育文体 …). */
export async function seedTriageCity(db: DbOrTx, now: Date): Promise<TriageCity> {
  const city: TriageCity = { top: new Map(), leaves: new Map(), departments: new Map() };
  for (const [i, name] of SYNTHETIC_LABELS.entries()) {
    const dept = await createDepartment(
      db,
      SYSTEM_ACTOR,
      { code: `D${i}`, name: `${name}局`, shortName: `${name}局`, kind: 'municipal' },
      now,
    );
    const other = await createDepartment(
      db,
      SYSTEM_ACTOR,
      { code: `E${i}`, name: `${name}中心`, shortName: `${name}中心`, kind: 'municipal' },
      now,
    );
    const top = await createCategory(
      db,
      SYSTEM_ACTOR,
      { code: `C${i}`, name, parentId: null, departmentId: dept.id, sortOrder: i },
      now,
    );
    const leafA = await createCategory(
      db,
      SYSTEM_ACTOR,
      { code: `C${i}A`, name: `${name}甲`, parentId: top.id, sortOrder: 0 },
      now,
    );
    const leafB = await createCategory(
      db,
      SYSTEM_ACTOR,
      { code: `C${i}B`, name: `${name}乙`, parentId: top.id, departmentId: other.id, sortOrder: 1 },
      now,
    );
    city.top.set(name, top.id);
    city.leaves.set(name, [leafA.id, leafB.id]);
    city.departments.set(name, dept.id);
  }
  return city;
}

export interface OrderRow {
  title: string;
  content: string;
  categoryId: number | null;
  departmentId?: number | null;
  status: string;
  receivedAt: Date;
  district?: string | null;
  address?: string | null;
  callerPhone?: string | null;
}

let serial = 0;

/**
 * Writes orders straight into the table, as an import of past orders would: the state machine is not what
 * these tests are about, and hundreds of orders through the services would take minutes.
 */
export async function insertOrders(db: DbOrTx, rows: readonly OrderRow[]): Promise<number[]> {
  if (!rows.length) return [];
  const inserted = await db
    .insert(orders)
    .values(
      rows.map((r) => ({
        number: `T${String(++serial).padStart(8, '0')}`,
        channel: 'phone',
        type: 'complaint',
        categoryId: r.categoryId,
        title: r.title,
        content: r.content,
        status: r.status,
        departmentId: r.departmentId ?? null,
        district: r.district ?? null,
        ...sealCaller({ callerName: null, callerPhone: r.callerPhone ?? null, address: r.address ?? null }),
        receivedAt: r.receivedAt,
        closedAt: r.status === 'closed' ? r.receivedAt : null,
        createdAt: r.receivedAt,
        updatedAt: r.receivedAt,
      })),
    )
    .returning({ id: orders.id });
  return inserted.map((r) => r.id);
}

/**
 * `perLabel` closed orders per category, one an hour up to `end`, filed under the leaves in turn, handled by
 * the leaf's department (the first leaf's orders by the top category's department).
 */
export async function insertHistory(
  db: DbOrTx,
  city: TriageCity,
  perLabel: number,
  end: Date,
  seed = 7,
): Promise<number> {
  const docs = generateSyntheticDocs(perLabel, seed);
  const rows: OrderRow[] = docs.map((d, i) => {
    const leaves = city.leaves.get(d.label)!;
    const round = Math.floor(i / SYNTHETIC_LABELS.length) % 2;
    return {
      title: d.title,
      content: d.content || d.title,
      categoryId: leaves[round]!,
      departmentId: round === 0 ? city.departments.get(d.label)! : null,
      status: 'closed',
      receivedAt: new Date(end.getTime() - (docs.length - i) * 3_600_000),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await insertOrders(db, rows.slice(i, i + 500));
  return rows.length;
}
