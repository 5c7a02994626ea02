import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, allowRoles, requireActor, requireRole } from '../../platform/http.ts';
import { getContract, listContracts, loadContract, setReading } from './contracts-service.ts';
import { assessContract, contractOverview } from './overview.ts';
import { DeliveryInput, listReports, recordDelivery } from './reports-service.ts';
import {
  issueRectification,
  listRectifications,
  NoticeItems,
  printableRectification,
  respondRectification,
  verifyRectification,
} from './rectification-service.ts';
import {
  confirmSecurityIncident,
  listSecurityIncidents,
  recordSecurityIncident,
  SecurityIncidentInput,
} from './risks-service.ts';
import { confirmStatement, recordPayment, statementWithHistory } from './statements-service.ts';
import { statementWorkbook } from './statement-export.ts';

const Id = z.object({ id: z.string().regex(/^[a-z0-9-]{3,40}$/) });
const Quarter = Id.extend({ quarter: z.coerce.number().int().min(1).max(12) });
const NumId = z.object({ id: z.coerce.number().int().positive() });
/** The office (Party A) and the operator's management (team leads) both read contracts; only the office decides. */
const READERS = ['office', 'team_lead', 'admin'] as const;
const day = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');

export function registerContractRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const tx = db.orm.transaction.bind(db.orm);

  app.get('/api/contracts', { schema: { tags: ['contracts'] } }, async (req) => {
    requireRole(req, ...READERS);
    return { items: await listContracts(db.orm) };
  });
  app.post(
    '/api/contracts',
    {
      preValidation: allowRoles('office', 'admin'),
      schema: { body: z.record(z.string(), z.unknown()), tags: ['contracts'] },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'office', 'admin');
      return reply.code(201).send(await tx((t) => loadContract(t, actor, req.body, clock.now())));
    },
  );
  app.get('/api/contracts/:id', { schema: { params: Id, tags: ['contracts'] } }, async (req) => {
    requireRole(req, ...READERS);
    return contractOverview(db.orm, req.params.id);
  });
  app.put(
    '/api/contracts/:id/readings/:key',
    {
      preValidation: allowRoles('office'),
      schema: {
        params: Id.extend({ key: z.string().max(60) }),
        body: z.object({ value: z.unknown() }),
        tags: ['contracts'],
      },
    },
    async (req) => {
      const actor = requireRole(req, 'office');
      return {
        key: req.params.key,
        value: await tx((t) =>
          setReading(t, actor, req.params.id, req.params.key, req.body.value, clock.now()),
        ),
      };
    },
  );
  app.get(
    '/api/contracts/:id/assessment',
    { schema: { params: Id, querystring: z.object({ period: z.string().max(20) }), tags: ['contracts'] } },
    async (req) => {
      requireRole(req, ...READERS);
      return assessContract(db.orm, req.params.id, req.query.period, clock.now());
    },
  );
  app.get(
    '/api/contracts/:id/settlements/:quarter',
    { schema: { params: Quarter, tags: ['contracts'] } },
    async (req) => {
      requireRole(req, ...READERS);
      return statementWithHistory(db.orm, req.params.id, req.params.quarter, clock.now());
    },
  );
  app.get(
    '/api/contracts/:id/settlements/:quarter/export.xlsx',
    { schema: { params: Quarter, tags: ['contracts'] } },
    async (req, reply) => {
      requireRole(req, ...READERS);
      const s = await statementWithHistory(db.orm, req.params.id, req.params.quarter, clock.now());
      const buffer = await statementWorkbook(s.current, await getContract(db.orm, req.params.id));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${req.params.id}-Q${req.params.quarter}.xlsx"`)
        .send(buffer);
    },
  );
  app.post(
    '/api/contracts/:id/settlements/:quarter/confirm',
    {
      preValidation: allowRoles('office'),
      schema: {
        params: Quarter,
        body: z.object({ note: z.string().max(1000).optional() }),
        tags: ['contracts'],
      },
    },
    async (req) =>
      confirmStatement(
        db.orm,
        requireRole(req, 'office'),
        req.params.id,
        req.params.quarter,
        req.body.note,
        clock.now(),
      ),
  );
  app.put(
    '/api/contracts/:id/payments/:quarter',
    {
      preValidation: allowRoles('office'),
      schema: {
        params: Quarter,
        body: z.object({
          invoiceReceivedOn: day.nullish(),
          invoiceRef: z.string().max(100).nullish(),
          paidOn: day.nullish(),
          paidFen: z.number().int().min(0).nullish(),
        }),
        tags: ['contracts'],
      },
    },
    async (req) =>
      recordPayment(
        db.orm,
        requireRole(req, 'office'),
        req.params.id,
        req.params.quarter,
        req.body,
        clock.now(),
      ),
  );

  app.get('/api/contracts/:id/reports', { schema: { params: Id, tags: ['contracts'] } }, async (req) => {
    requireRole(req, ...READERS);
    return { items: await listReports(db.orm, req.params.id) };
  });
  app.post(
    '/api/contracts/reports/:id/delivery',
    {
      preValidation: allowRoles('team_lead', 'office'),
      schema: { params: NumId, body: DeliveryInput, tags: ['contracts'] },
    },
    async (req) =>
      recordDelivery(db.orm, requireRole(req, 'team_lead', 'office'), req.params.id, req.body, clock.now()),
  );

  app.get(
    '/api/contracts/:id/rectifications',
    { schema: { params: Id, tags: ['contracts'] } },
    async (req) => {
      requireRole(req, ...READERS);
      return { items: await listRectifications(db.orm, req.params.id, clock.now()) };
    },
  );
  app.post(
    '/api/contracts/:id/rectifications',
    { preValidation: allowRoles('office'), schema: { params: Id, body: NoticeItems, tags: ['contracts'] } },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await issueRectification(
            db.orm,
            requireRole(req, 'office'),
            req.params.id,
            req.body.items,
            clock.now(),
          ),
        ),
  );
  app.post(
    '/api/contracts/rectifications/:id/respond',
    {
      preValidation: allowRoles('team_lead'),
      schema: {
        params: NumId,
        body: z.object({ response: z.string().trim().min(1).max(5000) }),
        tags: ['contracts'],
      },
    },
    async (req) =>
      respondRectification(
        db.orm,
        requireRole(req, 'team_lead'),
        req.params.id,
        req.body.response,
        clock.now(),
      ),
  );
  app.post(
    '/api/contracts/rectifications/:id/verify',
    {
      preValidation: allowRoles('office'),
      schema: {
        params: NumId,
        body: z.object({ accept: z.boolean(), note: z.string().trim().min(1).max(2000) }),
        tags: ['contracts'],
      },
    },
    async (req) =>
      verifyRectification(
        db.orm,
        requireRole(req, 'office'),
        req.params.id,
        req.body.accept,
        req.body.note,
        clock.now(),
      ),
  );
  app.get(
    '/api/contracts/rectifications/:id/print',
    { schema: { params: NumId, tags: ['contracts'] } },
    async (req, reply) => {
      requireRole(req, ...READERS);
      return reply
        .type('text/html; charset=utf-8')
        .send(await printableRectification(db.orm, req.params.id, clock.now()));
    },
  );

  app.get(
    '/api/contracts/:id/security-incidents',
    { schema: { params: Id, tags: ['contracts'] } },
    async (req) => {
      requireRole(req, ...READERS);
      return { items: await listSecurityIncidents(db.orm, req.params.id) };
    },
  );
  app.post(
    '/api/contracts/:id/security-incidents',
    {
      preValidation: allowRoles('office', 'team_lead'),
      schema: { params: Id, body: SecurityIncidentInput, tags: ['contracts'] },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await recordSecurityIncident(
            db.orm,
            requireRole(req, 'office', 'team_lead'),
            req.params.id,
            req.body,
            clock.now(),
          ),
        ),
  );
  app.post(
    '/api/contracts/security-incidents/:id/confirm',
    {
      preValidation: allowRoles('office'),
      schema: { params: NumId, body: z.object({ major: z.boolean() }), tags: ['contracts'] },
    },
    async (req) =>
      confirmSecurityIncident(db.orm, requireRole(req, 'office'), req.params.id, req.body.major, clock.now()),
  );
  app.get('/api/contracts/:id/definition', { schema: { params: Id, tags: ['contracts'] } }, async (req) => {
    requireActor(req);
    return getContract(db.orm, req.params.id);
  });
}
