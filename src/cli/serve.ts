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
      const { runDeadlineSweep, segmentUnsearchableOrders, setIntakeGroupMax } =
        await import('../modules/orders/index.ts');
      setIntakeGroupMax(s.intakeGroupMax);
      const { prepareDemoCity } = await import('../demo/seed.ts');
      // On an empty database the demo city is written after the server listens, in short steps that let
      // requests through; health reports its progress (issue 14: first start answered nothing for minutes).
      const demo = o.demo ? await prepareDemoCity(db, console.log) : null;
      const seeding = () => demo?.progress.status().state === 'seeding';
      const app = await buildApp({
        demoStatus: o.demo
          ? () => demo?.progress.status() ?? { state: 'ready', percent: 100, step: null }
          : undefined,
        db,
        clock: systemClock,
        sessionHours: s.sessionHours,
        publicSubmitLimit: s.publicSubmitLimit,
        publicTrackLimit: s.publicTrackLimit,
        orderSettings: s.orders,
        trustProxy: s.trustProxy,
        apiDocs: s.apiDocs,
        attachmentsDir: s.attachmentsDir,
        logger: false,
      });
      const { checkOutages, readCallSettings } = await import('../modules/calls/index.ts');
      const { checkServiceStarted } = await import('../modules/contracts/index.ts');
      const { detectFromOrders } = await import('../modules/training/index.ts');
      const { generateScheduledMonthly, resumeReportJobs } = await import('../modules/reports/index.ts');
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
        // The sweeps read whole tables in one transaction: not while the demo is half written.
        if (seeding()) return;
        try {
          await runDeadlineSweep(db.orm, systemClock.now());
          // Orders written in bulk (demo, simulation, an upgrade) get their search words here.
          await segmentUnsearchableOrders(db.orm);
          await checkOutages(db.orm, systemClock.now(), (await readCallSettings(db.orm)).outageAlertHours);
          await checkServiceStarted(db.orm, systemClock.now());
          await detectHotTopicsHourly(systemClock.now());
          // Not awaited: a month of data takes a while and the deadline sweep must not wait for it.
          generateScheduledMonthly(db, systemClock.now()).catch((err) =>
            console.error('monthly report generation failed:', err),
          );
          // Report jobs left queued or running by a process that stopped (a restart) are resumed, or failed.
          resumeReportJobs(db, () => systemClock.now()).catch((err) =>
            console.error('report jobs resume failed:', err),
          );
        } catch (err) {
          console.error('sweep failed:', err);
        }
      };
      const timer = setInterval(sweep, s.sweepIntervalSeconds * 1000);
      // Audit rows are written pending and linked into the SM3 chain here, a few times a second (issue 18).
      const { startAuditChainer } = await import('../platform/audit.ts');
      const chainer = startAuditChainer(db.orm);
      const shutdown = async () => {
        clearInterval(timer);
        await app.close();
        await chainer.stop().catch((err: unknown) => console.error('audit chainer failed:', err));
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port, host: s.host });
      console.log(
        `12345 hotline platform on http://localhost:${port} (database: ${db.kind} ${db.where}); API docs at /docs`,
      );
      // The first sweep after listening: a newcomer's first request need not wait for it.
      if (!demo) void sweep();
      if (demo) {
        demo
          .run(systemClock.now())
          .then(sweep)
          .catch((err: unknown) => console.error('demo generation failed:', err));
      }
    });
}
