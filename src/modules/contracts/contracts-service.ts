import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { definitionHash, parseContractDefinition, readRepositoryContracts } from './definitions.ts';
import type { ContractDefinition } from './model.ts';
import { DEFAULT_READINGS, READINGS, type ReadingKey, type Readings } from './readings.ts';
import { ensureReportObligations } from './reports-service.ts';
import { contractDefinitions, contractReadings } from './schema.ts';

/** Loads the repository's contract files into the database (new versions only); returns what was added. */
export async function syncRepositoryContracts(db: DbOrTx, now: Date): Promise<string[]> {
  const added: string[] = [];
  for (const c of readRepositoryContracts()) {
    const inserted = await db
      .insert(contractDefinitions)
      .values({ id: c.id, version: c.version, definition: c, source: 'repository', loadedAt: now })
      .onConflictDoNothing()
      .returning({ id: contractDefinitions.id });
    if (inserted.length) {
      added.push(`${c.id}@${c.version}`);
      await ensureReportObligations(db, c);
      continue;
    }
    // A loaded version is never rewritten: a file changed without a new version would make a statement computed
    // under "version N" unreproducible (it happened: luohe-2025 gained `rectification` as version 1).
    const [stored] = await db
      .select({ definition: contractDefinitions.definition })
      .from(contractDefinitions)
      .where(and(eq(contractDefinitions.id, c.id), eq(contractDefinitions.version, c.version)));
    if (stored && definitionHash(stored.definition) !== definitionHash(c))
      throw new Error(
        `contracts/${c.id}: version ${c.version} is already loaded with different content; a changed contract needs a new "version" (and a "changes" line)`,
      );
  }
  return added;
}

/** The office loads a contract definition (a new city's contract, or a new version of one). */
export async function loadContract(
  db: DbOrTx,
  actor: Actor,
  json: unknown,
  now: Date,
): Promise<ContractDefinition> {
  const c = parseContractDefinition(json);
  const [existing] = await db
    .select()
    .from(contractDefinitions)
    .where(and(eq(contractDefinitions.id, c.id), eq(contractDefinitions.version, c.version)));
  if (existing)
    throw validationFailed([
      { field: 'version', message: `${c.id} version ${c.version} is already loaded; give a new version` },
    ]);
  await db.insert(contractDefinitions).values({
    id: c.id,
    version: c.version,
    definition: c,
    source: 'upload',
    loadedBy: actor.id,
    loadedAt: now,
  });
  await ensureReportObligations(db, c);
  await recordAudit(db, actor, now, {
    action: 'load',
    entity: 'contract',
    entityId: `${c.id}@${c.version}`,
    after: c,
  });
  return c;
}

/** The latest loaded version of a contract, or the version asked (to reproduce a statement made under it). */
export async function getContract(db: DbOrTx, id: string, version?: number): Promise<ContractDefinition> {
  const [row] = await db
    .select()
    .from(contractDefinitions)
    .where(
      version == null
        ? eq(contractDefinitions.id, id)
        : and(eq(contractDefinitions.id, id), eq(contractDefinitions.version, version)),
    )
    .orderBy(desc(contractDefinitions.version))
    .limit(1);
  if (!row)
    throw notFound(
      `Contract ${id}${version == null ? '' : ` version ${version}`}`,
      `合同 ${id}${version == null ? '' : ` 第 ${version} 版`} `,
    );
  return row.definition as ContractDefinition;
}

export async function listContracts(db: DbOrTx) {
  const rows = await db
    .select()
    .from(contractDefinitions)
    .orderBy(contractDefinitions.id, desc(contractDefinitions.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.id)) latest.set(r.id, r);
  return [...latest.values()].map((r) => {
    const c = r.definition as ContractDefinition;
    return {
      id: c.id,
      version: c.version,
      name: c.name,
      city: c.city,
      term: c.term,
      totalFen: c.totalFen,
      source: r.source,
      loadedAt: r.loadedAt,
    };
  });
}

/** The readings in force for a contract: the stored choices over the documented defaults. */
export async function readingsOf(db: DbOrTx, contractId: string): Promise<Readings> {
  const rows = await db.select().from(contractReadings).where(eq(contractReadings.contractId, contractId));
  const readings = { ...DEFAULT_READINGS } as Record<string, unknown>;
  for (const r of rows) {
    const def = READINGS[r.key as ReadingKey];
    const parsed = def?.schema.safeParse(r.value);
    if (parsed?.success) readings[r.key] = parsed.data;
  }
  return readings as Readings;
}

export async function setReading(
  db: DbOrTx,
  actor: Actor,
  contractId: string,
  key: string,
  value: unknown,
  now: Date,
) {
  await getContract(db, contractId);
  const def = READINGS[key as ReadingKey];
  if (!def) throw notFound(`Reading ${key}`, `解释项 ${key} `);
  const parsed = def.schema.safeParse(value);
  if (!parsed.success)
    throw validationFailed(
      parsed.error.issues.map((i) => ({ field: ['value', ...i.path].join('.'), message: i.message })),
    );
  const [before] = await db
    .select()
    .from(contractReadings)
    .where(and(eq(contractReadings.contractId, contractId), eq(contractReadings.key, key)));
  const values = { contractId, key, value: parsed.data as object, updatedBy: actor.id, updatedAt: now };
  await db
    .insert(contractReadings)
    .values(values)
    .onConflictDoUpdate({ target: [contractReadings.contractId, contractReadings.key], set: values });
  await recordAudit(db, actor, now, {
    action: 'set_reading',
    entity: 'contract',
    entityId: `${contractId}:${key}`,
    before: before?.value,
    after: parsed.data,
  });
  return parsed.data;
}
