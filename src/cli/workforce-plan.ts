import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { formatCityInstant, isLocalDate } from '../calendar/local-time.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

export function dateFlag(name: string, value: string | undefined): string {
  if (value == null) throw new CliError(`--${name} is required (a date YYYY-MM-DD, Asia/Shanghai)`);
  if (!isLocalDate(value)) throw new CliError(`--${name} must be a real date YYYY-MM-DD: ${value}`);
  return value;
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS;

/** `hotline calls forecast`: offered calls per 30-minute interval from the calls before --from. */
export function registerForecastCommand(program: Command, settings: () => Settings): void {
  const calls = program.commands.find((c) => c.name() === 'calls') ?? program.command('calls');
  calls
    .command('forecast')
    .description(
      'forecast offered calls per 30-minute interval for [--from, --to) from the calls before --from (weekday × interval profile, trend, holidays and 调休); --backtest: the last week on file against the naive median of three weeks',
    )
    .option('--from <date>', 'first day forecast (Asia/Shanghai)')
    .option(
      '--to <date>',
      'day after the last day forecast (exclusive); with --backtest, the end of the week tested',
    )
    .option('--lookback-days <n>', 'days of history used', '56')
    .option('--no-trend', 'leave the trend out')
    .option('--backtest', 'back-test on the last week of the calls on file')
    .option('--json', 'print as JSON')
    .action(
      async (o: {
        from?: string;
        to?: string;
        lookbackDays: string;
        trend: boolean;
        backtest?: boolean;
        json?: boolean;
      }) => {
        const lookbackDays = Number(o.lookbackDays);
        if (!Number.isInteger(lookbackDays) || lookbackDays < 7 || lookbackDays > 730)
          throw new CliError(`--lookback-days must be a whole number 7–730: ${o.lookbackDays}`);
        const options = { lookbackDays, trend: o.trend };
        const { backtestForecast, forecastOffered } = await import('../modules/workforce/index.ts');
        if (o.backtest) {
          const end = o.to == null ? undefined : dateFlag('to', o.to);
          await withDatabase(settings(), 'calls forecast', async (db) => {
            const b = await backtestForecast(db.orm, end, options);
            if (!b) throw new CliError('no calls on file to back-test on');
            if (o.json) return console.log(JSON.stringify(b));
            const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);
            console.log(
              `back-test ${b.week.from} – ${b.week.to} (exclusive), ${b.intervals} intervals, ${b.actualCalls} calls offered:\n` +
                `  interval WAPE ${pct(b.wape)} (forecast from ${b.basis.historyDays} days before)\n` +
                `  naive (median of the same interval in the three previous weeks) ${pct(b.naiveWape)}`,
            );
          });
          return;
        }
        const from = dateFlag('from', o.from);
        const to = dateFlag('to', o.to);
        if (to <= from) throw new CliError('--to must be after --from (it is exclusive)');
        if (daysBetween(from, to) > 366) throw new CliError('--to: at most 366 days after --from');
        await withDatabase(settings(), 'calls forecast', async (db) => {
          const f = await forecastOffered(db.orm, from, to, options);
          const intervals = f.intervals.map((i) => ({
            start: formatCityInstant(i.start),
            expected: Math.round(i.expected * 100) / 100,
          }));
          if (o.json) {
            const days = f.days.map((d) => ({ ...d, expected: Math.round(d.expected * 10) / 10 }));
            return console.log(JSON.stringify({ from, to, intervals, days, basis: f.basis }));
          }
          if (!f.basis.historyDays) console.log('no calls on file before --from: the forecast is zero');
          else
            console.log(
              `from ${f.basis.historyDays} days of history (${f.basis.outlierDays.length} outlier days left out), trend ${f.basis.slopePerDay.toFixed(1)} calls/day per day`,
            );
          for (const d of f.days) console.log(`${d.date}  ${d.kind.padEnd(16)} ${d.expected.toFixed(0)}`);
        });
      },
    );
}

/** `hotline rota plan`: forecast → requirement → a rota for the roster's agents, checked against the Labour Law. */
export function registerRotaCommands(program: Command, settings: () => Settings): void {
  const rota = program.command('rota').description('shift rotas (排班) under the Labour Law');
  rota
    .command('plan')
    .description(
      'plan a rota of 8-hour shifts for --weeks weeks from --from covering the forecast requirement (Erlang A, shrinkage) under the Labour Law; agents from the roster, placeholders when none recorded',
    )
    .requiredOption('--from <date>', 'first day of the rota (Asia/Shanghai)')
    .option('--weeks <n>', 'weeks (1–8)', '4')
    .option('--agents <k>', 'agents to schedule (default: the roster’s agents, or 45)')
    .option(
      '--method <m>',
      'lp (integer programme for the shift counts, then agents) or heuristic (greedy)',
      'lp',
    )
    .option('--json', 'print as JSON')
    .action(async (o: { from: string; weeks: string; agents?: string; method: string; json?: boolean }) => {
      if (o.method !== 'lp' && o.method !== 'heuristic')
        throw new CliError(`--method must be lp or heuristic: ${o.method}`);
      const method = o.method;
      const from = dateFlag('from', o.from);
      const weeks = Number(o.weeks);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 8)
        throw new CliError(`--weeks must be a whole number 1–8: ${o.weeks}`);
      const agents = o.agents == null ? undefined : Number(o.agents);
      if (agents != null && (!Number.isInteger(agents) || agents < 1 || agents > 1000))
        throw new CliError(`--agents must be a whole number 1–1000: ${o.agents}`);
      const { planRotaFor, readPlanSettings } = await import('../modules/workforce/index.ts');
      await withDatabase(settings(), 'rota plan', async (db) => {
        const p = await planRotaFor(db.orm, { from, weeks, agents, method }, await readPlanSettings(db.orm));
        const names = new Map(p.agents.map((a) => [a.agent, a.name]));
        if (o.json) {
          return console.log(
            JSON.stringify({
              from: p.from,
              weeks: p.weeks,
              note: p.note,
              placeholders: p.placeholders,
              agents: p.agents,
              parameters: p.parameters,
              method: p.method,
              summary: p.summary,
              violations: p.violations,
              shifts: p.shifts.map((s) => ({
                agent: s.agent,
                name: names.get(s.agent),
                template: s.template,
                start: formatCityInstant(s.start),
                end: formatCityInstant(s.end),
              })),
              coverage: p.coverage.map((c) => ({
                start: formatCityInstant(c.start),
                expected: Math.round(c.expected * 100) / 100,
                onPhones: c.onPhones,
                required: c.required,
                scheduled: c.scheduled,
              })),
            }),
          );
        }
        if (p.note) console.log(`note: ${p.note}`);
        const pr = p.parameters;
        console.log(
          `AHT ${pr.ahtSeconds.toFixed(0)} s, patience ${pr.patienceSeconds == null ? '— (Erlang C)' : `${pr.patienceSeconds.toFixed(0)} s`}, ` +
            `targets: answer rate ${(pr.answerRateTarget * 100).toFixed(0)}%, ${(pr.serviceLevelTarget * 100).toFixed(0)}% within 15 s; shrinkage ${(pr.shrinkage * 100).toFixed(0)}%`,
        );
        console.log(
          `${p.shifts.length} shifts for ${p.agents.length} agents; ${p.summary.intervalsMet}/${p.summary.intervals} half-hours covered ` +
            `(${(p.summary.coverage * 100).toFixed(1)}%), ${(p.summary.shortShare * 100).toFixed(1)}% of required agent-hours short`,
        );
        console.log(
          p.violations.length
            ? `${p.violations.length} Labour-Law findings: ${[...new Set(p.violations.map((v) => v.code))].join(', ')}`
            : 'no Labour-Law findings',
        );
      });
    });
}

/** `hotline rota whatif`: answer rate for head counts, Erlang A beside the simulator, with the money at stake. */
export function registerWhatIfCommand(program: Command, settings: () => Settings): void {
  const rota = program.commands.find((c) => c.name() === 'rota') ?? program.command('rota');
  rota
    .command('whatif')
    .description(
      'expected answer rate for head counts: Erlang A per half-hour on the planned rota beside the call simulator, with the contract’s 96 % line and 1 % of the contract total at stake',
    )
    .requiredOption('--from <date>', 'first day (Asia/Shanghai)')
    .option('--weeks <n>', 'weeks of rota planned (1–8)', '4')
    .option('--agents <list>', 'head counts, comma-separated', '40,45,50')
    .option('--simulate-weeks <n>', 'weeks the simulator runs (1–8)', '1')
    .option('--json', 'print as JSON')
    .action(
      async (o: { from: string; weeks: string; agents: string; simulateWeeks: string; json?: boolean }) => {
        const from = dateFlag('from', o.from);
        const weeks = Number(o.weeks);
        const simulateWeeks = Number(o.simulateWeeks);
        if (!Number.isInteger(weeks) || weeks < 1 || weeks > 8)
          throw new CliError(`--weeks must be 1–8: ${o.weeks}`);
        if (!Number.isInteger(simulateWeeks) || simulateWeeks < 1 || simulateWeeks > 8)
          throw new CliError(`--simulate-weeks must be 1–8: ${o.simulateWeeks}`);
        const headcounts = o.agents.split(',').map((s) => Number(s.trim()));
        if (!headcounts.length || headcounts.some((n) => !Number.isInteger(n) || n < 1 || n > 500))
          throw new CliError(`--agents must be whole numbers 1–500, comma-separated: ${o.agents}`);
        const { whatIfHeadcounts, readPlanSettings } = await import('../modules/workforce/index.ts');
        const { simulatedAnswerRate } = await import('../simulation/what-if.ts');
        await withDatabase(settings(), 'rota whatif', async (db) => {
          const w = await whatIfHeadcounts(
            db.orm,
            { from, weeks, headcounts, simulateWeeks },
            simulatedAnswerRate,
            await readPlanSettings(db.orm),
          );
          if (o.json) return console.log(JSON.stringify(w));
          const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(2)}%`);
          const yuan = (f: number | null) => (f == null ? '—' : `¥${(f / 100).toLocaleString('en')}`);
          console.log(
            `line 96 % (Luohe KPI 1); at stake ${yuan(w.rows[0]?.erlang.stakeFen ?? null)} (1 % of ${w.contract?.id ?? 'no contract on file'})`,
          );
          console.log('agents  coverage  Erlang A   simulator  deduction (Erlang / simulator)');
          for (const r of w.rows)
            console.log(
              `${String(r.agents).padStart(6)}  ${pct(r.coverage).padStart(8)}  ${pct(r.erlangAnswerRate).padStart(8)}  ${pct(r.simulatedAnswerRate).padStart(9)}  ${yuan(r.erlang.deductionFen)} / ${yuan(r.simulated.deductionFen)}`,
            );
        });
      },
    );
}

/** `hotline rota pay`: overtime pay per agent per month from a published rota, optionally as XLSX. */
export function registerPayCommand(program: Command, settings: () => Settings): void {
  const rota = program.commands.find((c) => c.name() === 'rota') ?? program.command('rota');
  rota
    .command('pay')
    .description(
      'overtime pay under Labour Law art. 44 (150 % / 200 % / 300 %) per agent per month: clock-in records where imported (hotline attendance import), else the published rota less recorded leave',
    )
    .requiredOption('--rota <id>', 'a published rota')
    .requiredOption('--monthly-wage-fen <n>', 'monthly wage in fen (hourly = monthly / 21.75 / 8)')
    .option('--xlsx <file>', 'write the table as XLSX')
    .option('--json', 'print as JSON')
    .action(async (o: { rota: string; monthlyWageFen: string; xlsx?: string; json?: boolean }) => {
      const id = Number(o.rota);
      const wage = Number(o.monthlyWageFen);
      if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647)
        throw new CliError(`--rota must be a rota id: ${o.rota}`);
      if (!Number.isInteger(wage) || wage < 1 || wage > 1e9)
        throw new CliError(`--monthly-wage-fen must be a whole number of fen: ${o.monthlyWageFen}`);
      const { rotaOvertimePay, readPlanSettings } = await import('../modules/workforce/index.ts');
      await withDatabase(settings(), 'rota pay', async (db) => {
        const lines = await rotaOvertimePay(db.orm, id, wage, await readPlanSettings(db.orm));
        if (o.xlsx) {
          const { payWorkbook } = await import('../modules/workforce/index.ts');
          const fs = await import('node:fs');
          fs.writeFileSync(o.xlsx, await payWorkbook(lines));
        }
        if (o.json) return console.log(JSON.stringify({ rota: id, lines }));
        for (const l of lines)
          console.log(
            `${l.name}\t${l.month}\t${l.hours} h\t150%: ${l.overtime150} h\t200%: ${l.restDay200} h\t300%: ${l.holiday300} h\t¥${(l.overtimePayFen / 100).toFixed(2)}\tdays from attendance: ${l.attendanceDays}, from the rota: ${l.rotaDays}`,
          );
        if (o.xlsx) console.log(`written ${o.xlsx}`);
      });
    });
}
