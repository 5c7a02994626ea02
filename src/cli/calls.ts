import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { parseCityInstant } from '../calendar/local-time.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';
import { fileWithProgress } from './progress.ts';

const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(2)}%`);

function parseDateOption(name: string, value: string): Date {
  const d = parseCityInstant(value);
  if (!d)
    throw new CliError(`--${name} must be a date YYYY-MM-DD (Asia/Shanghai) or an ISO instant: ${value}`);
  return d;
}

export function registerCallCommands(program: Command, settings: () => Settings): void {
  const callsCmd = program.command('calls').description('call records from the switch: import and metrics');

  callsCmd
    .command('import <file>')
    .description(
      'import a call log (idempotent: re-importing adds nothing); bad lines are reported, not fatal',
    )
    .requiredOption('--format <format>', 'generic | asterisk-queue-log | freeswitch')
    .option('--json', 'print the counts as JSON')
    .action(async (file: string, o: { format: string; json?: boolean }) => {
      const { IMPORT_FORMATS, importCallLog, readCallSettings } = await import('../modules/calls/index.ts');
      if (!(IMPORT_FORMATS as readonly string[]).includes(o.format)) {
        throw new CliError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
      }
      if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
      await withDatabase(settings(), 'calls import', async (db) => {
        const progress = fileWithProgress(file, 'calls');
        const result = await importCallLog(db.orm, SYSTEM_ACTOR, o.format as never, progress.stream, {
          fileName: path.basename(file),
          now: new Date(),
          callbackDueHours: (await readCallSettings(db.orm)).callbackDueHours,
          onProgress: (c) => progress.update(c.calls.toLocaleString('en')),
        });
        progress.finish();
        const { rejections, ...counts } = result;
        if (o.json) {
          console.log(JSON.stringify({ ...counts, rejections: rejections.slice(0, 100) }));
          return;
        }
        console.log(
          `read ${counts.read} lines: ${counts.calls} calls, ${counts.imported} imported, ${counts.alreadyPresent} already present, ` +
            `${counts.rejected} rejected, ${counts.skipped} skipped (not calls to the agent queue)`,
        );
        for (const r of rejections.slice(0, 20)) console.log(`  line ${r.line}: ${r.reason}`);
        if (rejections.length > 20)
          console.log(`  … ${counts.rejected - 20} more rejections (see the import record)`);
      });
    });

  callsCmd
    .command('metrics')
    .description(
      'offered, answered, answer rate, 15-second answers, ASA, AHT by interval (dates in Asia/Shanghai; --to exclusive)',
    )
    .requiredOption('--from <date>')
    .requiredOption('--to <date>')
    .option('--granularity <g>', 'interval (30 min) | day | month | quarter | year', 'day')
    .option('--json', 'print as JSON')
    .action(async (o: { from: string; to: string; granularity: string; json?: boolean }) => {
      const { GRANULARITIES, callMetrics, readCallSettings } = await import('../modules/calls/index.ts');
      if (!(GRANULARITIES as readonly string[]).includes(o.granularity)) {
        throw new CliError(`--granularity must be one of ${GRANULARITIES.join(', ')}`);
      }
      const from = parseDateOption('from', o.from);
      const to = parseDateOption('to', o.to);
      if (to <= from) throw new CliError('--to must be after --from (it is exclusive)');
      await withDatabase(settings(), 'calls metrics', async (db) => {
        const m = await callMetrics(db.orm, from, to, o.granularity as never, await readCallSettings(db.orm));
        if (o.json) {
          console.log(JSON.stringify(m));
          return;
        }
        const t = m.totals;
        console.log(
          `offered ${t.offered}, answered ${t.answered}, abandoned ${t.abandoned}, answer rate ${pct(t.answerRate)}, ` +
            `within 15 s ${t.answeredWithin15s} (${pct(t.answeredWithin15sRate)}), ASA ${t.asaSeconds ?? '—'} s, AHT ${t.ahtSeconds ?? '—'} s`,
        );
        if (t.excluded.exemptedOffered || t.excluded.shortAbandoned) {
          console.log(
            `left out: ${t.excluded.exemptedOffered} in exemption windows, ${t.excluded.shortAbandoned} short abandons`,
          );
        }
        for (const i of m.intervals) {
          console.log(
            `${formatStart(i.start, o.granularity)}\t${i.offered}\t${i.answered}\t${pct(i.answerRate)}\t${i.asaSeconds ?? '—'}`,
          );
        }
      });
    });
}

function formatStart(d: Date, granularity: string): string {
  const local = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return granularity === 'interval' ? `${local.slice(0, 10)} ${local.slice(11, 16)}` : local.slice(0, 10);
}
