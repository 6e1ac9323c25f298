// npm run api-key -- create --label … --role reader|manager   (prints the key once)
// npm run api-key -- list
// npm run api-key -- revoke --id N
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '../index';
import { reportCliError } from './cli-error';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/api-keys/service';
import { SYSTEM_ACTOR, type AuditActor } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';

const USAGE = `Usage:
  npm run api-key -- create --label <label> --role reader|manager
  npm run api-key -- list
  npm run api-key -- revoke --id <id>`;

const CLI_ACTOR: AuditActor = { ...SYSTEM_ACTOR, label: 'command line (npm run api-key)' };

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { label: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } },
  });
  const db = openDatabase(databasePath());
  switch (positionals[0]) {
    case 'create': {
      const created = createApiKey(db, CLI_ACTOR, { label: values.label ?? '', role: values.role ?? '' });
      console.log(`Created ${created.role} key "${created.label}" (id ${created.id}). It is shown once; store it now:`);
      console.log(created.key);
      return;
    }
    case 'list': {
      console.table(
        listApiKeys(db).map((key) => ({
          id: key.id,
          label: key.label,
          role: key.role,
          prefix: key.keyPrefix,
          'last used': key.lastUsedAt?.toISOString() ?? '—',
          revoked: key.revokedAt?.toISOString() ?? '',
        })),
      );
      return;
    }
    case 'revoke': {
      const id = Number(values.id);
      if (!Number.isSafeInteger(id) || id < 1)
        throw new AppError('invalid_input', '--id must be a key id (see "list").');
      revokeApiKey(db, CLI_ACTOR, id);
      console.log(`Revoked API key ${id}.`);
      return;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

try {
  main();
} catch (error) {
  reportCliError(error);
}
