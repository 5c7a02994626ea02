import fs from 'node:fs';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

/** `hotline handover export|certificate`: the data hand-over and the confirmation of destruction (Luohe art. 8.5). */
export function registerHandoverCommands(program: Command, settings: () => Settings): void {
  const handover = program
    .command('handover')
    .description('hand every table to Party A (数据移交, Luohe art. 8.5)');
  handover
    .command('export')
    .description('write every table, attachments, a README of the schema and an SM3 manifest into a folder')
    .requiredOption('--out <dir>', 'the folder to write (absent or empty)')
    .option('--json', 'print the result as JSON')
    .action(async (o: { out: string; json?: boolean }) => {
      if (fs.existsSync(o.out) && fs.readdirSync(o.out).length) throw new CliError(`${o.out} is not empty`);
      const { exportHandover } = await import('../platform/handover/export.ts');
      const { attachmentHandoverFiles } = await import('../modules/orders/index.ts');
      const s = settings();
      const r = await withDatabase(s, 'handover export', (db) =>
        exportHandover(db.orm, `${db.kind} ${db.where}`, o.out, SYSTEM_ACTOR, new Date(), {
          files: [attachmentHandoverFiles(s.attachmentsDir)],
        }),
      );
      if (o.json) console.log(JSON.stringify(r));
      else
        console.log(
          `hand-over package in ${r.dir}: ${r.tables} tables, ${r.rows} rows, ${r.files} files ` +
            `(${r.attachments} attachments${r.attachmentProblems ? `, ${r.attachmentProblems} MISSING OR DAMAGED (see manifest.json)` : ''}); ` +
            `manifest SM3 ${r.manifestSm3}`,
        );
    });
  handover
    .command('certificate')
    .description('write the 《数据已销毁确认函》 (DOCX) quoting the hand-over manifest’s SM3 digest')
    .option('--out <file>', 'the DOCX to write', '数据已销毁确认函.docx')
    .option('--manifest <file>', 'the manifest.json of the package (default: the latest export)')
    .option('--party-a <name>', '甲方', '漯河市人民政府办公室')
    .option('--party-b <name>', '乙方 (the operator)', '中国联合网络通信有限公司河南省分公司')
    .option('--contract <title>', 'the contract', '漯河市12345政务服务便民热线服务项目合同')
    .action(
      async (o: { out: string; manifest?: string; partyA: string; partyB: string; contract: string }) => {
        const { certificateDocx } = await import('../platform/handover/certificate.ts');
        const { latestExport, manifestFacts } = await import('../platform/handover/latest.ts');
        const { recordAudit } = await import('../platform/audit.ts');
        await withDatabase(settings(), 'handover certificate', async (db) => {
          const latest = o.manifest ? null : await latestExport(db.orm);
          const file = o.manifest ?? latest?.manifestFile;
          if (!file)
            throw new CliError('no hand-over export yet: run `hotline handover export --out DIR` first');
          if (!fs.existsSync(file)) throw new CliError(`no manifest at ${file}; pass --manifest`);
          const facts = manifestFacts(file);
          if (latest && latest.manifestSm3 !== facts.manifestSm3)
            throw new CliError(
              `${file} changed since it was exported (SM3 ${facts.manifestSm3} ≠ ${latest.manifestSm3})`,
            );
          fs.writeFileSync(
            o.out,
            await certificateDocx({ ...facts, partyA: o.partyA, partyB: o.partyB, contract: o.contract }),
          );
          await recordAudit(db.orm, SYSTEM_ACTOR, new Date(), {
            action: 'handover_certificate',
            entity: 'handover',
            after: { file: o.out, manifestSm3: facts.manifestSm3 },
          });
          console.log(`wrote ${o.out} (manifest SM3 ${facts.manifestSm3})`);
        });
      },
    );
}
