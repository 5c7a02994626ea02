import { Command } from 'commander';
import { readSettings } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { AppError } from './platform/errors.ts';
import { registerCalendarCommands } from './cli/calendar.ts';
import { CliError } from './cli/errors.ts';
import { withDatabase } from './cli/open-database.ts';
import { registerServeCommands } from './cli/serve.ts';
import { registerUserCommands } from './cli/user.ts';
import { registerSeedCommands } from './cli/seed.ts';
import { registerCallCommands } from './cli/calls.ts';
import { registerSimulateCommand } from './cli/simulate.ts';
import { registerContractCommands } from './cli/contracts.ts';
import { registerHotTopicCommands } from './cli/hot-topics.ts';
import { registerKbCommands } from './cli/kb.ts';
import { registerTriageCommands } from './cli/triage.ts';
import { registerWorkforceCommands } from './cli/workforce.ts';
import { registerReportCommands } from './cli/reports.ts';
import { registerAuditCommands } from './cli/audit.ts';
import { registerHandoverCommands } from './cli/handover.ts';
import { registerKeyCommands } from './cli/keys.ts';
import { registerOpen311Commands } from './cli/open311.ts';

/** The `hotline` command line: the composition root for everything that is not a long-running server. */
const program = new Command('hotline').description('12345 政务服务便民热线 platform').showHelpAfterError();
const settings = () => readSettings();

registerServeCommands(program, settings);
program
  .command('migrate')
  .description('create or update the database schema')
  .action(async () => {
    await withDatabase(settings(), 'migrate', async (db) =>
      console.log(`database up to date (${db.kind} ${db.where})`),
    );
  });
registerUserCommands(program, settings);
registerCalendarCommands(program, settings);
registerSeedCommands(program, settings);
registerCallCommands(program, settings);
registerSimulateCommand(program, settings);
registerContractCommands(program, settings);
registerHotTopicCommands(program, settings);
registerKbCommands(program, settings);
registerTriageCommands(program, settings);
registerWorkforceCommands(program, settings);
registerReportCommands(program, settings);
registerAuditCommands(program, settings);
registerHandoverCommands(program, settings);
registerKeyCommands(program, settings);
registerOpen311Commands(program, settings);
program
  .command('sweep')
  .description('run the deadline sweep once (warnings, overdue, automatic supervision)')
  .action(async () => {
    const { runDeadlineSweep } = await import('./modules/orders/index.ts');
    await withDatabase(settings(), 'sweep', async (db) =>
      console.log(JSON.stringify(await runDeadlineSweep(db.orm, new Date()))),
    );
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CliError || err instanceof DataDirLockedError) {
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
  if (err instanceof AppError) {
    console.error(
      `error: ${err.message}${err.details.fields ? ` ${JSON.stringify(err.details.fields)}` : ''}`,
    );
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
}
