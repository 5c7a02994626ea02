import fs from 'node:fs';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(v < 0.001 && v > 0 ? 4 : 2)}%`);

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
    .option('--json', 'print as JSON')
    .action(async (o: { contract: string; period: string; json?: boolean }) => {
      const { assessContract } = await import('../modules/contracts/index.ts');
      await withDatabase(settings(), 'assess', async (db) => {
        const a = await assessContract(db.orm, o.contract, o.period, new Date());
        if (o.json) return console.log(JSON.stringify(a));
        console.log(`${a.contract.name} — ${a.period.key} (${a.period.from} – ${a.period.to})`);
        for (const i of a.indicators) {
          console.log(
            `  ${i.met ? 'OK  ' : 'MISS'} #${i.no} ${i.name}: ${i.numerator}/${i.denominator} = ${pct(i.value)} (target ${i.comparator} ${pct(i.target)})${i.provisional ? ' provisional' : ''}`,
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
    .option('--json', 'print as JSON')
    .action(async (o: { contract: string; quarter: string; json?: boolean }) => {
      const quarter = Number(o.quarter);
      if (!Number.isInteger(quarter) || quarter < 1) throw new CliError('--quarter must be 1, 2, 3 or 4');
      const { currentStatement } = await import('../modules/contracts/index.ts');
      await withDatabase(settings(), 'settle', async (db) => {
        const s = await currentStatement(db.orm, o.contract, quarter, new Date());
        if (o.json) return console.log(JSON.stringify(s));
        console.log(
          `${s.contractId} quarter ${s.quarter} (${s.period.from} – ${s.period.to})${s.provisional ? ' — provisional' : ''}`,
        );
        console.log(`  base        ${yuan(s.baseFen).padStart(16)}`);
        for (const d of s.deductions)
          console.log(`  − ${yuan(d.amountFen).padStart(14)}  ${d.reasonZh}  [${d.reading}]`);
        console.log(
          `  payable     ${yuan(s.payableFen).padStart(16)}  between ${s.dueFrom} and ${s.dueTo}${s.invoiceRequired ? ', against a VAT invoice' : ''}`,
        );
      });
    });
}
