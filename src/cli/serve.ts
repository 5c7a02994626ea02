import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/rows.ts';
import { systemClock } from '../platform/clock.ts';
import { openDatabase } from './open-database.ts';

export function registerServeCommands(program: Command, settings: () => Settings): void {
  program
    .command('serve')
    .description('run the platform: HTTP API, console and background sweeps')
    .option('--demo', 'seed the demo city on first start (npm start does this)')
    .option('--port <port>', 'port to listen on (default PORT or 3000)')
    .action(async (o: { demo?: boolean; port?: string }) => {
      const s = settings();
      const port = o.port ? Number(o.port) : s.port;
      const db = await openDatabase(s, 'serve');
      const { buildApp } = await import('../app.ts');
      const { runDeadlineSweep } = await import('../modules/orders/index.ts');
      const { seedDemoCityIfEmpty } = await import('../demo/seed.ts');
      const seedOrders = o.demo ? await seedDemoCityIfEmpty(db, systemClock.now(), console.log) : null;
      const app = await buildApp({
        db,
        clock: systemClock,
        sessionHours: s.sessionHours,
        publicSubmitLimit: s.publicSubmitLimit,
        publicTrackLimit: s.publicTrackLimit,
        orderSettings: s.orders,
        trustProxy: s.trustProxy,
        logger: false,
      });
      const { checkOutages } = await import('../modules/calls/index.ts');
      const { checkServiceStarted } = await import('../modules/contracts/index.ts');
      const { detectFromOrders } = await import('../modules/training/detect-service.ts');
      // The detector reads four weeks of orders: once an hour is enough for a board people look at daily.
      let lastDetection = 0;
      const detectHotTopicsHourly = async (now: Date) => {
        if (now.getTime() - lastDetection < 3600_000) return;
        lastDetection = now.getTime();
        // One process at a time across the cluster, or two could put the same topic on the board.
        await db.orm.transaction(async (tx) => {
          const [lock] = await queryRows<{ ok: boolean }>(
            tx,
            sql`select pg_try_advisory_xact_lock(7212347) as ok`,
          );
          if (lock?.ok) await detectFromOrders(tx, now);
        });
      };
      const sweep = async () => {
        try {
          await runDeadlineSweep(db.orm, systemClock.now());
          await checkOutages(db.orm, systemClock.now());
          await checkServiceStarted(db.orm, systemClock.now());
          await detectHotTopicsHourly(systemClock.now());
        } catch (err) {
          console.error('sweep failed:', err);
        }
      };
      await sweep();
      const timer = setInterval(sweep, s.sweepIntervalSeconds * 1000);
      const shutdown = async () => {
        clearInterval(timer);
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port, host: s.host });
      console.log(
        `12345 hotline platform on http://localhost:${port} (database: ${db.kind} ${db.where}); API docs at /docs`,
      );
      if (seedOrders) {
        console.log('generating the demo orders in the background; the platform is usable meanwhile');
        seedOrders()
          .then(sweep)
          .catch((err) => console.error('demo order generation failed:', err));
      }
    });
}
