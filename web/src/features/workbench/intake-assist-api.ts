import { useEffect, useMemo, useState } from 'react';
import type { ApiOk } from '../../api/responses.ts';
import { ApiError, post } from '../../app/api.ts';

/** Shapes of the triage service (智能分派 and 疑似重复); with no trained model the suggestion lists are empty. */

/** The triage answers, named from the generated OpenAPI types (`npm run gen:api`), never copied. */
export type TriageSuggestion = ApiOk<'/api/triage/suggest', 'post'>;
export type DuplicateCandidate = ApiOk<'/api/triage/duplicates', 'post'>['items'][number];
export type DuplicateReason = DuplicateCandidate['reasons'][number];

/** As the server names them (src/modules/triage/duplicates.ts). */
export const DUPLICATE_REASON_ZH: Record<DuplicateReason, string> = {
  similar_text: '内容相似',
  same_address: '地址相同',
  near_address: '地址相近',
  same_district: '同一区县',
  same_caller: '同一来电号码',
};

/**
 * `value` once it has stopped changing for `ms`. Compared by content (JSON), so a fresh object literal on each
 * render neither restarts the wait nor re-renders forever; the result keeps its identity until the content changes.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const key = JSON.stringify(value) ?? '';
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const t = setTimeout(() => setSettled(key), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  return useMemo(() => (settled === '' ? undefined : JSON.parse(settled)) as T, [settled]);
}

/** The endpoint is not there (not deployed yet, or switched off): hide its panel rather than show an error. */
export const isMissing = (err: unknown) =>
  err instanceof ApiError && (err.status === 404 || err.status === 405);

/**
 * Tells the triage service which category and department the agent finally chose for the order, so its
 * suggestions can be measured and retrained. Best effort: a failure never troubles the agent.
 */
export function reportTriageChoice(
  suggestionId: string | number | null | undefined,
  choice: { orderId: number; categoryId?: number | null; departmentId?: number | null },
): void {
  // The server measures a category choice; an order filed without one has nothing to compare.
  if (suggestionId == null || choice.categoryId == null) return;
  void post(`/api/triage/suggestions/${encodeURIComponent(String(suggestionId))}/choice`, {
    orderId: choice.orderId,
    categoryId: choice.categoryId,
    ...(choice.departmentId != null ? { departmentId: choice.departmentId } : {}),
  }).catch(() => undefined);
}
