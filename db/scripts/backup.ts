// npm run backup -- <file> [--force] — a consistent copy of the database, taken while the app serves.
import { parseArgs } from 'node:util';
import { databasePath } from '../index';
import { backupDatabase } from '@/lib/ops/backup';
import { reportCliError } from './cli-error';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
});

async function main() {
  const target = positionals[0];
  if (!target || positionals.length > 1) {
    console.error('Usage: npm run backup -- <file> [--force]   (one file to write the copy to)');
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const summary = await backupDatabase(databasePath(), target, { overwrite: values.force });
  console.log(
    `Backed up ${databasePath()} to ${target}: ${summary.leads.toLocaleString('en')} leads, ` +
      `${(summary.bytes / 1e6).toFixed(1)} MB, schema at migration ${summary.migrations}, checked, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}

main().catch(reportCliError);
