import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { AuditPage, AuditQuery, AuditVerdict } from './audit-model.ts';
import { chainPendingAuditRows, recordAudit, verifyAuditChain } from './audit.ts';
import { listAudit } from './audit-query.ts';
import { acknowledgeAlert, listAlerts } from './alerts.ts';
import type { Clock } from './clock.ts';
import { type AppInstance, requireActor, actorOf } from './http.ts';
import { readSettingsOf, settingDefinitions, writeSetting } from './settings.ts';
import { zId } from './input.ts';
import {
  AcknowledgeAlertResponse,
  GetAlertsResponse,
  GetSettingsResponse,
  PutSettingsKeyResponse,
} from './model.ts';

/** Settings and alerts: the platform-wide pieces every module uses. */
export function registerPlatformRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  app.get(
    '/api/audit',
    {
      config: { roles: ['office', 'admin'] },
      schema: { querystring: AuditQuery, response: { 200: AuditPage }, tags: ['platform'] },
    },
    async (req) => {
      // Rows written a moment ago are shown linked (with their hash), not pending.
      await chainPendingAuditRows(db.orm);
      return listAudit(db.orm, actorOf(req), req.query, clock.now());
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { roles: ['office', 'admin'] },
      schema: { response: { 200: AuditVerdict }, tags: ['platform'] },
    },
    async (req) => {
      const actor = actorOf(req);
      const started = performance.now();
      // Everything written up to now is checked: pending rows are linked first.
      await chainPendingAuditRows(db.orm);
      const verdict = await verifyAuditChain(db.orm);
      const seconds = Math.round(performance.now() - started) / 1000;
      const checkedAt = clock.now();
      // The check is itself recorded (after the walk, so it does not count itself).
      await recordAudit(db.orm, actor, checkedAt, {
        action: 'audit_verify',
        entity: 'audit_log',
        after: { ok: verdict.ok, entries: verdict.entries, firstBroken: verdict.firstBroken?.id ?? null },
      });
      return { ...verdict, checkedAt, seconds };
    },
  );

  app.get(
    '/api/settings',
    { schema: { response: { 200: GetSettingsResponse }, tags: ['platform'] } },
    async (req) => {
      requireActor(req);
      const defs = settingDefinitions();
      const values = await readSettingsOf(db.orm, defs);
      return {
        items: defs.map((d) => ({
          key: d.key,
          value: values[d.key],
          default: d.default,
          description: d.description,
          descriptionZh: d.descriptionZh,
          source: d.source,
        })),
      };
    },
  );

  app.put(
    '/api/settings/:key',
    {
      config: { roles: ['office', 'admin'] },
      schema: {
        response: { 200: PutSettingsKeyResponse },
        params: z.object({ key: z.string().max(100) }),
        body: z.object({ value: z.unknown() }),
        tags: ['platform'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const value = await db.orm.transaction((tx) =>
        writeSetting(tx, actor, req.params.key, req.body.value, clock.now()),
      );
      return { key: req.params.key, value };
    },
  );

  app.get(
    '/api/alerts',
    {
      config: { roles: ['office', 'team_lead', 'admin'] },
      schema: {
        response: { 200: GetAlertsResponse },
        querystring: z.object({ open: z.enum(['true', 'false']).default('true') }),
        tags: ['platform'],
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await listAlerts(db.orm, req.query.open === 'true') };
    },
  );

  app.post(
    '/api/alerts/:id/acknowledge',
    {
      config: { roles: ['office', 'team_lead', 'admin'] },
      schema: {
        response: { 200: AcknowledgeAlertResponse },
        params: z.object({ id: zId }),
        tags: ['platform'],
      },
    },
    async (req) => acknowledgeAlert(db.orm, actorOf(req), req.params.id, clock.now()),
  );
}
