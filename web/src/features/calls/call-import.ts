import { client, unwrap } from '../../api/client.ts';
import { ApiError, qs, type FieldError } from '../../app/api.ts';
import type { CallImportFormat, CallImportResult } from './types.ts';

/**
 * Uploads a call log as the raw request body (`POST /api/calls/import`): the server streams it into the importer,
 * so a large file never sits in memory as JSON. Errors come back as the API client's ApiError.
 */
export async function uploadCallLog(format: CallImportFormat, file: File): Promise<CallImportResult> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  let res: Response;
  try {
    res = await fetch(`/api/calls/import${qs({ format, fileName: file.name.slice(0, 200) })}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error', '网络连接失败，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    // Let the API client notice a lost session and send the console back to sign-in.
    if (res.status === 401) void unwrap(client.GET('/api/auth/me')).catch(() => undefined);
    const e = ((data as { error?: Record<string, unknown> } | undefined)?.error ?? {}) as {
      code?: string;
      message?: string;
      messageZh?: string;
      fields?: FieldError[];
    };
    const zh =
      e.messageZh ?? (res.status === 413 ? '文件过大，请拆分后分批导入' : `导入失败（HTTP ${res.status}）`);
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? res.statusText, zh, e.fields ?? []);
  }
  return data as CallImportResult;
}
