import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden } from '../../platform/errors.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { FileResponse } from './model.ts';
import {
  ReportPeriodQuery,
  ScorecardDetailResponse,
  ScorecardParams,
  ScorecardsResponse,
} from './scorecard-model.ts';
import { scorecardDocument } from './scorecard-document.ts';
import { buildScorecards, scorecardDetail } from './scorecard-service.ts';
import { XLSX_TYPE } from './xlsx-export.ts';
import { writeXlsx } from './xlsx-writer.ts';

/** The office and the team leads see every department; a department only its own. */
const READERS = ['office', 'team_lead', 'admin', 'department'] as const;

/** A department user is held to its own department; the others may ask for any (or all). */
function ownScope(actor: Actor, asked?: number): number | undefined {
  if (actor.role !== 'department') return asked;
  if (actor.departmentId == null) throw forbidden('No department on this account', '账号未关联承办单位');
  if (asked != null && asked !== actor.departmentId)
    throw forbidden('A department sees only its own scorecard', '承办单位只能查看本单位的考评');
  return actor.departmentId;
}

/** 部门考评 — the departments' scorecards for a period, one department's with its drill-down, and the XLSX. */
export function registerScorecardRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const list = (actor: Actor, q: { from: string; to: string }) =>
    buildScorecards(db.orm, q.from, q.to, clock.now(), { departmentId: ownScope(actor) });

  app.get(
    '/api/departments/scorecards',
    {
      config: { roles: READERS },
      schema: {
        description: 'Every department active in the period (a department user: its own, even when idle).',
        querystring: ReportPeriodQuery,
        response: { 200: ScorecardsResponse },
        tags: ['reports'],
      },
    },
    async (req) => list(actorOf(req), req.query),
  );
  app.get(
    '/api/departments/scorecards.xlsx',
    {
      config: { roles: READERS },
      schema: { querystring: ReportPeriodQuery, response: { 200: FileResponse }, tags: ['reports'] },
    },
    async (req, reply) => {
      const doc = scorecardDocument(await list(actorOf(req), req.query));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${doc.fileName}.xlsx"`)
        .send((await writeXlsx(doc)) as unknown as string);
    },
  );
  app.get(
    '/api/departments/scorecards/:departmentId',
    {
      config: { roles: READERS },
      schema: {
        description:
          'One department’s scorecard with the orders behind each count (GET /api/orders/briefs?ids= names them).',
        params: ScorecardParams,
        querystring: ReportPeriodQuery,
        response: { 200: ScorecardDetailResponse },
        tags: ['reports'],
      },
    },
    async (req) => {
      const id = ownScope(actorOf(req), req.params.departmentId)!;
      return scorecardDetail(db.orm, id, req.query.from, req.query.to, clock.now());
    },
  );
}
