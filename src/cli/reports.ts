import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

/** Progress as JSON lines on stdout (`--json`), or a line on a terminal's standard error. */
function progressPrinter(json: boolean | undefined) {
  return (step: string, fraction: number) => {
    if (json) console.log(JSON.stringify({ progress: { step, fraction: Math.round(fraction * 100) / 100 } }));
    else if (process.stderr.isTTY)
      process.stderr.write(`\r${String(Math.round(fraction * 100)).padStart(3)}%  ${step}`.padEnd(40));
  };
}

function writeFiles(dir: string, fileName: string, files: Partial<Record<string, Buffer>>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([ext, buf]) => {
    const file = path.join(dir, `${fileName}.${ext}`);
    fs.writeFileSync(file, buf!);
    return file;
  });
}

export function registerReportCommands(program: Command, settings: () => Settings): void {
  const report = program
    .command('report')
    .description('the office’s reports: monthly analysis, circulars, special reports');

  report
    .command('monthly')
    .description('月常规业务数据分析: the monthly analysis as DOCX, PDF and XLSX')
    .requiredOption('--month <YYYY-MM>', 'the month')
    .requiredOption('--out <dir>', 'directory to write the files to')
    .option(
      '--contract <id>',
      'the contract whose indicators to show (default: the one in force that month; "none" for none)',
    )
    .option('--json', 'progress and the result as JSON lines')
    .action(async (o: { month: string; out: string; contract?: string; json?: boolean }) => {
      const { generateMonthly, parseMonth } = await import('../modules/reports/index.ts');
      try {
        parseMonth(o.month);
      } catch {
        throw new CliError('--month must be a month YYYY-MM');
      }
      const started = Date.now();
      await withDatabase(settings(), 'report monthly', async (db) => {
        const contractId = o.contract === 'none' ? null : o.contract;
        const r = await generateMonthly(db.orm, o.month, {
          contractId,
          now: new Date(),
          onProgress: progressPrinter(o.json),
        });
        if (!o.json && process.stderr.isTTY) process.stderr.write('\n');
        const files = writeFiles(o.out, r.fileName, r.files);
        const seconds = (Date.now() - started) / 1000;
        const result = {
          month: r.report.month,
          contract: r.report.contract?.id ?? null,
          files,
          calls: r.report.calls.totals.offered,
          orders: r.report.orders.total,
          sections: r.report.sections,
          seconds,
        };
        if (o.json) console.log(JSON.stringify({ result }));
        else {
          console.log(
            `monthly analysis ${result.month} (contract ${result.contract ?? '无'}): ${result.calls} calls, ${result.orders} orders, ${seconds.toFixed(1)} s`,
          );
          for (const f of files) console.log(`  ${f}`);
        }
      });
    });

  report
    .command('circular')
    .description(
      '通报: each department’s dispatch and handling figures, scored and ranked, as DOCX, PDF and XLSX',
    )
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'day after the last (exclusive)')
    .requiredOption('--out <dir>', 'directory to write the files to')
    .option('--json', 'progress and the result as JSON lines')
    .action(async (o: { from: string; to: string; out: string; json?: boolean }) => {
      const { writeCircularFiles } = await import('../modules/reports/index.ts');
      await withDatabase(settings(), 'report circular', async (db) => {
        const r = await writeCircularFiles(db.orm, o.from, o.to, new Date(), progressPrinter(o.json));
        const files = writeFiles(o.out, r.fileName, r.files);
        if (o.json)
          console.log(
            JSON.stringify({
              result: { from: o.from, to: o.to, departments: r.circular.departments.length, files },
            }),
          );
        else for (const f of files) console.log(f);
      });
    });

  report
    .command('special')
    .description(
      '专报: a hot topic or chosen orders — timeline, places, counts, messages (masked), departments, status',
    )
    .option('--hot-topic <id>', 'a hot topic id')
    .option('--orders <numbers>', 'order numbers, comma-separated')
    .requiredOption('--out <dir>', 'directory to write the files to')
    .action(async (o: { hotTopic?: string; orders?: string; out: string }) => {
      if (!o.hotTopic === !o.orders) throw new CliError('give either --hot-topic or --orders');
      const { writeSpecialFiles } = await import('../modules/reports/index.ts');
      await withDatabase(settings(), 'report special', async (db) => {
        const subject = o.hotTopic
          ? { hotTopicId: Number(o.hotTopic) }
          : {
              orderNumbers: o
                .orders!.split(',')
                .map((n) => n.trim())
                .filter(Boolean),
            };
        const r = await writeSpecialFiles(db.orm, subject, new Date());
        for (const f of writeFiles(o.out, r.fileName, r.files)) console.log(f);
      });
    });
}
