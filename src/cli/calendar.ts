import type { Command } from 'commander';
import { loadBuiltinCalendar } from '../calendar/builtin.ts';
import { type ChinaCalendar, createChinaCalendar } from '../calendar/china-calendar.ts';
import { formatCityInstant, isLocalDate, parseCityInstant, yearOf } from '../calendar/local-time.ts';
import {
  declareYear,
  listOverrides,
  loadCalendar,
  removeOverride,
  setOverride,
} from '../calendar/service.ts';
import { noDataWarning } from '../calendar/china-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { Settings } from '../config.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { openDatabaseIfAvailable, withDatabase } from './open-database.ts';
import { CliError } from './errors.ts';

/** The calendar with the office's overrides when the database can be read; otherwise the built-in one, said so. */
async function calendarFor(settings: Settings): Promise<ChinaCalendar> {
  const { db, why } = await openDatabaseIfAvailable(settings, 'calendar');
  if (!db) {
    if (why && !why.startsWith('no database'))
      console.error(`warning: calendar overrides not read (${why}); built-in data used`);
    return createChinaCalendar(loadBuiltinCalendar());
  }
  try {
    return await loadCalendar(db.orm);
  } finally {
    await db.close();
  }
}

export function registerCalendarCommands(program: Command, settings: () => Settings): void {
  const cal = program
    .command('calendar')
    .description("China's working-day calendar (holidays, 调休, overrides)");

  cal
    .command('is-workday <date>')
    .description('print true or false for a date YYYY-MM-DD')
    .action(async (date: string) => {
      if (!isLocalDate(date)) throw new CliError(`not a date YYYY-MM-DD: ${date}`);
      const calendar = await calendarFor(settings());
      const day = calendar.day(date);
      if (!day.known) console.error(`warning: ${noDataWarning(yearOf(date))}`);
      console.log(String(day.workday));
    });

  cal
    .command('deadline <instant> <workingDays>')
    .description(
      'print when "N working days from <instant>" ends (Civil Code arts. 201–203), e.g. 2025-03-03T10:00:00+08:00 1',
    )
    .action(async (instant: string, n: string) => {
      const from = parseCityInstant(instant);
      if (!from) throw new CliError(`not an ISO 8601 instant: ${instant}`);
      const days = Number(n);
      if (!Number.isInteger(days) || days < 0 || days > 3660)
        throw new CliError(`working days must be an integer 0–3660: ${n}`);
      const r = addWorkingDays(await calendarFor(settings()), from, days);
      for (const w of r.warnings) console.error(`warning: ${w}`);
      console.log(formatCityInstant(r.end));
    });

  cal
    .command('day <date>')
    .description('show what the calendar knows of a date (kind, holiday name, source) as JSON')
    .action(async (date: string) => {
      if (!isLocalDate(date)) throw new CliError(`not a date YYYY-MM-DD: ${date}`);
      console.log(JSON.stringify((await calendarFor(settings())).day(date)));
    });

  const ov = cal
    .command('override')
    .description("the office's override table (a new year's State Council notice)");
  ov.command('list').action(async () => {
    await withDatabase(settings(), 'calendar override list', async (db) => {
      for (const o of await listOverrides(db.orm))
        console.log(`${o.day}\t${o.isWorkday ? 'workday' : 'rest'}\t${o.name}`);
    });
  });
  ov.command('set <date>')
    .requiredOption('--name <name>', 'e.g. 春节 or 春节调休')
    .option('--workday', 'the date is worked (调休)')
    .option('--rest', 'the date is a rest day (holiday)')
    .option('--source <text>', 'e.g. 国办发明电〔2026〕x号')
    .action(async (date: string, o: { name: string; workday?: boolean; rest?: boolean; source?: string }) => {
      if (!isLocalDate(date)) throw new CliError(`not a date YYYY-MM-DD: ${date}`);
      if (Boolean(o.workday) === Boolean(o.rest))
        throw new CliError('give exactly one of --workday or --rest');
      await withDatabase(settings(), 'calendar override set', async (db) => {
        await db.orm.transaction((tx) =>
          setOverride(
            tx,
            SYSTEM_ACTOR,
            { day: date, isWorkday: Boolean(o.workday), name: o.name, source: o.source },
            new Date(),
          ),
        );
        console.log(`${date} set as ${o.workday ? 'working day' : 'rest day'} (${o.name})`);
      });
    });
  ov.command('remove <date>').action(async (date: string) => {
    await withDatabase(settings(), 'calendar override remove', async (db) => {
      await db.orm.transaction((tx) => removeOverride(tx, SYSTEM_ACTOR, date, new Date()));
      console.log(`${date} override removed`);
    });
  });
  cal
    .command('declare-year <year>')
    .description('declare a year complete once its notice is entered, so dates in it stop warning')
    .requiredOption('--source <text>', 'the notice it was entered from')
    .action(async (year: string, o: { source: string }) => {
      const y = Number(year);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new CliError(`not a year: ${year}`);
      await withDatabase(settings(), 'calendar declare-year', async (db) => {
        await db.orm.transaction((tx) => declareYear(tx, SYSTEM_ACTOR, y, o.source, new Date()));
        console.log(`${y} declared complete (${o.source})`);
      });
    });
}
