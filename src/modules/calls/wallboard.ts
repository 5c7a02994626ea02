import type { FastifyReply } from 'fastify';
import { sql } from 'drizzle-orm';
import { addDays, localDateOf, startOfLocalDay } from '../../calendar/local-time.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { CALLS_CHANNEL } from './events-service.ts';
import { callMetrics, type MetricsSettings } from './metrics-service.ts';
import { readCallSettings } from './settings.ts';

/** Calls still in the queue or on the line longer than this are stale records, not live ones. */
const LIVE_WINDOW_HOURS = 4;

/** 大屏 — what the floor needs to see at a glance. */
export async function wallboardSnapshot(db: DbOrTx, now: Date, settings: MetricsSettings) {
  const since = new Date(now.getTime() - LIVE_WINDOW_HOURS * 3600_000);
  const today = localDateOf(now);
  const [[live], metrics] = await Promise.all([
    queryRows<{
      waiting: number;
      talking: number;
      agentsTalking: number;
      longestWaitingSeconds: number | null;
      callbacksOpen: number;
      callbacksOverdue: number;
      outageOngoing: boolean;
    }>(
      db,
      sql`select
        (select count(*)::int from calls where answered_at is null and abandoned_at is null and offered_at > ${since}) as waiting,
        (select count(*)::int from calls where answered_at is not null and ended_at is null and answered_at > ${since}) as talking,
        (select count(distinct agent)::int from calls where answered_at is not null and ended_at is null and answered_at > ${since}) as "agentsTalking",
        (select extract(epoch from ${now}::timestamptz - min(offered_at))::float8 from calls
           where answered_at is null and abandoned_at is null and offered_at > ${since}) as "longestWaitingSeconds",
        (select count(*)::int from call_callbacks where status = 'open') as "callbacksOpen",
        (select count(*)::int from call_callbacks where status = 'open' and due_at < ${now}) as "callbacksOverdue",
        exists(select 1 from hotline_outages where ended_at is null) as "outageOngoing"`,
    ),
    callMetrics(db, startOfLocalDay(today), startOfLocalDay(addDays(today, 1)), 'day', settings),
  ]);
  const t = metrics.totals;
  return {
    at: now,
    ...live!,
    today: {
      offered: t.offered,
      answered: t.answered,
      abandoned: t.abandoned,
      answerRate: t.answerRate,
      answeredWithin15sRate: t.answeredWithin15sRate,
      asaSeconds: t.asaSeconds,
    },
  };
}

/**
 * Server-sent events for wallboards. One LISTEN per process (on the calls channel, so a call event handled by
 * any process behind the load balancer reaches every screen); each change, at most once a second, and a
 * heartbeat every 15 s send a fresh snapshot to every connected screen.
 */
export function createWallboardHub(db: Db, now: () => Date) {
  const clients = new Set<FastifyReply>();
  let stopListening: (() => Promise<void>) | null = null;
  let pending: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const broadcast = async () => {
    pending = null;
    if (!clients.size) return;
    const data = `event: snapshot\ndata: ${JSON.stringify(await wallboardSnapshot(db.orm, now(), await readCallSettings(db.orm)))}\n\n`;
    for (const c of clients) c.raw.write(data);
  };
  const stopListeningWhenIdle = async () => {
    if (clients.size) return;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    const stop = stopListening;
    stopListening = null;
    await stop?.();
  };
  const schedule = () => {
    pending ??= setTimeout(() => void broadcast().catch(() => undefined), 1000);
  };

  return {
    async add(reply: FastifyReply) {
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write(
        `event: snapshot\ndata: ${JSON.stringify(await wallboardSnapshot(db.orm, now(), await readCallSettings(db.orm)))}\n\n`,
      );
      clients.add(reply);
      if (!stopListening) stopListening = await db.listen(CALLS_CHANNEL, schedule);
      heartbeat ??= setInterval(schedule, 15_000);
      reply.raw.on('close', () => {
        clients.delete(reply);
        if (!clients.size) void stopListeningWhenIdle();
      });
    },
    /** Ends every open stream too: the server's shutdown waits for open connections. */
    async stop() {
      for (const c of clients) c.raw.end();
      clients.clear();
      if (heartbeat) clearInterval(heartbeat);
      if (pending) clearTimeout(pending);
      heartbeat = pending = null;
      const stop = stopListening;
      stopListening = null;
      await stop?.();
    },
    size: () => clients.size,
  };
}
