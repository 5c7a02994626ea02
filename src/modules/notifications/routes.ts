import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, requireActor } from '../../platform/http.ts';
import { NotificationsAnswer } from './model.ts';
import { notificationsFor } from './service.ts';
import { createNotificationHub } from './stream.ts';

const tags = ['notifications'];

/** 通知中心: the signed-in user's notifications, and a stream that says when to read them again. */
export function registerNotificationRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const hub = createNotificationHub(db);
  app.addHook('onClose', async () => hub.stop());

  app.get('/api/notifications', { schema: { tags, response: { 200: NotificationsAnswer } } }, async (req) => {
    const actor = requireActor(req);
    const now = clock.now();
    return { items: await notificationsFor(db.orm, actor, now), at: now.toISOString() };
  });

  app.get('/api/notifications/stream', { schema: { hide: true } }, async (req, reply) => {
    requireActor(req);
    reply.hijack();
    await hub.add(reply);
  });
}
