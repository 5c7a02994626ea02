import { z } from 'zod';
import { localDateOf } from '../../calendar/index.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { zDate, zInstant } from '../../platform/input.ts';
import { readSetting } from '../../platform/settings.ts';
import { callMetrics, GRANULARITIES, readCallSettings } from '../calls/index.ts';
import { assessContractIndicator, resolveAsOf } from '../contracts/index.ts';
import {
  ORDER_CALLBACK_MAX_ATTEMPTS,
  ListOrdersQuery,
  listOrders,
  ordersForDrillDown,
  overviewStats,
} from '../orders/index.ts';
import { FileResponse } from './model.ts';
import {
  callMetricsWorkbook,
  drillDownWorkbook,
  ORDER_EXPORT_COLUMNS,
  ORDER_EXPORT_MAX_ROWS,
  orderFilterLines,
  overviewWorkbook,
} from './exports.ts';
import { streamExport, workbookBuffer, XLSX_TYPE } from './xlsx-export.ts';

const STAFF = ['agent', 'team_lead', 'office', 'department', 'admin'] as const;
const CALL_STAFF = ['agent', 'team_lead', 'office', 'admin'] as const;
const CONTRACT_READERS = ['office', 'team_lead', 'admin'] as const;
const PAGE = 500;

const stamp = (d: Date) => localDateOf(d).replace(/-/g, '');

/**
 * XLSX exports "everywhere a user expects them" (issue 16 #6): each next to the list or table it exports, with the
 * same query keys and the same roles as that endpoint, and the same need-to-know masking of personal data.
 */
export function registerExportRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  app.get(
    '/api/orders/export.xlsx',
    {
      config: { roles: STAFF },
      schema: {
        description:
          'The order list with the filters of GET /api/orders (page and pageSize ignored), every matching row, streamed.',
        querystring: ListOrdersQuery.omit({ page: true, pageSize: true }),
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const now = clock.now();
      const maxAttempts = await readSetting(db.orm, ORDER_CALLBACK_MAX_ATTEMPTS);
      const query = { ...req.query, page: 1, pageSize: PAGE };
      // The first page also counts: a list too long to export is refused before anything is sent.
      const first = await listOrders(db.orm, actor, query, now, maxAttempts);
      if (first.total > ORDER_EXPORT_MAX_ROWS)
        throw validationFailed([
          {
            field: 'from',
            message: `${first.total} orders match; at most ${ORDER_EXPORT_MAX_ROWS} per export: narrow the filters`,
          },
        ]);
      // An export is a bulk read of callers' data (masked or not, by role): it goes into the audit trail with
      // its filters (a phone searched for is sealed there like every personal value in audit rows).
      await recordAudit(db.orm, actor, now, {
        action: 'export_personal_data',
        entity: 'order',
        after: { rows: first.total, filters: { ...req.query } },
      });
      async function* pages() {
        yield first.items;
        for (let p = 2; (p - 1) * PAGE < first.total; p++) {
          const page = await listOrders(db.orm, actor, { ...query, page: p }, now, maxAttempts);
          if (!page.items.length) return;
          yield page.items;
        }
      }
      const stream = streamExport(
        {
          title: '工单列表导出',
          lines: [
            `导出时间：${now.toISOString()}`,
            `导出人：${actor.username}（${actor.role}）`,
            `共 ${first.total} 件`,
            ...orderFilterLines(req.query),
            '来电人姓名、电话按角色可见范围脱敏显示（《个人信息保护法》最小必要原则）。',
          ],
        },
        '工单',
        ORDER_EXPORT_COLUMNS,
        pages(),
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="orders-${stamp(now)}.xlsx"`)
        .send(stream as unknown as string);
    },
  );

  app.get(
    '/api/calls/metrics/export.xlsx',
    {
      config: { roles: CALL_STAFF },
      schema: {
        description: 'GET /api/calls/metrics as a workbook: the totals and one row per bucket.',
        querystring: z.object({
          from: zInstant,
          to: zInstant,
          granularity: z.enum(GRANULARITIES).default('day'),
        }),
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      actorOf(req);
      const { from, to, granularity } = req.query;
      if (to.getTime() <= from.getTime())
        throw validationFailed([{ field: 'to', message: 'must be after from (to is exclusive)' }]);
      if (to.getTime() - from.getTime() > 400 * 86_400_000 && granularity === 'interval')
        throw validationFailed([{ field: 'granularity', message: 'interval rows for at most 400 days' }]);
      const m = await callMetrics(db.orm, from, to, granularity, await readCallSettings(db.orm));
      const buf = await workbookBuffer(callMetricsWorkbook(m));
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="call-metrics-${stamp(from)}-${stamp(to)}-${granularity}.xlsx"`,
        )
        .send(buf as unknown as string);
    },
  );

  app.get(
    '/api/stats/overview/export.xlsx',
    {
      config: { roles: STAFF },
      schema: {
        description:
          "The dashboard's tables (GET /api/stats/overview) as a workbook, scoped as the dashboard is.",
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const now = clock.now();
      const buf = await workbookBuffer(overviewWorkbook(await overviewStats(db.orm, actor, now), now));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="dashboard-${stamp(now)}.xlsx"`)
        .send(buf as unknown as string);
    },
  );

  app.get(
    '/api/contracts/:id/assessment/:indicator/export.xlsx',
    {
      config: { roles: CONTRACT_READERS },
      schema: {
        description:
          "An indicator's drill-down: the figure as GET /api/contracts/:id/assessment gives it, and the records behind it.",
        params: z.object({
          id: z.string().regex(/^[a-z0-9-]{3,40}$/),
          indicator: z.string().regex(/^[a-z0-9_]{1,60}$/),
        }),
        querystring: z.object({
          period: z.string().max(20),
          asOf: zDate.optional(),
        }),
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      actorOf(req);
      const asOf = resolveAsOf(req.query.asOf, clock.now());
      // Only the indicator asked for is measured, not the contract's other eleven.
      const a = await assessContractIndicator(
        db.orm,
        req.params.id,
        req.query.period,
        req.params.indicator,
        asOf,
      );
      const ind = a.indicator;
      if (!ind) throw notFound(`Indicator ${req.params.indicator}`, `考核指标 ${req.params.indicator}`);
      const ev = ind.evidence as { entity: string; counted: (number | string)[]; met: (number | string)[] };
      const orders =
        ev.entity === 'order'
          ? await ordersForDrillDown(
              db.orm,
              ev.counted.map(Number).filter((n) => Number.isInteger(n)),
            )
          : null;
      const calls =
        ev.entity === 'call' || ev.entity === 'calls'
          ? await callMetrics(
              db.orm,
              new Date(`${ind.measuredFrom}T00:00:00+08:00`),
              new Date(`${ind.measuredTo}T00:00:00+08:00`),
              'day',
              await readCallSettings(db.orm),
            )
          : null;
      const buf = await workbookBuffer(
        drillDownWorkbook({ contract: a.contract, period: a.period.key, asOf: a.asOf }, ind, {
          orders,
          calls,
        }),
      );
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="${req.params.id}-${a.period.key}-${ind.id}.xlsx"`,
        )
        .send(buf as unknown as string);
    },
  );
}
