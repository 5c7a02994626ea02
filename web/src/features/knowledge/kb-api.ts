import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError, get, qs, type FieldError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import type { Role } from '../../api/models.ts';
import { client, unwrap } from '../../api/client.ts';
import type { ApiBody, ApiOk } from '../../api/responses.ts';

/**
 * The knowledge API's answers, named from the generated OpenAPI types (`npm run gen:api`), never copied: a
 * change to a knowledge route's response schema fails `tsc -p web` here.
 */

/** A page of `GET /api/kb/articles`. */
export type ArticlePage = ApiOk<'/api/kb/articles'>;
/** An article as lists show it (without its text). */
export type ArticleSummary = ArticlePage['items'][number];
export type ArticleStatus = ArticleSummary['status'];
/** An article with its versions (`GET /api/kb/articles/{id}`). */
export type ArticleDetail = ApiOk<'/api/kb/articles/{id}'>;
/** An article with its text, as creating, changing, publishing or retiring it answers. */
export type Article = ApiOk<'/api/kb/articles', 'post'>;
export type ArticleVersion = ArticleDetail['versions'][number];

export type SearchAnswer = ApiOk<'/api/kb/search'>;
/** A search hit; its `snippet` is HTML from the server: query words in <mark>, everything else escaped. */
export type SearchResult = SearchAnswer['results'][number];

export type KbImportResult = ApiOk<'/api/kb/import', 'post'>;

export type Term = ApiOk<'/api/kb/terms'>['items'][number];
/** What adding or removing a dictionary word answers: the word and how many articles were re-indexed. */
export type TermChange = ApiOk<'/api/kb/terms', 'post'>;
export type TermKind = NonNullable<ApiBody<'/api/kb/terms'>['kind']>;
export type SynonymGroup = ApiOk<'/api/kb/synonyms'>['items'][number];

/** An update notice with where it stands (`GET /api/kb/notices`). */
export type KbNotice = ApiOk<'/api/kb/notices'>['items'][number];
export type NoticeState = KbNotice['state'];
/** A notice as recording, linking or completing it answers (without `state`). */
export type KbNoticeRecord = ApiOk<'/api/kb/notices', 'post'>;

/** A KPI figure with its evidence (`GET /api/kb/notices/timeliness`). */
export type IndicatorFigure = ApiOk<'/api/kb/notices/timeliness'>;

/** 知识库管理员, 热线办 and the administrator write articles, the dictionary and synonyms. */
export const KB_WRITERS: Role[] = ['kb_editor', 'office', 'admin'];
export const KB_READERS: Role[] = ['agent', 'team_lead', 'office', 'department', 'admin', 'kb_editor'];
/** Who records update notices, links their articles and completes them. */
export const NOTICE_EDITORS: Role[] = ['kb_editor', 'office', 'team_lead'];
/** Who may read the monthly indicators. */
export const INDICATOR_READERS: Role[] = ['office', 'team_lead', 'kb_editor', 'admin'];

export function useCanWriteKb(): boolean {
  return KB_WRITERS.includes(useUser().role);
}

export function useArticle(id: number | null) {
  return useQuery({
    queryKey: ['kb', 'article', id],
    queryFn: () => get<ArticleDetail>(`/api/kb/articles/${id}`),
    enabled: id != null,
  });
}

/** Names of staff for "who changed it", where the signed-in role may read the user list; ids otherwise. */
export function useUserNames() {
  const me = useUser();
  const role = me.role;
  const q = useQuery({
    queryKey: ['users'],
    queryFn: () => unwrap(client.GET('/api/users')),
    enabled: role === 'admin' || role === 'office',
    staleTime: 5 * 60_000,
  });
  const names = new Map((q.data?.items ?? []).map((u) => [u.id, u.displayName]));
  names.set(me.id, me.displayName);
  return (id: number | null | undefined) => (id == null ? '系统' : (names.get(id) ?? `用户 #${id}`));
}

async function rawRequest(
  method: string,
  path: string,
  body?: Blob,
  contentType?: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Network error', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) {
    if (res.status === 401) void get('/api/auth/me').catch(() => undefined);
    const text = await res.text();
    let e: { code?: string; message?: string; messageZh?: string; fields?: FieldError[] } = {};
    try {
      e = (JSON.parse(text) as { error?: typeof e }).error ?? {};
    } catch {
      // not JSON: the status says enough
    }
    const zh =
      e.messageZh ??
      (res.status === 413 ? '文件超过 20 MB，请拆分后分批导入' : `请求失败（HTTP ${res.status}）`);
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? res.statusText, zh, e.fields ?? []);
  }
  return res;
}

export type KbFileFormat = 'csv' | 'xlsx';

const FILE_TYPES: Record<KbFileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function formatOfFile(name: string): KbFileFormat | null {
  const n = name.toLowerCase();
  if (n.endsWith('.csv')) return 'csv';
  if (n.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Uploads a Henan-format file (类目, 标题, 内容, 发文单位, 材料性质, 关键字) as the raw body. */
export async function uploadKbFile(file: File, format: KbFileFormat): Promise<KbImportResult> {
  const res = await rawRequest('POST', `/api/kb/import${qs({ format })}`, file, FILE_TYPES[format]);
  return (await res.json()) as KbImportResult;
}

/** Downloads the export with the sign-in token and hands it to the browser as a file. */
export async function downloadKbExport(
  format: KbFileFormat,
  filter: Record<string, string | undefined>,
): Promise<void> {
  const res = await rawRequest('GET', `/api/kb/export${qs({ ...filter, format })}`);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `knowledge.${format}`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function useNotices(status?: 'open' | 'done') {
  return useQuery({
    queryKey: ['kb', 'notices', status ?? 'all'],
    queryFn: () =>
      unwrap(client.GET('/api/kb/notices', { params: { query: { status } } })).then((r) => r.items),
    refetchInterval: 60_000,
  });
}

/** The time now, ticking, for countdowns. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
