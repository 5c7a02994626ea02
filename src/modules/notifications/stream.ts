import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/client.ts';
import { ORDERS_CHANNEL } from '../orders/index.ts';

/**
 * Server-sent events for the notification bell: one LISTEN per process on the orders channel (so a change
 * made through any process behind the load balancer reaches every screen); at most once a second each open
 * stream gets a `changed` event and the console reads its own notifications again. A comment line every
 * 25 s keeps proxies from closing an idle stream.
 */
export function createNotificationHub(db: Db) {
  const clients = new Set<FastifyReply>();
  let stopListening: (() => Promise<void>) | null = null;
  let pending: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  const send = (text: string) => {
    for (const c of clients) c.raw.write(text);
  };
  const schedule = () => {
    pending ??= setTimeout(() => {
      pending = null;
      send('event: changed\ndata: {}\n\n');
    }, 1000);
  };
  const stop = async () => {
    if (heartbeat) clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
    heartbeat = pending = null;
    const s = stopListening;
    stopListening = null;
    await s?.();
  };
  return {
    async add(reply: FastifyReply) {
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write('event: changed\ndata: {}\n\n');
      clients.add(reply);
      if (!stopListening) stopListening = await db.listen(ORDERS_CHANNEL, schedule);
      heartbeat ??= setInterval(() => send(': keep-alive\n\n'), 25_000);
      reply.raw.on('close', () => {
        clients.delete(reply);
        if (!clients.size) void stop();
      });
    },
    async stop() {
      for (const c of clients) c.raw.end();
      clients.clear();
      await stop();
    },
    size: () => clients.size,
  };
}
