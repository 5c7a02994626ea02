/** Versioned models in the database (triage_models): store, activate, read the active one. */
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { TriageModel } from './classifier.ts';
import { deserializeModel, serializeModel } from './model-codec.ts';
import { triageModels, type DepartmentShares } from './schema.ts';

export interface ModelFigures {
  accuracy: number;
  macroF1: number;
}

export interface NewModelRow {
  level: number;
  trainedAt: Date;
  trainedBy: number | null;
  trainingSize: number;
  heldBackSize: number;
  dataThrough: Date | null;
  figures: ModelFigures | null;
  departmentShares: DepartmentShares;
  model: TriageModel;
  decision: string;
}

/** Model metadata without the bytes, as lists show it. */
export interface ModelSummary {
  version: number;
  level: number;
  labelKind: string;
  trainedAt: Date;
  trainingSize: number;
  heldBackSize: number;
  dataThrough: Date | null;
  accuracy: number | null;
  macroF1: number | null;
  modelBytes: number;
  active: boolean;
  activatedAt: Date | null;
  decision: string;
}

const summaryColumns = {
  version: triageModels.version,
  level: triageModels.level,
  labelKind: triageModels.labelKind,
  trainedAt: triageModels.trainedAt,
  trainingSize: triageModels.trainingSize,
  heldBackSize: triageModels.heldBackSize,
  dataThrough: triageModels.dataThrough,
  accuracy: triageModels.accuracy,
  macroF1: triageModels.macroF1,
  modelBytes: triageModels.modelBytes,
  active: triageModels.active,
  activatedAt: triageModels.activatedAt,
  decision: triageModels.decision,
};

export async function insertModel(db: DbOrTx, row: NewModelRow): Promise<number> {
  const bytes = serializeModel(row.model);
  const [inserted] = await db
    .insert(triageModels)
    .values({
      level: row.level,
      labelKind: 'category',
      trainedAt: row.trainedAt,
      trainedBy: row.trainedBy,
      trainingSize: row.trainingSize,
      heldBackSize: row.heldBackSize,
      dataThrough: row.dataThrough,
      accuracy: row.figures?.accuracy ?? null,
      macroF1: row.figures?.macroF1 ?? null,
      departmentShares: row.departmentShares,
      model: bytes,
      modelBytes: bytes.length,
      decision: row.decision,
    })
    .returning({ version: triageModels.version });
  return inserted!.version;
}

/** Makes `version` the one active model (the partial unique index allows no second). */
export async function activateModel(db: DbOrTx, version: number, now: Date): Promise<void> {
  await db.update(triageModels).set({ active: false }).where(eq(triageModels.active, true));
  await db
    .update(triageModels)
    .set({ active: true, activatedAt: now })
    .where(eq(triageModels.version, version));
}

export async function findActiveVersion(db: DbOrTx): Promise<number | null> {
  const [row] = await db
    .select({ version: triageModels.version })
    .from(triageModels)
    .where(eq(triageModels.active, true));
  return row?.version ?? null;
}

export interface StoredModel {
  summary: ModelSummary;
  model: TriageModel;
  departmentShares: DepartmentShares;
}

export async function loadModel(db: DbOrTx, version: number): Promise<StoredModel | null> {
  const [row] = await db
    .select({ ...summaryColumns, model: triageModels.model, shares: triageModels.departmentShares })
    .from(triageModels)
    .where(eq(triageModels.version, version));
  if (!row) return null;
  const { model, shares, ...summary } = row;
  return { summary, model: deserializeModel(model), departmentShares: shares };
}

export async function loadActiveModel(db: DbOrTx): Promise<StoredModel | null> {
  const version = await findActiveVersion(db);
  return version == null ? null : loadModel(db, version);
}

export async function listModels(db: DbOrTx, limit = 50): Promise<ModelSummary[]> {
  return db.select(summaryColumns).from(triageModels).orderBy(desc(triageModels.version)).limit(limit);
}
