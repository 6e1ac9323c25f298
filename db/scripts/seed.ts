// npm run seed -- --count N [--seed S] [--days D] [--batch B] [--no-work] — write realistic leads
// through the ingest code, then simulate reps working them (owners, touches, status history).
// The work is lib/seed/seed-database.ts; this prints its phases.
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '../index';
import { firstSignInHint } from '@/lib/auth/users';
import { seedDatabase } from '@/lib/seed/seed-database';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    days: { type: 'string', default: '365' },
    batch: { type: 'string', default: '5000' },
    /** `--no-work` loads the leads only: no owners, touches or status history. */
    work: { type: 'boolean', default: true },
  },
  allowNegative: true,
});

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number (got "${raw}").`);
    process.exit(2);
  }
  return value;
}

const count = positive('count', values.count);
const file = databasePath();

seedDatabase({
  file,
  count,
  seed: positive('seed', values.seed),
  days: positive('days', values.days),
  batchSize: positive('batch', values.batch),
  work: values.work,
  log: (line) => console.log(line),
})
  .then((result) => {
    const n = (value: number) => value.toLocaleString('en');
    const width = Math.max(...result.phases.map((phase) => phase.name.length));
    console.log(
      `Seeded ${n(result.leads)} leads (${n(result.deliveries)} deliveries) into ${file} in ${result.seconds.toFixed(1)} s` +
        ` — ${n(Math.round(result.leads / result.seconds))} leads/s. The database now holds ${n(result.realLeads)} real leads.`,
    );
    for (const phase of result.phases) {
      console.log(
        `  ${phase.name.padEnd(width)}  ${phase.seconds.toFixed(1).padStart(6)} s  (cpu ${phase.cpuSeconds.toFixed(1).padStart(5)} s)` +
          (phase.detail ? `  ${phase.detail}` : ''),
      );
    }
    const accounted = result.phases.reduce((sum, phase) => sum + phase.seconds, 0);
    console.log(
      `  ${'other'.padEnd(width)}  ${(result.seconds - accounted).toFixed(1).padStart(6)} s  (open, migrate)`,
    );
    console.log(`  ${'total'.padEnd(width)}  ${result.seconds.toFixed(1).padStart(6)} s`);
    // Seeded reps cannot sign in: say how someone gets in.
    const db = openDatabase(file);
    try {
      console.log(`\n${firstSignInHint(db, { ADMIN_EMAIL: process.env.ADMIN_EMAIL })}`);
    } finally {
      db.$client.close();
    }
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
