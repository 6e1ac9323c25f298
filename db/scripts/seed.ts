// npm run seed -- --count N [--seed S] [--days D] [--no-work] — write realistic leads through the
// ingest code, then simulate reps working them (owners, touches, status history).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { count, eq } from 'drizzle-orm';
import { databasePath, openDatabase } from '../index';
import { leads } from '../schema';
import { rebuildDailyStats } from '@/lib/dashboard/rollup';
import { ingestLead } from '@/lib/intake/ingest';
import { DEDUPE_HASH_BYTES } from '@/lib/intake/service';
import { ensureSeedReps, simulateWork } from '@/lib/seed/work';
import type { SeedBatch, SeedWorkerData } from './seed-worker';

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

const data: SeedWorkerData = {
  count: positive('count', values.count),
  seed: positive('seed', values.seed),
  days: positive('days', values.days),
  batchSize: positive('batch', values.batch),
};
const file = databasePath();
const db = openDatabase(file);
// Generated data, so this connection trades some durability for speed: a large page cache, the
// sorter's helper thread for index builds, and fsync only at checkpoints (WAL's NORMAL mode
// cannot corrupt the database; a power cut loses at most the last batches).
db.$client.pragma('cache_size = -1048576');
db.$client.pragma('threads = 2');
db.$client.pragma('synchronous = NORMAL');

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Bulk-load mode for an empty database: secondary indexes that ingest never reads are dropped
 * and rebuilt once at the end (one sort instead of a million random inserts). The indexes ingest
 * reads — merge key and retry hash — stay in place, so every delivery is handled as live.
 * Triggers go too and are put back last: the search index and the dashboard rollup are filled
 * in one pass each, and the work simulation writes the nurture stamps the history trigger would.
 */
const INGEST_INDEXES = new Set(['leads_merge_key_unique', 'lead_events_dedupe_idx']);
const BULK_TABLES = ['leads', 'lead_events', 'lead_status_changes', 'lead_touches'];
function deferSecondaryIndexes(): (() => void) | null {
  const empty = !db.$client.prepare('select 1 from leads limit 1').get();
  if (!empty) return null;
  // An empty database has nothing to lose: no fsync until the final checkpoint.
  db.$client.pragma('synchronous = OFF');
  const deferred = db.$client
    .prepare(
      `select type, name, sql from sqlite_master
       where type in ('index', 'trigger') and tbl_name in (${BULK_TABLES.map(() => '?').join(', ')}) and sql is not null`,
    )
    .all(...BULK_TABLES) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  const dropped = deferred.filter((item) => !INGEST_INDEXES.has(item.name));
  for (const item of dropped) db.$client.exec(`drop ${item.type} "${item.name}"`);
  return () => {
    // Whatever happens below, the triggers and indexes come back: a database left without them
    // would silently stop keeping search and the dashboard in step.
    try {
      const rebuild = performance.now();
      const indexes = dropped.filter((item) => item.type === 'index');
      for (const index of indexes) db.$client.exec(index.sql);
      console.log(`  indexes: rebuilt ${indexes.length} in ${seconds(rebuild)} s`);
      const search = performance.now();
      rebuildSearchIndex();
      console.log(`  search index: built in ${seconds(search)} s`);
      const rollup = performance.now();
      rebuildDailyStats(db.$client);
      console.log(`  dashboard rollup: rebuilt in ${seconds(rollup)} s`);
    } finally {
      for (const item of dropped) db.$client.exec(item.sql.replace(/^CREATE (UNIQUE )?(INDEX|TRIGGER) /i, 'CREATE $1$2 IF NOT EXISTS '));
    }
  };
}

/** Fills leads_search from leads in one pass, merging segments only once at the end. */
function rebuildSearchIndex(): void {
  const client = db.$client;
  client.exec(`insert into leads_search (leads_search, rank) values ('automerge', 0)`);
  client.exec(`insert into leads_search (leads_search) values ('delete-all')`);
  client.exec(
    `insert into leads_search (rowid, name, email, company, title, description)
     select id, concat_ws(' ', first_name, last_name), email, company, title, description from leads`,
  );
  client.exec(`insert into leads_search (leads_search, rank) values ('automerge', 4)`);
}

let deliveries = 0;
/** Time the writer spent waiting for the producer: near zero means SQLite is the bottleneck. */
let writerWaitMs = 0;

/**
 * Generating and parsing run on a second thread (the machine has two cores); this thread only
 * writes, one transaction per batch, through the same ingestLead the webhook uses.
 */
function load(): Promise<void> {
  const worker = new Worker(path.join(__dirname, 'seed-worker.cjs'), { workerData: data });
  let lastReport = performance.now();
  let idleSince = performance.now();
  return new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: SeedBatch | 'done') => {
      writerWaitMs += performance.now() - idleSince;
      if (message === 'done') {
        void worker.terminate();
        return resolve();
      }
      worker.postMessage('more');
      try {
        db.transaction(
          () => {
            const { bodies, bodyEnds, hashes, receivedAt } = message;
            message.leads.forEach((lead, index) => {
              const start = index === 0 ? 0 : bodyEnds[index - 1]!;
              const hashStart = hashes.byteOffset + index * DEDUPE_HASH_BYTES;
              ingestLead(
                db,
                { lead, dedupeHash: Buffer.from(hashes.buffer, hashStart, DEDUPE_HASH_BYTES) },
                {
                  rawBody: Buffer.from(bodies.buffer, bodies.byteOffset + start, bodyEnds[index]! - start),
                  contentType: 'application/json',
                  receivedAt: new Date(receivedAt[index]!),
                  intakeKeyId: null,
                },
              );
            });
          },
          { behavior: 'immediate' },
        );
      } catch (error) {
        void worker.terminate();
        return reject(error);
      }
      deliveries += message.leads.length;
      const now = performance.now();
      if (now - lastReport > 5000) {
        lastReport = now;
        console.log(`  ${deliveries.toLocaleString('en')} deliveries stored…`);
      }
      idleSince = performance.now();
    });
  });
}

/** Reps work the leads this run added (ids above `afterId`): owners, touches, status history. */
function work(afterId: number): void {
  const started = performance.now();
  const reps = ensureSeedReps(db);
  const steps: string[] = [];
  const summary = simulateWork(db, {
    afterId,
    seed: data.seed,
    reps,
    onStep: (step, ms) => steps.push(`${step} ${(ms / 1000).toFixed(1)}`),
  });
  const n = (value: number) => value.toLocaleString('en');
  console.log(
    `  work simulation: ${n(summary.assigned)} of ${n(summary.leads)} leads assigned to ${reps.length} reps, ` +
      `${n(summary.touched)} touched (${n(summary.touches)} touches, ${n(summary.statusChanges)} status changes, ` +
      `${n(summary.followUps)} follow-ups) in ${seconds(started)} s (${steps.join(', ')})`,
  );
}

async function main() {
  const started = performance.now();
  const afterId = (db.$client.prepare('select coalesce(max(id), 0) as id from leads').get() as { id: number }).id;
  const restoreBulk = deferSecondaryIndexes();
  try {
    const loading = performance.now();
    await load();
    console.log(`  load: ${deliveries.toLocaleString('en')} deliveries in ${seconds(loading)} s`);
    if (values.work) work(afterId);
  } finally {
    restoreBulk?.();
  }
  db.$client.pragma('synchronous = FULL');
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.pragma('optimize');
  const total = (performance.now() - started) / 1000;
  const realLeads = db.select({ n: count() }).from(leads).where(eq(leads.isTest, false)).get()?.n ?? 0;
  db.$client.close();
  console.log(
    `Seeded ${data.count.toLocaleString('en')} leads (${deliveries.toLocaleString('en')} deliveries) into ${file} ` +
      `in ${total.toFixed(1)} s — ${Math.round(data.count / total).toLocaleString('en')} leads/s. ` +
      `The database now holds ${realLeads.toLocaleString('en')} real leads.\n` +
      `  (the writer waited ${(writerWaitMs / 1000).toFixed(1)} s for generated batches)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
