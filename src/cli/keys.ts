import fs from 'node:fs';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

function parseBatch(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new CliError(`--batch must be 1–100000: ${v}`);
  return n;
}

/**
 * `hotline keys rotate`: a new SM4 data key becomes current and every sealed value is sealed again with it,
 * in batches (GB/T 39786-2021 key life cycle: keys are replaced, old ones kept only to read what is not yet
 * re-sealed). With a key file the new key is added to the file first; with HOTLINE_DATA_KEY the operator puts
 * the new key in the JSON and makes it current, and the command re-seals.
 */
export function registerKeyCommands(program: Command, settings: () => Settings): void {
  const keys = program.command('keys').description('the SM4 data keys (数据密钥)');
  keys
    .command('rotate')
    .description('make a new data key current and re-encrypt all personal data with it, in batches')
    .option('--no-new-key', 'only re-encrypt with the current key (resume an interrupted rotation)')
    .option('--batch <n>', 'rows per transaction', parseBatch, 1000)
    .option('--json', 'print the result as JSON')
    .action(async (o: { newKey: boolean; batch: number; json?: boolean }) => {
      const s = settings();
      const { addKey, installKeyring, keyringOf, parseKeyFile, writeKeyFile } =
        await import('../platform/keyring.ts');
      const { activeKeyring } = await import('../platform/keyring.ts');
      const { resealPersonalData } = await import('./reseal-personal-data.ts');
      const { recordAudit } = await import('../platform/audit.ts');
      await withDatabase(s, 'keys rotate', async (db) => {
        let ring = activeKeyring();
        if (o.newKey && !s.dataKey) {
          const file = parseKeyFile(fs.readFileSync(s.dataKeyFile, 'utf8'), s.dataKeyFile);
          addKey(file);
          // The new key is on disk before anything is sealed with it.
          writeKeyFile(s.dataKeyFile, file);
          ring = keyringOf(file);
          installKeyring(ring);
        } else if (o.newKey) {
          console.error(
            'HOTLINE_DATA_KEY is set: re-encrypting with its current key (add and select the new key there)',
          );
        }
        const started = Date.now();
        const counts = await resealPersonalData(db.orm, ring, 'rotate', {
          batchSize: o.batch,
          onProgress: o.json ? undefined : (t, n) => process.stderr.write(`\r${t}: ${n} re-encrypted`),
        });
        // Attachment files live outside the database; they are sealed again with the same key.
        const { resealAttachmentFiles } = await import('../modules/orders/index.ts');
        counts.attachment_files = await resealAttachmentFiles(db.orm, s.attachmentsDir, ring);
        const seconds = (Date.now() - started) / 1000;
        await recordAudit(db.orm, SYSTEM_ACTOR, new Date(), {
          action: 'rotate_data_key',
          entity: 'data_key',
          entityId: ring.current,
          after: { counts, seconds },
        });
        const result = { current: ring.current, keys: [...ring.keys.keys()], counts, seconds };
        if (o.json) console.log(JSON.stringify(result));
        else
          console.log(
            `\ncurrent key ${ring.current}; re-encrypted ${Object.entries(counts)
              .map(([t, n]) => `${t} ${n}`)
              .join(', ')} in ${seconds.toFixed(1)} s`,
          );
      });
    });

  keys
    .command('rotate-index')
    .description(
      'make a new blind-index key current and recompute every blind index (orders.caller_phone_bidx) with it, in batches',
    )
    .option('--no-new-key', 'only recompute with the current index key (resume an interrupted rotation)')
    .option('--batch <n>', 'rows per transaction', parseBatch, 1000)
    .option('--json', 'print the result as JSON')
    .action(async (o: { newKey: boolean; batch: number; json?: boolean }) => {
      const s = settings();
      const {
        activeKeyring,
        addIndexKey,
        installKeyring,
        keyringOf,
        parseKeyFile,
        retireOldIndexKeys,
        writeKeyFile,
      } = await import('../platform/keyring.ts');
      const { reindexTable, staleIndexCount } = await import('../platform/reseal.ts');
      const { SEAL_SPECS } = await import('./reseal-personal-data.ts');
      const { recordAudit } = await import('../platform/audit.ts');
      await withDatabase(s, 'keys rotate-index', async (db) => {
        let ring = activeKeyring();
        const file = s.dataKey ? null : parseKeyFile(fs.readFileSync(s.dataKeyFile, 'utf8'), s.dataKeyFile);
        if (o.newKey && file) {
          addIndexKey(file);
          // The new key is on disk, beside the old one, before any index is made with it.
          writeKeyFile(s.dataKeyFile, file);
          ring = keyringOf(file);
          installKeyring(ring);
        } else if (o.newKey) {
          console.error(
            'HOTLINE_DATA_KEY is set: recomputing with its current index key (add it there: "index", "indexId", "oldIndex", "chain")',
          );
        }
        const started = Date.now();
        const counts: Record<string, number> = {};
        for (const spec of SEAL_SPECS.filter((x) => x.phoneIndex))
          counts[spec.table] = await reindexTable(db.orm, spec, ring, {
            batchSize: o.batch,
            onBatch: o.json ? undefined : (n) => process.stderr.write(`\r${spec.table}: ${n} re-indexed`),
          });
        let left = 0;
        for (const spec of SEAL_SPECS) left += await staleIndexCount(db.orm, spec, ring);
        // The old index keys go only when no index made with them is left (a server still running with the old
        // ring may have written one meanwhile: run again with --no-new-key after restarting it).
        const retired = file && left === 0 ? retireOldIndexKeys(file) : [];
        if (file && retired.length) writeKeyFile(s.dataKeyFile, file);
        const seconds = (Date.now() - started) / 1000;
        await recordAudit(db.orm, SYSTEM_ACTOR, new Date(), {
          action: 'rotate_index_key',
          entity: 'index_key',
          entityId: ring.indexId,
          after: { counts, left, retired, seconds },
        });
        const result = { indexKey: ring.indexId, counts, left, retired, seconds };
        if (o.json) console.log(JSON.stringify(result));
        else
          console.log(
            `\nindex key ${ring.indexId}; re-indexed ${Object.entries(counts)
              .map(([t, n]) => `${t} ${n}`)
              .join(
                ', ',
              )} in ${seconds.toFixed(1)} s; ${left ? `${left} left (run again with --no-new-key)` : `old index keys retired: ${retired.join(', ') || 'none'}`}`,
          );
      });
    });
}
