import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { registerAttendanceCommands } from './attendance.ts';
import { CliError } from './errors.ts';
import {
  registerForecastCommand,
  registerPayCommand,
  registerRotaCommands,
  registerWhatIfCommand,
} from './workforce-plan.ts';

/** A number from a flag, or a CliError naming the flag. */
export function numberFlag(
  name: string,
  raw: string | undefined,
  opts: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean } = {},
): number | undefined {
  if (raw == null) return undefined;
  const v = Number(raw);
  const { min = 0, max = 1e9, integer = false, exclusiveMin = false } = opts;
  const low = exclusiveMin ? v <= min : v < min;
  if (raw.trim() === '' || !Number.isFinite(v) || low || v > max || (integer && !Number.isInteger(v))) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new CliError(`--${name} must be ${kind} ${exclusiveMin ? '>' : '≥'} ${min} and ≤ ${max}: ${raw}`);
  }
  return v;
}

interface ErlangFlags {
  arrivals: string;
  intervalMinutes: string;
  ahtSeconds: string;
  agents?: string;
  patienceSeconds?: string;
  targetSeconds?: string;
  serviceLevel?: string;
  json?: boolean;
}

const round = (x: number | null | undefined, d = 4) => (x == null ? null : Number(x.toFixed(d)));

export function registerWorkforceCommands(program: Command, settings: () => Settings): void {
  program
    .command('erlang')
    .description(
      'Erlang C (or Erlang A with --patience-seconds): service level, wait probability, ASA, occupancy for --agents; or the fewest agents for --service-level',
    )
    .requiredOption('--arrivals <n>', 'calls offered in the interval')
    .requiredOption('--interval-minutes <m>', 'length of the interval in minutes')
    .requiredOption('--aht-seconds <s>', 'average handle time in seconds (talk + after-call work)')
    .option('--agents <k>', 'agents on the phones')
    .option('--patience-seconds <p>', 'mean caller patience (Erlang A, abandonment); omit for Erlang C')
    .option(
      '--target-seconds <t>',
      'answer-time threshold for the service level (GB/T 33358-2016: 15 s)',
      '15',
    )
    .option(
      '--service-level <l>',
      'target share answered within the threshold (0–1): search for the fewest agents',
    )
    .option('--json', 'print as JSON')
    .action(async (o: ErlangFlags) => {
      const { erlang, requiredAgents } = await import('../modules/workforce/index.ts');
      const base = {
        arrivals: numberFlag('arrivals', o.arrivals, { max: 1e7 }) as number,
        intervalSeconds:
          (numberFlag('interval-minutes', o.intervalMinutes, { exclusiveMin: true, max: 1440 }) as number) *
          60,
        ahtSeconds: numberFlag('aht-seconds', o.ahtSeconds, { exclusiveMin: true, max: 86400 }) as number,
        patienceSeconds:
          numberFlag('patience-seconds', o.patienceSeconds, { exclusiveMin: true, max: 1e7 }) ?? null,
        targetSeconds: numberFlag('target-seconds', o.targetSeconds, { max: 86400 }) as number,
      };
      const agents = numberFlag('agents', o.agents, { min: 1, max: 100_000, integer: true });
      const level = numberFlag('service-level', o.serviceLevel, { max: 1 });
      if (agents == null && level == null)
        throw new CliError('give --agents, or --service-level to search for agents');
      let r;
      try {
        if (agents != null) r = erlang({ ...base, agents });
        else {
          const found = requiredAgents(base, { serviceLevel: level });
          if (!found) throw new CliError('--service-level cannot be met with up to 10000 agents');
          r = found.result;
        }
      } catch (e) {
        if (e instanceof RangeError) throw new CliError(e.message);
        throw e;
      }
      const out = {
        model: r.model,
        erlangs: round(r.erlangs),
        agents: r.agents,
        stable: r.stable,
        serviceLevel: round(r.serviceLevel, 6),
        waitProbability: round(r.waitProbability, 6),
        asaSeconds: round(r.asaSeconds, 2),
        meanWaitSeconds: round(r.meanWaitSeconds, 2),
        occupancy: round(r.occupancy, 6),
        ...(r.abandonProbability != null ? { abandonProbability: round(r.abandonProbability, 6) } : {}),
        targetSeconds: base.targetSeconds,
        ...(level != null ? { targetServiceLevel: level } : {}),
      };
      if (o.json) {
        console.log(JSON.stringify(out));
        return;
      }
      const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(2)}%`);
      console.log(
        `${r.model === 'erlang_a' ? 'Erlang A' : 'Erlang C'}: ${out.erlangs} Erlangs on ${r.agents} agents${r.stable ? '' : ' (overloaded: no steady state)'}`,
      );
      console.log(`  service level (≤ ${base.targetSeconds} s)  ${pct(r.serviceLevel)}`);
      console.log(`  wait probability       ${pct(r.waitProbability)}`);
      console.log(`  ASA                    ${out.asaSeconds ?? '—'} s`);
      console.log(`  occupancy              ${pct(r.occupancy)}`);
      if (r.abandonProbability != null) console.log(`  abandon probability    ${pct(r.abandonProbability)}`);
    });
  registerForecastCommand(program, settings);
  registerRotaCommands(program, settings);
  registerWhatIfCommand(program, settings);
  registerPayCommand(program, settings);
  registerAttendanceCommands(program, settings);
}
