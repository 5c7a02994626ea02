import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { count } from 'drizzle-orm';
import { departments } from '../modules/directory/schema.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

export function registerSeedCommands(program: Command, settings: () => Settings): void {
  program
    .command('seed')
    .description('load sample data')
    .command('demo')
    .description(
      'seed the demo city (departments, catalogue, users, ~90 days of orders) into an empty database',
    )
    .option('--orders <n>', 'how many orders', '2000')
    .option('--seed <n>', 'random seed (same seed, same city)', '12345')
    .option('--call-days <n>', 'days of simulated calls to the agent queue', '30')
    .action(async (o: { orders: string; seed: string; callDays: string }) => {
      const orders = Number(o.orders);
      if (!Number.isInteger(orders) || orders < 0)
        throw new CliError(`--orders must be a whole number: ${o.orders}`);
      await withDatabase(settings(), 'seed demo', async (db) => {
        const [row] = await db.orm.select({ n: count() }).from(departments);
        if (Number(row?.n ?? 0) > 0)
          throw new CliError('the database already has departments; the demo city goes into an empty one');
        const { printDemoAccounts, seedDemo } = await import('../demo/seed.ts');
        const started = Date.now();
        const r = await seedDemo(db, new Date(), {
          orders,
          seed: Number(o.seed),
          callDays: Number(o.callDays),
          log: console.log,
        });
        console.log(
          `seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${r.stats.orders} orders, ${r.stats.actions} actions`,
        );
        printDemoAccounts(console.log);
      });
    });
}
