import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { isLocalDate } from '../calendar/local-time.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

/** `hotline attendance import|list`: clock-in records for overtime pay (docs/workforce-planning.md). */
export function registerAttendanceCommands(program: Command, settings: () => Settings): void {
  const attendance = program
    .command('attendance')
    .description(
      'clock-in records (考勤) for overtime pay: pay uses them where recorded, the rota otherwise',
    );
  attendance
    .command('import <file>')
    .description(
      'import a CSV with columns agent,date,clockIn,clockOut (agent: member id, member-N, user name or unique name; a clock-out at or before the clock-in is the next day); all records or none',
    )
    .option('--json', 'print as JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const fs = await import('node:fs');
      if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
      const csv = fs.readFileSync(file, 'utf8');
      const { importAttendance } = await import('../modules/workforce/index.ts');
      await withDatabase(settings(), 'attendance import', async (db) => {
        try {
          const r = await db.orm.transaction((t) => importAttendance(t, SYSTEM_ACTOR, csv, new Date()));
          if (o.json) return console.log(JSON.stringify(r));
          console.log(
            `imported ${r.imported} records (${r.repeats} already stored) of ${r.members} members, ${r.from} … ${r.to}`,
          );
        } catch (err) {
          const fields =
            err instanceof AppError ? (err.details.fields as { field: string; message: string }[]) : null;
          if (!fields) throw err;
          if (o.json)
            console.log(JSON.stringify({ error: { code: err instanceof AppError ? err.code : '', fields } }));
          else for (const f of fields) console.error(`${file}: ${f.field}: ${f.message}`);
          throw new CliError(`${fields.length} problem(s) in ${file}: nothing imported`);
        }
      });
    });
  attendance
    .command('list')
    .description('the clock-in records with a clock-in on a day in [--from, --to)')
    .requiredOption('--from <date>', 'first day (Asia/Shanghai)')
    .requiredOption('--to <date>', 'day after the last')
    .option('--json', 'print as JSON')
    .action(async (o: { from: string; to: string; json?: boolean }) => {
      if (!isLocalDate(o.from) || !isLocalDate(o.to) || o.to <= o.from)
        throw new CliError('--from and --to must be days YYYY-MM-DD, --to after --from');
      const { listAttendance } = await import('../modules/workforce/index.ts');
      await withDatabase(settings(), 'attendance list', async (db) => {
        const items = await listAttendance(db.orm, o.from, o.to);
        if (o.json) return console.log(JSON.stringify({ items }));
        for (const r of items)
          console.log(
            `${r.name}\t${r.workDate}\t${r.clockIn.toISOString()}\t${r.clockOut.toISOString()}\t${r.hours} h`,
          );
      });
    });
}
