// npm run user -- add --email … --name … --role rep|manager|admin --password …
// npm run user -- list
// npm run user -- disable --email …   (signs them out everywhere; their leads stay assigned)
// npm run user -- enable --email …
// npm run user -- reset-password --email …   (prints a temporary password once; signs them out)
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '../index';
import { reportCliError } from './cli-error';
import { SYSTEM_ACTOR, type AuditActor } from '@/lib/audit/log';
import { createUser, disableUser, enableUser, findUserByEmail, listUsers, resetPassword } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';

const USAGE = `Usage:
  npm run user -- add --email <email> --name <name> --role rep|manager|admin --password <password>
  npm run user -- list
  npm run user -- disable --email <email>
  npm run user -- enable --email <email>
  npm run user -- reset-password --email <email>`;

const CLI_ACTOR: AuditActor = { ...SYSTEM_ACTOR, label: 'command line (npm run user)' };

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const [command] = positionals;
  const db = openDatabase(databasePath());
  switch (command) {
    case 'add': {
      const user = await createUser(
        db,
        {
          email: values.email ?? '',
          name: values.name ?? '',
          role: (values.role ?? '') as 'rep',
          password: values.password ?? '',
        },
        CLI_ACTOR,
      );
      console.log(`Added ${user.role} ${user.name} <${user.email}>.`);
      return;
    }
    case 'list': {
      const rows = listUsers(db);
      if (rows.length === 0) return console.log('No users yet. Open /setup in the app, or use "add".');
      console.table(
        rows.map((user) => ({
          email: user.email,
          name: user.name,
          role: user.role,
          status: user.disabledAt ? 'disabled' : 'active',
          'last sign-in': user.lastSignInAt?.toISOString() ?? '—',
        })),
      );
      return;
    }
    case 'disable':
    case 'enable': {
      const user = values.email ? findUserByEmail(db, values.email) : undefined;
      if (!user) throw new AppError('not_found', `No user with the email "${values.email ?? ''}".`);
      (command === 'disable' ? disableUser : enableUser)(db, CLI_ACTOR, user.id);
      console.log(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${user.email}.`);
      return;
    }
    case 'reset-password': {
      const user = values.email ? findUserByEmail(db, values.email) : undefined;
      if (!user) throw new AppError('not_found', `No user with the email "${values.email ?? ''}".`);
      const { temporaryPassword } = await resetPassword(db, CLI_ACTOR, user.id);
      console.log(`Reset the password of ${user.email}; they were signed out everywhere.`);
      console.log(`Temporary password (shown once): ${temporaryPassword}`);
      console.log('At their next sign-in they must choose a new password.');
      return;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main().catch(reportCliError);
