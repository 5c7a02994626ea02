/** Types shared across the triage (智能分派 — smart dispatch) module. */
import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import { zId } from '../../platform/input.ts';

/** A past order with its category (分类), the material the classifier learns from. */
export interface LabelledDoc {
  title: string;
  content: string;
  label: string;
}

/** A new request to classify; title (标题) is optional because phone-call orders often have none. */
export interface TriageInput {
  title?: string;
  content: string;
}

export interface LabelProbability {
  label: string;
  probability: number;
}

/** Compressed sparse rows: row r spans indices/values[rowStart[r] .. rowStart[r + 1]). */
export interface SparseMatrix {
  rowCount: number;
  columnCount: number;
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** One sparse feature vector (indices in no particular order). */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

const text = (max: number) => z.string().trim().max(max);
const id = zId;

/** POST /api/triage/suggest — what the agent has typed so far. */
export const SuggestInput = z.object({
  title: text(200).optional(),
  content: text(5000).min(1, 'required'),
});
export type SuggestInput = z.infer<typeof SuggestInput>;

/** POST /api/triage/suggestions/:id/choice — what the agent finally chose (分类, 承办单位). */
export const ChoiceInput = z.object({
  orderId: id.optional(),
  categoryId: id,
  departmentId: id.optional(),
});
export type ChoiceInput = z.infer<typeof ChoiceInput>;

const localDate = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');

/** POST /api/triage/train — the CLI's `hotline triage train` options (all optional). */
export const TrainInput = z.object({
  level: z.number().int().min(1).max(5).optional(),
  holdBack: z.number().gt(0).lt(0.5).optional(),
  minOrders: z.number().int().min(10).optional(),
  force: z.boolean().optional(),
});
export type TrainInput = z.infer<typeof TrainInput>;

/** GET /api/triage/accuracy — city days (Asia/Shanghai), both ends included. */
export const AccuracyQuery = z.object({ from: localDate, to: localDate });
export type AccuracyQuery = z.infer<typeof AccuracyQuery>;

/** POST /api/triage/duplicates — the new request as far as it is known. */
export const DuplicatesInput = z.object({
  title: text(200).optional(),
  content: text(5000).min(1, 'required'),
  district: text(50).optional(),
  address: text(200).optional(),
  phone: text(30).optional(),
});
export type DuplicatesInput = z.infer<typeof DuplicatesInput>;

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

export const SuggestDispatchResponse = z.object({
  suggestionId: z.number().nullable(),
  modelVersion: z.number().nullable(),
  categories: z.array(
    z.object({ id: z.number(), name: z.string(), path: z.array(z.string()), probability: z.number() }),
  ),
  departments: z.array(z.object({ id: z.number(), name: z.string(), probability: z.number() })),
});

export const RecordChoiceResponse = z.object({
  suggestionId: z.number(),
  orderId: z.number().nullable(),
  categoryId: z.number(),
  departmentId: z.number().nullable(),
  chosenAt: z.date(),
});

export const MeasureAccuracyResponse = z.object({
  from: z.string(),
  to: z.string(),
  byDay: z.array(
    z.object({
      suggestions: z.number(),
      withChoice: z.number(),
      top1Hits: z.number(),
      top3Hits: z.number(),
      withDepartment: z.number(),
      departmentHits: z.number(),
      top1Rate: z.number().nullable(),
      top3Rate: z.number().nullable(),
      departmentRate: z.number().nullable(),
      day: z.string(),
    }),
  ),
  suggestions: z.number(),
  withChoice: z.number(),
  top1Hits: z.number(),
  top3Hits: z.number(),
  withDepartment: z.number(),
  departmentHits: z.number(),
  top1Rate: z.number().nullable(),
  top3Rate: z.number().nullable(),
  departmentRate: z.number().nullable(),
});

export const FindDuplicatesResponse = z.object({
  items: z.array(
    z.object({
      orderId: z.number(),
      number: z.string(),
      title: z.string(),
      status: z.string(),
      receivedAt: z.date(),
      district: z.string().nullable(),
      address: z.string().nullable(),
      score: z.number(),
      reasons: z.array(
        z.enum(['similar_text', 'same_address', 'near_address', 'same_district', 'same_caller']),
      ),
    }),
  ),
});

export const GetTriageModelsResponse = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      level: z.number(),
      labelKind: z.string(),
      trainedAt: z.date(),
      trainingSize: z.number(),
      heldBackSize: z.number(),
      dataThrough: z.date().nullable(),
      accuracy: z.number().nullable(),
      macroF1: z.number().nullable(),
      modelBytes: z.number(),
      active: z.boolean(),
      activatedAt: z.date().nullable(),
      decision: z.string(),
    }),
  ),
});

export const TrainFromHistoryResponse = z.object({
  version: z.number(),
  level: z.number(),
  trainingSize: z.number(),
  heldBackSize: z.number(),
  categories: z.number(),
  rareCategoriesLeftOut: z.number(),
  candidate: z.object({ accuracy: z.number(), macroF1: z.number() }),
  previous: z
    .object({ accuracy: z.number(), macroF1: z.number(), version: z.number(), level: z.number() })
    .nullable(),
  activated: z.boolean(),
  decision: z.string(),
  trainMilliseconds: z.number(),
});
