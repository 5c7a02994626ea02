/** Types shared across the triage (智能分派 — smart dispatch) module. */
import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';

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
const id = z.coerce.number().int().positive();

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
