import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { parseCityInstant } from '../calendar/local-time.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

export function registerSimulateCommand(program: Command, settings: () => Settings): void {
  program
    .command('simulate')
    .description(
      'write a simulated stretch of calls and the orders they produce (a queue with agents on a roster; deterministic per seed)',
    )
    .requiredOption('--from <date>', 'first day (Asia/Shanghai)')
    .requiredOption('--to <date>', 'day after the last (exclusive); clamped to now')
    .option('--agents <n>', 'headcount on the roster', '45')
    .option('--seed <n>', 'random seed', '7')
    .option('--json', 'print the result as JSON')
    .action(async (o: { from: string; to: string; agents: string; seed: string; json?: boolean }) => {
      const from = parseCityInstant(o.from);
      let to = parseCityInstant(o.to);
      if (!from || !to) throw new CliError('--from and --to must be dates YYYY-MM-DD');
      const now = new Date();
      if (to > now) to = now;
      if (to <= from) throw new CliError('--to must be after --from, and --from in the past');
      const agents = Number(o.agents);
      const seed = Number(o.seed);
      if (!Number.isInteger(agents) || agents < 1 || agents > 500)
        throw new CliError('--agents must be 1–500');
      if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number');
      const { writeSimulation } = await import('../simulation/write-simulation.ts');
      await withDatabase(settings(), 'simulate', async (db) => {
        const tty = process.stderr.isTTY;
        const r = await writeSimulation(db, {
          from,
          to,
          agents,
          seed,
          now,
          onProgress: (p) => {
            if (tty)
              process.stderr.write(
                `\r${p.day}  ${p.calls.toLocaleString('en')} calls, ${p.orders.toLocaleString('en')} orders`.padEnd(
                  70,
                ),
              );
          },
        });
        if (tty) process.stderr.write('\n');
        if (o.json) console.log(JSON.stringify(r));
        else
          console.log(
            `simulated ${r.calls} calls (${r.answered} answered, ${((r.answered / Math.max(r.calls, 1)) * 100).toFixed(2)}%) and ${r.orders} orders in ${r.seconds.toFixed(0)} s`,
          );
      });
    });
}
