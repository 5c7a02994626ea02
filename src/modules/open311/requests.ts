import { randomBytes } from 'node:crypto';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { hitRateLimit } from '../../platform/rate-limit.ts';
import { readSetting } from '../../platform/settings.ts';
import { type CategoryView, listCategories, listDistrictNames } from '../directory/index.ts';
import {
  externalOrderViews,
  ORDER_TYPES,
  OPEN_STATUSES,
  STATUS_LABELS,
  STATUSES,
  type Status,
  submitExternalRequest,
} from '../orders/index.ts';
import type { Open311ClientView } from './clients.ts';
import { DISTRICT_ATTRIBUTE, requestOf, TYPE_ATTRIBUTE, type Open311Request } from './mapping.ts';
import { open311Submissions } from './schema.ts';
import { OPEN311_REQUESTS_SCOPE, OPEN311_SUBMIT_LIMIT_PER_HOUR } from './settings.ts';
import type { ListRequestsQuery, SubmitRequestBody } from './model.ts';

/** GeoReport v2: without dates, GET requests covers the last 90 days, and never more than 1,000 requests. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;

const leafByCode = async (db: DbOrTx, code: string): Promise<CategoryView | undefined> =>
  (await listCategories(db)).find((c) => c.code === code && c.active && c.isLeaf);

/** `attribute[district]=…` from a form, or `attribute: {district: …}` from JSON. */
function attributeOf(body: SubmitRequestBody, code: string): string | undefined {
  const nested = body.attribute?.[code];
  const flat = (body as Record<string, unknown>)[`attribute[${code}]`];
  const v = nested ?? flat;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Where the request is, as the agent will read it: the address given, else the coordinates. */
function locationText(body: SubmitRequestBody): string | null {
  if (body.address_string?.trim()) return body.address_string.trim();
  if (body.lat !== undefined && body.long !== undefined) return `经纬度 ${body.lat}, ${body.long}（WGS84）`;
  if (body.address_id?.trim()) return `地址编码 ${body.address_id.trim()}`;
  return null;
}

/**
 * POST requests: a citizen's request from a registered client becomes an online submission (待受理) in the
 * agents' queue, with the service as the suggested category. Answers the new request's id and a token.
 */
export async function submitRequest(
  db: Database,
  client: Open311ClientView,
  body: SubmitRequestBody,
  now: Date,
): Promise<{ service_request_id: string; token: string; service_notice: string; account_id: null }[]> {
  const problems: { field: string; message: string }[] = [];
  const category = await leafByCode(db, body.service_code);
  if (!category) problems.push({ field: 'service_code', message: 'no such service (GET services)' });
  const hasCoordinates = body.lat !== undefined && body.long !== undefined;
  if ((body.lat === undefined) !== (body.long === undefined))
    problems.push({ field: body.lat === undefined ? 'lat' : 'long', message: 'lat and long go together' });
  if (!hasCoordinates && !body.address_string?.trim() && !body.address_id?.trim())
    problems.push({
      field: 'address_string',
      message: 'a location is required: lat & long, address_string or address_id',
    });
  const type = attributeOf(body, TYPE_ATTRIBUTE) ?? 'complaint';
  if (!(ORDER_TYPES as readonly string[]).includes(type))
    problems.push({ field: `attribute[${TYPE_ATTRIBUTE}]`, message: `one of ${ORDER_TYPES.join(', ')}` });
  const district = attributeOf(body, DISTRICT_ATTRIBUTE) ?? null;
  if (district && !(await listDistrictNames(db)).includes(district))
    problems.push({ field: `attribute[${DISTRICT_ATTRIBUTE}]`, message: 'not a district of the city' });
  if (problems.length) throw validationFailed(problems);

  const limit = { max: await readSetting(db, OPEN311_SUBMIT_LIMIT_PER_HOUR), windowSeconds: 3600 };
  if (!(await hitRateLimit(db, `open311:${client.id}`, limit, now))) {
    const left = Math.ceil((3600_000 - (now.getTime() % 3600_000)) / 1000);
    throw new AppError(
      'rate_limited',
      429,
      'Too many requests from this client',
      '提交过于频繁，请稍后再试',
      {
        retryAfterSeconds: left,
      },
    );
  }
  const name = [body.last_name, body.first_name].map((s) => s?.trim() ?? '').join('') || null;
  const media = body.media_url ? `\n图片链接：${body.media_url}` : '';
  const order = await submitExternalRequest(
    db,
    {
      type: type as (typeof ORDER_TYPES)[number],
      categoryId: category!.id,
      content: `${body.description.trim()}${media}`,
      caller: { name, phone: body.phone?.trim() || null },
      location: { district, address: locationText(body) },
      source: { system: 'open311', client: client.name },
    },
    now,
  );
  const token = randomBytes(12).toString('base64url');
  await db
    .insert(open311Submissions)
    .values({ clientId: client.id, orderId: order.id, token, createdAt: now });
  return [
    {
      service_request_id: order.number,
      token,
      service_notice: '已收到，网上诉求在 1 个工作日内受理回应',
      account_id: null,
    },
  ];
}

const csv = (s: string | undefined) =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

const CLOSED: readonly Status[] = STATUSES.filter((s) => !OPEN_STATUSES.includes(s));

/** GET requests with the standard's filters; `service_request_id` overrides all others, as the standard says. */
export async function listRequests(db: DbOrTx, q: ListRequestsQuery, now: Date): Promise<Open311Request[]> {
  const scope = await readSetting(db, OPEN311_REQUESTS_SCOPE);
  const categories = await listCategories(db);
  const numbers = csv(q.service_request_id);
  let filter: Parameters<typeof externalOrderViews>[1];
  if (numbers) {
    filter = { numbers: numbers.slice(0, MAX_RESULTS), limit: MAX_RESULTS };
  } else {
    const end = q.end_date ?? now;
    const start = q.start_date ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
    if (start.getTime() > end.getTime())
      throw validationFailed([{ field: 'start_date', message: 'after end_date' }]);
    const codes = csv(q.service_code);
    const statuses = csv(q.status);
    for (const s of statuses ?? [])
      if (s !== 'open' && s !== 'closed')
        throw validationFailed([{ field: 'status', message: 'open, closed or both (comma-separated)' }]);
    filter = {
      receivedFrom: start,
      receivedBefore: new Date(end.getTime() + 1),
      limit: MAX_RESULTS,
      ...(codes ? { categoryIds: categories.filter((c) => codes.includes(c.code)).map((c) => c.id) } : {}),
      ...(statuses
        ? {
            statuses: [
              ...(statuses.includes('open') ? OPEN_STATUSES : []),
              ...(statuses.includes('closed') ? CLOSED : []),
            ],
          }
        : {}),
    };
    if (scope === 'open311') {
      const rows = await db
        .select({ orderId: open311Submissions.orderId })
        .from(open311Submissions)
        .where(
          and(
            gte(open311Submissions.createdAt, start),
            lt(open311Submissions.createdAt, filter.receivedBefore!),
          ),
        );
      filter.ids = rows.map((r) => r.orderId);
    }
  }
  const views = await externalOrderViews(db, filter);
  const submitted = new Set(
    views.length
      ? (
          await db
            .select({ orderId: open311Submissions.orderId })
            .from(open311Submissions)
            .where(
              inArray(
                open311Submissions.orderId,
                views.map((v) => v.id),
              ),
            )
        ).map((r) => r.orderId)
      : [],
  );
  const byId = new Map(categories.map((c) => [c.id, c]));
  return views
    .filter((v) => scope === 'all' || submitted.has(v.id))
    .map((v) =>
      requestOf(
        v,
        v.categoryId == null ? null : (byId.get(v.categoryId) ?? null),
        STATUS_LABELS[v.status],
        submitted.has(v.id),
      ),
    );
}

/** GET requests/{id}: one request, as a one-element list (the standard's shape). */
export async function getRequest(db: DbOrTx, number: string, now: Date): Promise<Open311Request[]> {
  const found = await listRequests(db, { service_request_id: number }, now);
  if (!found.length) throw notFound(`Service request ${number}`, '诉求');
  return found;
}

/** GET tokens/{token}: the request a client's token became. */
export async function requestOfToken(
  db: DbOrTx,
  token: string,
): Promise<{ service_request_id: string; token: string }[]> {
  const [row] = await db
    .select({ orderId: open311Submissions.orderId })
    .from(open311Submissions)
    .where(eq(open311Submissions.token, token));
  if (!row) throw notFound(`Token ${token}`, '查询令牌');
  const [view] = await externalOrderViews(db, { ids: [row.orderId], limit: 1 });
  return [{ service_request_id: view!.number, token }];
}
