/**
 * The typed API client: openapi-fetch over the types generated from the server's OpenAPI document
 * (`npm run gen:api`), so a server change that breaks a screen fails `tsc -p web` instead of the screen.
 * It signs in the way `app/api.ts` does (the HttpOnly session cookie, never a token in script) and shares its
 * error shape.
 */
import createClient from 'openapi-fetch';
import { ApiError, noticeRestriction, notifyUnauthenticated, type FieldError } from '../app/api.ts';
import type { components, paths } from './schema.d.ts';

export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

interface ErrorBody {
  error?: { code?: string; message?: string; messageZh?: string; fields?: FieldError[] };
}

/**
 * The answer's data, or the server's error as an ApiError (the same as `api()` throws: a network failure as
 * status 0, and a 401 sends the console back to the sign-in page).
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let answer: Awaited<typeof call>;
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'network', 'Network error', '网络连接失败，请检查网络后重试');
  }
  const { data, error, response } = answer;
  if (error === undefined && response.ok) return data as T;
  if (response.status === 401 && !response.url.endsWith('/auth/login')) notifyUnauthenticated();
  const { code, message, messageZh, fields, ...details } = (error as ErrorBody | undefined)?.error ?? {};
  noticeRestriction(response.status, code);
  throw new ApiError(
    response.status,
    code ?? 'error',
    message ?? response.statusText,
    messageZh ?? '操作失败',
    fields ?? [],
    details,
  );
}

export type { components, paths };

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON a route answers on success (its 200, else its 201), from the generated types. */
export type Answer<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'put' | 'delete',
> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;

/**
 * A query without its empty values (undefined, null, ''), as `qs()` builds it, so an unset filter is left out
 * instead of being sent empty.
 */
export function query<const Q extends Record<string, unknown>>(q: Q): Q {
  return Object.fromEntries(
    Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Q;
}
