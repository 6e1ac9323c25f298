// npm run restore -- <file> — put a backup in place of the database (refused while a server runs).
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '../index';
import { restoreDatabase } from '@/lib/ops/backup';
import { reportCliError } from './cli-error';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });

try {
  const source = positionals[0];
  if (!source || positionals.length > 1) {
    console.error('Usage: npm run restore -- <backup file>   (stop the server first)');
    process.exitCode = 2;
  } else {
    const target = databasePath();
    const { summary, replacedBy } = restoreDatabase(source, target);
    // A backup from an older version is brought up to this version's schema.
    openDatabase(target).$client.close();
    console.log(`Restored ${source} to ${target}: ${summary.leads.toLocaleString('en')} leads.`);
    if (replacedBy) console.log(`The database it replaced is kept as ${replacedBy}.`);
  }
} catch (error) {
  reportCliError(error);
}
