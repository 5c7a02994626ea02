import fs from 'node:fs';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import type { AsOf } from '../modules/contracts/index.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** `--as-of`: a real date or the CLI's error naming the option (2026-02-30 is refused). */
function asOfOption(resolve: (d: string | undefined, now: Date) => AsOf, day: string | undefined): AsOf {
  try {
    return resolve(day, new Date());
  } catch {
    throw new CliError(`--as-of must be a real date YYYY-MM-DD, not ${day}`);
  }
}

export function registerContractCommands(program: Command, settings: () => Settings): void {
  const contract = program
    .command('contract')
    .description('procurement contracts as data: schedules, readings');

  contract
    .command('show <id>')
    .description("a contract's payment schedule, bond and indicators")
    .option('--json', 'print as JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const { contractOverview } = await import('../modules/contracts/index.ts');
      await withDatabase(settings(), 'contract show', async (db) => {
        const v = await contractOverview(db.orm, id);
        if (o.json) return console.log(JSON.stringify(v));
        console.log(`${v.name} (${v.id} v${v.version})`);
        console.log(
          `term ${v.term.from} – ${v.term.to} (to exclusive); total ${yuan(v.totalFen)}; bond ${yuan(v.bondFen)}${v.bondReturnBy ? `, returned by ${v.bondReturnBy}` : ''}`,
        );
        for (const p of v.payments) {
          console.log(
            `  Q${p.quarter}  ${(p.shareBp / 100).toFixed(0)}%  ${yuan(p.baseFen).padStart(16)}  service ${p.period.from} – ${p.period.to}  pay ${p.dueFrom} – ${p.dueTo}`,
          );
        }
        console.log(`  ${v.rounding}`);
        for (const i of v.indicators)
          console.log(`  #${i.no} ${i.name} ${i.comparator} ${i.target} (${i.period})`);
      });
    });

  contract
    .command('load <file>')
    .description('load a contract definition (JSON) — a new city, or a new version')
    .action(async (file: string) => {
      if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
      const { loadContract } = await import('../modules/contracts/index.ts');
      await withDatabase(settings(), 'contract load', async (db) => {
        const c = await db.orm.transaction((tx) =>
          loadContract(tx, SYSTEM_ACTOR, JSON.parse(fs.readFileSync(file, 'utf8')), new Date()),
        );
        console.log(`loaded ${c.id} version ${c.version}`);
      });
    });

  program
    .command('assess')
    .description(
      'the contract indicators for a period, with evidence: --period 2026-02 | 2026-Q1 | 2026 | C1…C4 | term',
    )
    .requiredOption('--contract <id>')
    .requiredOption('--period <period>')
    .option(
      '--as-of <day>',
      'as of this day (YYYY-MM-DD, Asia/Shanghai): nothing after it counts; default today',
    )
    .option('--json', 'print as JSON')
    .action(async (o: { contract: string; period: string; asOf?: string; json?: boolean }) => {
      const { assessmentAnswer, resolveAsOf } = await import('../modules/contracts/index.ts');
      const asOf = asOfOption(resolveAsOf, o.asOf);
      await withDatabase(settings(), 'assess', async (db) => {
        const a = await assessmentAnswer(db.orm, o.contract, o.period, asOf);
        if (o.json) return console.log(JSON.stringify(a));
        console.log(
          `${a.contract.name} — ${a.period.key}（${a.period.from} 至 ${a.period.to}，止日不含），截至 ${a.asOf}${a.provisional ? '，暂估' : ''}`,
        );
        for (const i of a.indicators) {
          console.log(
            `  ${i.statusZh.padEnd(3, '　')} 第${i.no}项 ${i.name}：${i.valueZh}（指标 ${i.targetZh}）${i.provisional ? ' 暂估' : ''}`,
          );
        }
      });
    });

  program
    .command('settle')
    .description(
      "a payment quarter's statement: base, deductions with the readings used, amount payable, window",
    )
    .requiredOption('--contract <id>')
    .requiredOption('--quarter <n>', 'payment period 1–4')
    .option(
      '--as-of <day>',
      'as of this day (YYYY-MM-DD, Asia/Shanghai): nothing after it counts; default today',
    )
    .option('--json', 'print as JSON')
    .action(async (o: { contract: string; quarter: string; asOf?: string; json?: boolean }) => {
      const quarter = Number(o.quarter);
      if (!Number.isInteger(quarter) || quarter < 1) throw new CliError('--quarter must be 1, 2, 3 or 4');
      const { currentStatement, resolveAsOf } = await import('../modules/contracts/index.ts');
      const asOf = asOfOption(resolveAsOf, o.asOf);
      await withDatabase(settings(), 'settle', async (db) => {
        const s = await currentStatement(db.orm, o.contract, quarter, asOf);
        if (o.json) return console.log(JSON.stringify(s));
        console.log(
          `${s.contractId} 第${s.quarter}季度（${s.period.from} 至 ${s.period.to}，止日不含），截至 ${s.asOf}：${s.statusZh}`,
        );
        console.log(`  本期基数    ${yuan(s.baseFen).padStart(16)}`);
        for (const d of s.deductions)
          console.log(`  − ${yuan(d.amountFen).padStart(14)}  ${d.reasonZh}  [${d.reading}]`);
        if (s.carriedInFen) console.log(`  − ${yuan(s.carriedInFen).padStart(14)}  上期结转扣减`);
        console.log(
          `  本期应付    ${yuan(s.payableFen).padStart(16)}  付款期 ${s.dueFrom} 至 ${s.dueTo}${s.invoiceRequired ? '，凭合格增值税发票' : ''}`,
        );
        if (s.carriedOutFen) console.log(`  结转下期    ${yuan(s.carriedOutFen).padStart(16)}`);
        if (s.bond.drawnFen) console.log(`  从履约保证金扣除 ${yuan(s.bond.drawnFen)}`);
        for (const w of s.warnings) console.log(`  提示 [${w.code}] ${w.messageZh}`);
      });
    });
}
