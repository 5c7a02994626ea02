import type { AppInstance } from '../../platform/http.ts';
import { actorOf } from '../../platform/http.ts';
import { validationFailed } from '../../platform/errors.ts';
import { correctAttendance, deleteAttendance, listAttendanceChanges } from './attendance-changes-service.ts';
import { importAttendance, listAttendance } from './attendance-service.ts';
import { daysBetween } from './days.ts';
import {
  ATTENDANCE_CSV_MAX,
  AttendanceChanges,
  AttendanceCorrected,
  AttendanceCorrectionBody,
  AttendanceDeleteBody,
  AttendanceDeleted,
  AttendanceImport,
  AttendanceImported,
  AttendanceList,
  AttendanceQuery,
} from './plan-model.ts';
import { IdParams, READERS, TAGS, WRITERS, type WorkforceDeps } from './route-helpers.ts';

function checkPeriod(from: string, to: string): void {
  if (to <= from) throw validationFailed([{ field: 'to', message: 'must be after from (to is exclusive)' }]);
  if (daysBetween(from, to) > 92)
    throw validationFailed([{ field: 'to', message: 'at most 92 days after from' }]);
}

/** 考勤: the clock system's records, imported by the team lead or the office; pay reads them (rota-store.ts). */
export function registerAttendanceRoutes(app: AppInstance, { db, clock }: WorkforceDeps): void {
  app.post(
    '/api/workforce/attendance/import',
    {
      config: { roles: WRITERS, maxFieldChars: ATTENDANCE_CSV_MAX },
      // 5 million characters of CSV, up to 3 bytes each in UTF-8 (Chinese names).
      bodyLimit: 3 * ATTENDANCE_CSV_MAX + 1024,
      schema: { body: AttendanceImport, response: { 201: AttendanceImported }, tags: TAGS },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const done = await db.orm.transaction((t) => importAttendance(t, actor, req.body.csv, clock.now()));
      return reply.code(201).send(done);
    },
  );
  app.get(
    '/api/workforce/attendance',
    {
      config: { roles: READERS },
      schema: { querystring: AttendanceQuery, response: { 200: AttendanceList }, tags: TAGS },
    },
    async (req) => {
      actorOf(req);
      const { from, to } = req.query;
      checkPeriod(from, to);
      return { items: await listAttendance(db.orm, from, to) };
    },
  );
  /** 更正考勤: a missed or wrong clock-in put right, with the reason; kept in the change history and audited. */
  app.patch(
    '/api/workforce/attendance/:id',
    {
      config: { roles: WRITERS },
      schema: {
        params: IdParams,
        body: AttendanceCorrectionBody,
        response: { 200: AttendanceCorrected },
        tags: TAGS,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.orm.transaction((t) => correctAttendance(t, actor, req.params.id, req.body, clock.now()));
    },
  );
  app.delete(
    '/api/workforce/attendance/:id',
    {
      config: { roles: WRITERS },
      schema: {
        params: IdParams,
        body: AttendanceDeleteBody,
        response: { 200: AttendanceDeleted },
        tags: TAGS,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.orm.transaction((t) =>
        deleteAttendance(t, actor, req.params.id, req.body.reason, clock.now()),
      );
    },
  );
  /** 更正记录: who changed which record, when, before and after, and why — for records of days in [from, to). */
  app.get(
    '/api/workforce/attendance/changes',
    {
      config: { roles: READERS },
      schema: { querystring: AttendanceQuery, response: { 200: AttendanceChanges }, tags: TAGS },
    },
    async (req) => {
      actorOf(req);
      const { from, to } = req.query;
      checkPeriod(from, to);
      return { items: await listAttendanceChanges(db.orm, from, to) };
    },
  );
}
