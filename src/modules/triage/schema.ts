import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** PGlite answers a bytea as a Uint8Array, node-postgres as a Buffer: both come back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** How a department is shared among a category's past orders: `{ [categoryLabel]: [[departmentId, share], …] }`. */
export type DepartmentShares = Record<string, [number, number][]>;

/**
 * 分派模型 — one trained classifier per row, never changed except for the active flag. `version` is the
 * row id. Figures are measured on the held-back (most recent) part of the history the model did not see.
 */
export const triageModels = pgTable(
  'triage_models',
  {
    version: serial('version').primaryKey(),
    /** Depth in the category tree of the labels (1 = top level). */
    level: integer('level').notNull(),
    /** What a label is: `category` = a category id at `level`. */
    labelKind: text('label_kind').notNull().default('category'),
    trainedAt: ts('trained_at').notNull(),
    trainedBy: integer('trained_by'),
    trainingSize: integer('training_size').notNull(),
    heldBackSize: integer('held_back_size').notNull(),
    /** Latest received_at among the training orders: later orders were never seen by this model. */
    dataThrough: ts('data_through'),
    accuracy: doublePrecision('accuracy'),
    macroF1: doublePrecision('macro_f1'),
    departmentShares: jsonb('department_shares').$type<DepartmentShares>().notNull(),
    model: bytea('model').notNull(),
    modelBytes: integer('model_bytes').notNull(),
    active: boolean('active').notNull().default(false),
    activatedAt: ts('activated_at'),
    /** Why it was or was not activated, with the figures compared. */
    decision: text('decision').notNull(),
  },
  (t) => [
    // One active model at a time: the suggestion route answers with it.
    uniqueIndex('triage_models_one_active')
      .on(t.active)
      .where(sql`${t.active}`),
  ],
);

/** 分派建议 — every suggestion shown, and beside it the agent's final choice once recorded. */
export const triageSuggestions = pgTable(
  'triage_suggestions',
  {
    id: serial('id').primaryKey(),
    modelVersion: integer('model_version')
      .notNull()
      .references(() => triageModels.version),
    /** SHA-256 of the text asked about, and its first 100 characters for reading back. */
    textHash: text('text_hash').notNull(),
    textStart: text('text_start').notNull(),
    /** Category ids offered, best first (top 3). */
    categoryIds: integer('category_ids').array().notNull(),
    departmentIds: integer('department_ids').array().notNull(),
    topProbability: doublePrecision('top_probability').notNull(),
    userId: integer('user_id'),
    createdAt: ts('created_at').notNull(),
    chosenCategoryId: integer('chosen_category_id'),
    chosenDepartmentId: integer('chosen_department_id'),
    orderId: integer('order_id'),
    chosenBy: integer('chosen_by'),
    chosenAt: ts('chosen_at'),
  },
  (t) => [
    index('triage_suggestions_created_idx').on(t.createdAt),
    index('triage_suggestions_order_idx').on(t.orderId),
  ],
);
