import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

/**
 * `hotline open311 client add --name N [--json]` registers a system that may submit requests through Open311
 * GeoReport v2 and prints its api key, shown this once; `client list` and `client revoke ID` manage them.
 */
export function registerOpen311Commands(program: Command, settings: () => Settings): void {
  const open311 = program.command('open311').description('the Open311 GeoReport v2 interface (开放接口)');
  const client = open311.command('client').description('systems allowed to submit requests');
  client
    .command('add')
    .description('register a client and print its api key (shown once)')
    .requiredOption('--name <name>', 'who the client is, e.g. 市民随手拍 App')
    .option('--json', 'print {id, name, keyPrefix, apiKey, createdAt} as JSON')
    .action(async (o: { name: string; json?: boolean }) => {
      const name = o.name.trim();
      if (!name || name.length > 100 || name.includes('\u0000'))
        throw new CliError('--name must be 1–100 characters');
      const { addClient } = await import('../modules/open311/index.ts');
      const c = await withDatabase(settings(), 'open311 client add', (db) =>
        addClient(db.orm, null, name, new Date()),
      );
      if (o.json) console.log(JSON.stringify(c));
      else
        console.log(
          `client ${c.id} ${c.name}\napiKey: ${c.apiKey}\n(the key is shown only now; keep it safe)`,
        );
    });
  client
    .command('list')
    .description('registered clients (never their keys)')
    .option('--json', 'print the list as JSON')
    .action(async (o: { json?: boolean }) => {
      const { listClients } = await import('../modules/open311/index.ts');
      const items = await withDatabase(settings(), 'open311 client list', (db) => listClients(db.orm));
      if (o.json) console.log(JSON.stringify({ items }));
      else
        for (const c of items)
          console.log(
            `${c.id}\t${c.name}\t${c.keyPrefix}…\t${c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : 'active'}`,
          );
    });
  client
    .command('revoke <id>')
    .description('refuse the client’s key from now on')
    .option('--json', 'print the client as JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const n = Number(id);
      if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) throw new CliError(`not a client id: ${id}`);
      const { revokeClient } = await import('../modules/open311/index.ts');
      const { SYSTEM_ACTOR } = await import('../platform/actor.ts');
      const c = await withDatabase(settings(), 'open311 client revoke', (db) =>
        revokeClient(db.orm, SYSTEM_ACTOR, n, new Date()),
      );
      console.log(o.json ? JSON.stringify(c) : `client ${c.id} ${c.name} revoked`);
    });
}
