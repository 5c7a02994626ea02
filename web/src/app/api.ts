/**
 * The platform's JSON API: one fetch wrapper that turns errors into ApiError. The sign-in lives in an HttpOnly
 * cookie the browser sends by itself: the console never holds the token where script could read it.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Called when the server says the session is gone, so the console can go back to the sign-in page. */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}
/** Tells the console the session is gone (for the typed client in api/client.ts). */
export function notifyUnauthenticated() {
  onUnauthenticated();
}

/**
 * Called when the server refuses a request because the session must first change its expired password or set
 * up its second factor, so the console shows that screen instead of a failing page.
 */
let onRestricted: () => void = () => undefined;
export function setRestrictedHandler(fn: () => void) {
  onRestricted = fn;
}
export function noticeRestriction(status: number, code: string | undefined) {
  if (status === 403 && (code === 'password_expired' || code === 'totp_enrolment_required')) onRestricted();
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error', '网络连接失败，请检查网络后重试');
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = (data?.error ?? {}) as {
      code?: string;
      message?: string;
      messageZh?: string;
      fields?: FieldError[];
    };
    if (res.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated();
    noticeRestriction(res.status, e.code);
    const { code, message, messageZh, fields, ...details } = e;
    throw new ApiError(
      res.status,
      code ?? 'error',
      message ?? res.statusText,
      messageZh ?? '操作失败',
      fields ?? [],
      details,
    );
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);

/** Builds a query string from the defined values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
