import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { acknowledgeAlert, listAlerts } from './alerts.ts';
import type { Clock } from './clock.ts';
import { type AppInstance, allowRoles, requireActor, requireRole } from './http.ts';
import { readSettingsOf, settingDefinitions, writeSetting } from './settings.ts';

/** Settings and alerts: the platform-wide pieces every module uses. */
export function registerPlatformRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  app.get('/api/settings', { schema: { tags: ['platform'] } }, async (req) => {
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
  });

  app.put(
    '/api/settings/:key',
    {
      preValidation: allowRoles('office', 'admin'),
      schema: {
        params: z.object({ key: z.string().max(100) }),
        body: z.object({ value: z.unknown() }),
        tags: ['platform'],
      },
    },
    async (req) => {
      const actor = requireRole(req, 'office', 'admin');
      const value = await db.orm.transaction((tx) =>
        writeSetting(tx, actor, req.params.key, req.body.value, clock.now()),
      );
      return { key: req.params.key, value };
    },
  );

  app.get(
    '/api/alerts',
    {
      schema: {
        querystring: z.object({ open: z.enum(['true', 'false']).default('true') }),
        tags: ['platform'],
      },
    },
    async (req) => {
      requireRole(req, 'office', 'team_lead', 'admin');
      return { items: await listAlerts(db.orm, req.query.open === 'true') };
    },
  );

  app.post(
    '/api/alerts/:id/acknowledge',
    {
      preValidation: allowRoles('office', 'team_lead', 'admin'),
      schema: { params: z.object({ id: z.coerce.number().int() }), tags: ['platform'] },
    },
    async (req) =>
      acknowledgeAlert(db.orm, requireRole(req, 'office', 'team_lead', 'admin'), req.params.id, clock.now()),
  );
}
