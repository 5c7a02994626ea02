import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { withDatabase } from './open-database.ts';

/** `hotline audit verify [--json]`: walks the SM3 chain of the audit trail; exit code 1 when it is broken. */
export function registerAuditCommands(program: Command, settings: () => Settings): void {
  const audit = program.command('audit').description('the audit trail (审计日志)');
  audit
    .command('verify')
    .description('check that no audit row was edited or deleted (SM3 hash chain)')
    .option('--json', 'print {ok, entries, head, firstBroken} as JSON')
    .action(async (o: { json?: boolean }) => {
      const { verifyAuditChain } = await import('../platform/audit.ts');
      const verdict = await withDatabase(settings(), 'audit verify', (db) => verifyAuditChain(db.orm));
      if (o.json) console.log(JSON.stringify(verdict));
      else if (verdict.ok)
        console.log(
          `audit chain intact: ${verdict.entries} entries${verdict.pending ? ` (${verdict.pending} written since, not linked yet)` : ''}`,
        );
      else {
        const b = verdict.firstBroken!;
        console.log(
          `audit chain BROKEN after ${verdict.entries} good entries: row ${b.id}${b.action ? ` (${b.action} at ${b.at})` : ''} — ${b.reason}: ${b.detail}`,
        );
      }
      if (!verdict.ok) process.exitCode = 1;
    });
}
