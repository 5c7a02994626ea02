import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, requireActor, actorOf } from '../../platform/http.ts';
import { getContract, listContracts, loadContract, setReading } from './contracts-service.ts';
import { assessmentAnswer, contractOverview, indicatorRecords } from './overview.ts';
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
import { resolveAsOf } from './as-of.ts';
import { ChargeInput, listCharges, presentCharge, recordCharge } from './charges-service.ts';
import {
  acknowledgeWarning,
  confirmStatement,
  recordPayment,
  statementWithHistory,
} from './statements-service.ts';
import { statementWorkbook } from './statement-export.ts';
import {
  checkContractFact,
  listRecords,
  presentRecord,
  recordContractFact,
  RecordInput,
  renewalAssessment,
} from './records-service.ts';
import { zId } from '../../platform/input.ts';
import {
  ConfirmSecurityIncidentResponse,
  ContractOverviewResponse,
  GetContractsIdRectificationsResponse,
  GetContractsIdReportsResponse,
  GetContractsIdSecurityIncidentsResponse,
  GetContractsIdSettlementsQuarterExportXlsxResponse,
  GetContractsRectificationsIdPrintResponse,
  GetContractsResponse,
  PostContractsIdRectificationsResponse,
  PostContractsIdSecurityIncidentsResponse,
  PostContractsResponse,
  PutContractsIdReadingsKeyResponse,
  RecordDeliveryResponse,
  RecordPaymentResponse,
  RespondRectificationResponse,
  StatementWithHistoryResponse,
  AcknowledgedWarning,
  AssessmentResponse,
  IndicatorRecordsResponse,
  Charge,
  ChargesResponse,
  ConfirmedStatementResponse,
  ContractRecordResponse,
  ContractRecordsResponse,
  RenewalResponse,
} from './model.ts';

const Id = z.object({ id: z.string().regex(/^[a-z0-9-]{3,40}$/) });
const Quarter = Id.extend({ quarter: z.coerce.number().int().min(1).max(12) });
const NumId = z.object({ id: zId });
/** The office (Party A) and the operator's management (team leads) both read contracts; only the office decides. */
const READERS = ['office', 'team_lead', 'admin'] as const;
const day = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');
/** 截至日: nothing after this day (Asia/Shanghai) counts; absent = today. 2026-02-30 is refused naming `asOf`. */
const AsOfQuery = z.object({ asOf: day.optional() });

export function registerContractRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const tx = db.orm.transaction.bind(db.orm);

  app.get(
    '/api/contracts/:id/records',
    {
      config: { roles: READERS },
      schema: {
        params: Id,
        querystring: AsOfQuery.extend({
          kind: z
            .enum(['payroll', 'hiring', 'termination_event', 'handover', 'quality_problem', 'renewal'])
            .optional(),
        }),
        response: { 200: ContractRecordsResponse },
        tags: ['contracts'],
      },
    },
    async (req) => {
      actorOf(req);
      await getContract(db.orm, req.params.id);
      const rows = await listRecords(db.orm, req.params.id, resolveAsOf(req.query.asOf, clock.now()));
      return { items: rows.filter((r) => !req.query.kind || r.kind === req.query.kind).map(presentRecord) };
    },
  );
  app.post(
    '/api/contracts/:id/records',
    {
      config: { roles: ['office', 'team_lead'] },
      schema: {
        params: Id,
        body: RecordInput,
        response: { 201: ContractRecordResponse },
        tags: ['contracts'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await tx((t) => recordContractFact(t, actor, req.params.id, req.body, clock.now()));
      return reply.code(201).send(presentRecord(row));
    },
  );
  app.post(
    '/api/contracts/records/:id/check',
    {
      config: { roles: ['office'] },
      schema: {
        params: NumId,
        body: z.object({ accepted: z.boolean(), note: z.string().trim().min(1).max(2000) }),
        response: { 200: ContractRecordResponse },
        tags: ['contracts'],
      },
    },
    async (req) =>
      presentRecord(
        await tx((t) => checkContractFact(t, actorOf(req), req.params.id, req.body, clock.now())),
      ),
  );
  app.get(
    '/api/contracts/:id/renewal',
    {
      config: { roles: READERS },
      schema: { params: Id, querystring: AsOfQuery, response: { 200: RenewalResponse }, tags: ['contracts'] },
    },
    async (req) => {
      actorOf(req);
      const asOf = resolveAsOf(req.query.asOf, clock.now());
      const a = await renewalAssessment(db.orm, req.params.id, asOf);
      const decisions = (await listRecords(db.orm, req.params.id, asOf)).filter((r) => r.kind === 'renewal');
      return { ...a, decisions: decisions.map(presentRecord) };
    },
  );

  app.get(
    '/api/contracts',
    { config: { roles: READERS }, schema: { response: { 200: GetContractsResponse }, tags: ['contracts'] } },
    async (req) => {
      actorOf(req);
      return { items: await listContracts(db.orm) };
    },
  );
  app.post(
    '/api/contracts',
    {
      config: { roles: ['office', 'admin'] },
      schema: {
        response: { 201: PostContractsResponse },
        body: z.record(z.string(), z.unknown()),
        tags: ['contracts'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => loadContract(t, actor, req.body, clock.now())));
    },
  );
  app.get(
    '/api/contracts/:id',
    {
      config: { roles: READERS },
      schema: { response: { 200: ContractOverviewResponse }, params: Id, tags: ['contracts'] },
    },
    async (req) => {
      actorOf(req);
      return contractOverview(db.orm, req.params.id);
    },
  );
  app.put(
    '/api/contracts/:id/readings/:key',
    {
      config: { roles: ['office'] },
      schema: {
        response: { 200: PutContractsIdReadingsKeyResponse },
        params: Id.extend({ key: z.string().max(60) }),
        body: z.object({ value: z.unknown() }),
        tags: ['contracts'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
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
    {
      config: { roles: READERS },
      schema: {
        response: { 200: AssessmentResponse },
        params: Id,
        querystring: AsOfQuery.extend({ period: z.string().max(20) }),
        tags: ['contracts'],
      },
    },
    async (req) => {
      actorOf(req);
      return assessmentAnswer(
        db.orm,
        req.params.id,
        req.query.period,
        resolveAsOf(req.query.asOf, clock.now()),
      );
    },
  );
  app.get(
    '/api/contracts/:id/assessment/:indicator/records',
    {
      config: { roles: READERS },
      schema: {
        description:
          "The records behind an indicator's figure, page by page (the assessment's `evidence.drillDown`): counted (each met or not), met, unmet, or excluded with the reason.",
        response: { 200: IndicatorRecordsResponse },
        params: Id.extend({ indicator: z.string().regex(/^[a-z0-9_]{1,60}$/) }),
        querystring: AsOfQuery.extend({
          period: z.string().max(20),
          part: z.enum(['counted', 'met', 'unmet', 'excluded']).default('counted'),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(100),
        }),
        tags: ['contracts'],
      },
    },
    async (req) => {
      actorOf(req);
      const { asOf, ...q } = req.query;
      return indicatorRecords(
        db.orm,
        req.params.id,
        { ...q, indicator: req.params.indicator },
        resolveAsOf(asOf, clock.now()),
      );
    },
  );
  app.get(
    '/api/contracts/:id/settlements/:quarter',
    {
      config: { roles: READERS },
      schema: {
        params: Quarter,
        /** `version`: recompute under an earlier loaded version of the contract (to reproduce a statement). */
        querystring: AsOfQuery.extend({ version: zId.optional() }),
        response: { 200: StatementWithHistoryResponse },
        tags: ['contracts'],
      },
    },
    async (req) => {
      const asOf = resolveAsOf(req.query.asOf, clock.now());
      return statementWithHistory(db.orm, req.params.id, req.params.quarter, asOf, req.query.version);
    },
  );
  app.get(
    '/api/contracts/:id/settlements/:quarter/export.xlsx',
    {
      config: { roles: READERS },
      schema: {
        response: { 200: GetContractsIdSettlementsQuarterExportXlsxResponse },
        params: Quarter,
        querystring: AsOfQuery,
        tags: ['contracts'],
      },
    },
    async (req, reply) => {
      const asOf = resolveAsOf(req.query.asOf, clock.now());
      const s = await statementWithHistory(db.orm, req.params.id, req.params.quarter, asOf);
      const buffer = await statementWorkbook(s.current, await getContract(db.orm, req.params.id));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="${req.params.id}-Q${req.params.quarter}-${asOf.day}.xlsx"`,
        )
        .send(buffer);
    },
  );
  app.post(
    '/api/contracts/:id/settlements/:quarter/confirm',
    {
      config: { roles: ['office'] },
      schema: {
        params: Quarter,
        body: z.object({ note: z.string().max(1000).optional() }),
        response: { 200: ConfirmedStatementResponse },
        tags: ['contracts'],
      },
    },
    async (req) =>
      confirmStatement(
        db.orm,
        actorOf(req),
        req.params.id,
        req.params.quarter,
        req.body.note,
        resolveAsOf(undefined, clock.now()),
      ),
  );
  app.post(
    '/api/contracts/:id/settlements/:quarter/warnings/:key/acknowledge',
    {
      config: { roles: ['office'] },
      schema: {
        params: Quarter.extend({ key: z.string().max(80) }),
        body: z.object({ note: z.string().trim().min(1).max(1000) }),
        response: { 200: AcknowledgedWarning },
        tags: ['contracts'],
      },
    },
    async (req) =>
      tx((t) =>
        acknowledgeWarning(
          t,
          actorOf(req),
          req.params.id,
          req.params.quarter,
          req.params.key,
          req.body.note,
          resolveAsOf(undefined, clock.now()),
        ),
      ),
  );
  app.put(
    '/api/contracts/:id/payments/:quarter',
    {
      config: { roles: ['office'] },
      schema: {
        response: { 200: RecordPaymentResponse },
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
      recordPayment(db.orm, actorOf(req), req.params.id, req.params.quarter, req.body, clock.now()),
  );

  app.get(
    '/api/contracts/:id/charges',
    {
      config: { roles: READERS },
      schema: { params: Id, response: { 200: ChargesResponse }, tags: ['contracts'] },
    },
    async (req) => ({ items: (await listCharges(db.orm, req.params.id)).map(presentCharge) }),
  );
  app.post(
    '/api/contracts/:id/charges',
    {
      config: { roles: ['office'] },
      schema: { params: Id, body: ChargeInput, response: { 201: Charge }, tags: ['contracts'] },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          presentCharge(await tx((t) => recordCharge(t, actorOf(req), req.params.id, req.body, clock.now()))),
        ),
  );

  app.get(
    '/api/contracts/:id/reports',
    {
      config: { roles: READERS },
      schema: { response: { 200: GetContractsIdReportsResponse }, params: Id, tags: ['contracts'] },
    },
    async (req) => ({ items: await listReports(db.orm, req.params.id) }),
  );
  app.post(
    '/api/contracts/reports/:id/delivery',
    {
      config: { roles: ['team_lead', 'office'] },
      schema: {
        response: { 200: RecordDeliveryResponse },
        params: NumId,
        body: DeliveryInput,
        tags: ['contracts'],
      },
    },
    async (req) => recordDelivery(db.orm, actorOf(req), req.params.id, req.body, clock.now()),
  );

  app.get(
    '/api/contracts/:id/rectifications',
    {
      config: { roles: READERS },
      schema: { response: { 200: GetContractsIdRectificationsResponse }, params: Id, tags: ['contracts'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await listRectifications(db.orm, req.params.id, clock.now()) };
    },
  );
  app.post(
    '/api/contracts/:id/rectifications',
    {
      config: { roles: ['office'] },
      schema: {
        response: { 201: PostContractsIdRectificationsResponse },
        params: Id,
        body: NoticeItems,
        tags: ['contracts'],
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await issueRectification(db.orm, actorOf(req), req.params.id, req.body.items, clock.now())),
  );
  app.post(
    '/api/contracts/rectifications/:id/respond',
    {
      config: { roles: ['team_lead'] },
      schema: {
        response: { 200: RespondRectificationResponse },
        params: NumId,
        body: z.object({ response: z.string().trim().min(1).max(5000) }),
        tags: ['contracts'],
      },
    },
    async (req) => respondRectification(db.orm, actorOf(req), req.params.id, req.body.response, clock.now()),
  );
  app.post(
    '/api/contracts/rectifications/:id/verify',
    {
      config: { roles: ['office'] },
      schema: {
        response: { 200: RespondRectificationResponse },
        params: NumId,
        body: z.object({ accept: z.boolean(), note: z.string().trim().min(1).max(2000) }),
        tags: ['contracts'],
      },
    },
    async (req) =>
      verifyRectification(db.orm, actorOf(req), req.params.id, req.body.accept, req.body.note, clock.now()),
  );
  app.get(
    '/api/contracts/rectifications/:id/print',
    {
      config: { roles: READERS },
      schema: {
        response: { 200: GetContractsRectificationsIdPrintResponse },
        params: NumId,
        tags: ['contracts'],
      },
    },
    async (req, reply) => {
      actorOf(req);
      return reply
        .type('text/html; charset=utf-8')
        .send(await printableRectification(db.orm, req.params.id, clock.now()));
    },
  );

  app.get(
    '/api/contracts/:id/security-incidents',
    {
      config: { roles: READERS },
      schema: { response: { 200: GetContractsIdSecurityIncidentsResponse }, params: Id, tags: ['contracts'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await listSecurityIncidents(db.orm, req.params.id) };
    },
  );
  app.post(
    '/api/contracts/:id/security-incidents',
    {
      config: { roles: ['office', 'team_lead'] },
      schema: {
        response: { 201: PostContractsIdSecurityIncidentsResponse },
        params: Id,
        body: SecurityIncidentInput,
        tags: ['contracts'],
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await recordSecurityIncident(db.orm, actorOf(req), req.params.id, req.body, clock.now())),
  );
  app.post(
    '/api/contracts/security-incidents/:id/confirm',
    {
      config: { roles: ['office'] },
      schema: {
        response: { 200: ConfirmSecurityIncidentResponse },
        params: NumId,
        body: z.object({ major: z.boolean() }),
        tags: ['contracts'],
      },
    },
    async (req) => confirmSecurityIncident(db.orm, actorOf(req), req.params.id, req.body.major, clock.now()),
  );
  app.get(
    '/api/contracts/:id/definition',
    { schema: { response: { 200: PostContractsResponse }, params: Id, tags: ['contracts'] } },
    async (req) => {
      requireActor(req);
      return getContract(db.orm, req.params.id);
    },
  );
}
