import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { CreateUserInput, createUser, getDepartmentByCode, presentUser } from '../modules/directory/index.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

export function registerUserCommands(program: Command, settings: () => Settings): void {
  const user = program.command('user').description('staff accounts');
  user
    .command('add')
    .description('create a user (this is how the first admin is made)')
    .requiredOption('--username <name>')
    .requiredOption('--password <password>', 'at least 8 characters with a letter and a digit')
    .requiredOption('--role <role>', 'agent | team_lead | office | department | admin')
    .option('--department <code>', 'the department code, for role "department"')
    .option('--display-name <name>')
    .action(
      async (o: {
        username: string;
        password: string;
        role: string;
        department?: string;
        displayName?: string;
      }) => {
        await withDatabase(settings(), 'user add', async (db) => {
          const department = o.department ? await getDepartmentByCode(db.orm, o.department) : null;
          if (o.department && !department) throw new CliError(`no department with code ${o.department}`);
          const parsed = CreateUserInput.safeParse({
            username: o.username,
            password: o.password,
            role: o.role,
            displayName: o.displayName,
            departmentId: department?.id ?? null,
          });
          if (!parsed.success) {
            throw new CliError(
              parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
            );
          }
          const row = await db.orm.transaction((tx) => createUser(tx, SYSTEM_ACTOR, parsed.data, new Date()));
          console.log(JSON.stringify(presentUser(row)));
        });
      },
    );
}
