/** Types shared across the triage (智能分派 — smart dispatch) module. */

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
