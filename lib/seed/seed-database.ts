// Seeding a database with generated leads through the webhook's own ingest code, then (optionally)
// simulating reps working them. Used by `npm run seed` (db/scripts/seed.ts) and by the benchmark,
// which seeds in-process and reads the phase timings.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { refreshStatistics } from '@/lib/ops/statistics';
import { openDatabase, type Db } from '@/db';
import { rebuildDailyStats } from '@/lib/dashboard/rollup';
import { ingestLead } from '@/lib/intake/ingest';
import { DEDUPE_HASH_BYTES } from '@/lib/intake/service';
import type { SearchWorkerData, SearchWorkerMessage } from './search-worker';
import type { SeedBatch, SeedWorkerData } from './seed-worker';
import { ensureSeedReps, simulateWork } from './work';

export type SeedOptions = {
  /** The database file (created and migrated if missing). */
  file: string;
  count: number;
  seed?: number;
  days?: number;
  /** Deliveries per transaction. */
  batchSize?: number;
  /** Simulate reps working the new leads (owners, touches, status history); default true. */
  work?: boolean;
  /** Build the search index on a second thread while the main one works (default true; false builds it in place). */
  searchOnSecondThread?: boolean;
  /** Progress and phase lines; default none. */
  log?: (line: string) => void;
};

export type SeedPhase = {
  name: string;
  /** Wall-clock time. */
  seconds: number;
  /** CPU time of the whole process (both threads) meanwhile: on a shared machine, the steadier measure. */
  cpuSeconds: number;
  detail?: string;
};

export type SeedResult = {
  /** Leads the generator produced (people-and-offer pairs, test leads included). */
  leads: number;
  deliveries: number;
  /** Real (non-test) leads in the database afterwards. */
  realLeads: number;
  seconds: number;
  phases: SeedPhase[];
  /** Time the writer spent waiting for the producer thread: near zero means SQLite is the bottleneck. */
  writerWaitSeconds: number;
  /** Whether the database was empty, so the bulk mode (deferred indexes, no journal) was used. */
  bulk: boolean;
};

/**
 * Bulk-load mode for an empty database: secondary indexes that ingest never reads are dropped
 * and rebuilt once at the end (one sort instead of a million random inserts). The indexes ingest
 * reads — merge key and retry hash — stay in place, so every delivery is handled as live.
 * Triggers go too and are put back last: the search index and the dashboard rollup are filled
 * in one pass each, and the work simulation writes the nurture stamps the history trigger would.
 */
const INGEST_INDEXES = new Set(['leads_merge_key_unique', 'lead_events_dedupe_idx']);
const BULK_TABLES = ['leads', 'lead_events', 'lead_status_changes', 'lead_touches'];

type Deferred = { type: 'index' | 'trigger'; name: string; sql: string };

const elapsed = (since: number) => (performance.now() - since) / 1000;
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export async function seedDatabase(options: SeedOptions): Promise<SeedResult> {
  const data: SeedWorkerData = {
    count: options.count,
    seed: options.seed ?? 1,
    days: options.days ?? 365,
    batchSize: options.batchSize ?? 5000,
  };
  const log = options.log ?? (() => {});
  const phases: SeedPhase[] = [];
  const phase = <T>(name: string, run: () => T, detail?: (result: T) => string): T => {
    const started = performance.now();
    const cpu = cpuNow();
    const result = run();
    const entry: SeedPhase = { name, seconds: elapsed(started), cpuSeconds: cpuNow() - cpu, detail: detail?.(result) };
    phases.push(entry);
    log(`  ${name}: ${entry.seconds.toFixed(1)} s${entry.detail ? ` (${entry.detail})` : ''}`);
    return result;
  };

  const started = performance.now();
  let db = openDatabase(options.file);
  try {
    // Generated data, so this connection trades some durability for speed: a large page cache,
    // the sorter's helper thread for index builds, and fsync only at checkpoints (WAL's NORMAL
    // mode cannot corrupt the database; a power cut loses at most the last batches).
    db.$client.pragma('cache_size = -1048576');
    db.$client.pragma('threads = 2');
    db.$client.pragma('synchronous = NORMAL');

    const afterId = (db.$client.prepare('select coalesce(max(id), 0) as id from leads').get() as { id: number }).id;
    const bulk = !db.$client.prepare('select 1 from leads limit 1').get();
    const deferred = bulk ? enterBulkMode(db) : [];
    let deliveries = 0;
    let writerWaitMs = 0;
    let search: Promise<void> | null = null;
    try {
      const loading = performance.now();
      const loadingCpu = cpuNow();
      ({ deliveries, writerWaitMs } = await load(db, data, log));
      phases.push({
        name: 'load',
        seconds: elapsed(loading),
        cpuSeconds: cpuNow() - loadingCpu,
        detail: `${deliveries.toLocaleString('en')} deliveries; the writer waited ${(writerWaitMs / 1000).toFixed(1)} s for batches`,
      });
      log(`  load: ${deliveries.toLocaleString('en')} deliveries in ${elapsed(loading).toFixed(1)} s`);
      if (bulk && options.file !== ':memory:') {
        // A fresh connection for the rest: closing lets go of the lock, so the search builder can
        // read the leads, and the index builds start on an empty page cache (on the connection
        // that had done the load they took 27–58 s, against 20–34 s on a fresh one; a noisy
        // machine, so take the gap as a hint rather than a measurement).
        const reopening = performance.now();
        const reopeningCpu = cpuNow();
        const searchSql = (
          db.$client.prepare(`select sql from sqlite_master where type = 'table' and name = 'leads_search'`).get() as {
            sql: string;
          }
        ).sql;
        db.$client.close();
        if (options.searchOnSecondThread !== false) {
          search = (await startSearchBuild(options.file, searchSql)).built;
          search.catch(() => {}); // awaited (and its error reported) in leaveBulkMode
        }
        db = openDatabase(options.file, { migrate: false });
        bulkSettings(db.$client);
        phases.push({
          name: 'reconnect',
          seconds: elapsed(reopening),
          cpuSeconds: cpuNow() - reopeningCpu,
          detail: search ? "the search builder copied the leads' text, then builds on the second thread" : undefined,
        });
      }
      if (options.work !== false)
        phase(
          'work simulation',
          () => work(db, afterId, data.seed),
          (detail) => detail,
        );
    } finally {
      if (bulk) await leaveBulkMode(db, deferred, phase, search, options.file);
    }
    phase('checkpoint', () => {
      if (bulk) {
        // Back to the product's settings (WAL, shared locking, fsync at commits) on a fresh
        // connection: on the one that rebuilt the indexes and search, `journal_mode = WAL` failed
        // with SQLITE_LOCKED. Nothing is lost by closing: there is no journal to replay, every
        // page is in the file.
        db.$client.close();
        db = openDatabase(options.file);
        const mode = db.$client.pragma('journal_mode', { simple: true });
        if (mode !== 'wal')
          throw new Error(`The seeded database is not in WAL mode (journal_mode is ${String(mode)}).`);
      }
      db.$client.pragma('synchronous = FULL');
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      // The planner statistics a server gathers when it starts (lib/ops/statistics).
      refreshStatistics(db.$client);
    });
    const realLeads = (db.$client.prepare('select count(*) as n from leads where is_test = 0').get() as { n: number })
      .n;
    const seconds = elapsed(started);
    return { leads: data.count, deliveries, realLeads, seconds, phases, writerWaitSeconds: writerWaitMs / 1000, bulk };
  } finally {
    if (db.$client.open) db.$client.close();
  }
}

function bulkSettings(client: Db['$client']): void {
  client.pragma('cache_size = -1048576');
  client.pragma('threads = 2');
  client.pragma('synchronous = OFF');
  client.unsafeMode(true);
  client.pragma('locking_mode = EXCLUSIVE');
  const mode = client.pragma('journal_mode = OFF', { simple: true });
  if (mode !== 'off')
    throw new Error(`Could not turn the journal off for the bulk load (journal_mode is ${String(mode)}).`);
  client.pragma('mmap_size = 8589934592');
}

function enterBulkMode(db: Db): Deferred[] {
  const client = db.$client;
  // An empty database has nothing to lose, so until the end it is written like a scratch file:
  // no journal (every page is written once, straight into the database, instead of to the WAL
  // and again at each checkpoint), no fsync, and an exclusive lock (no shared-memory index).
  // A seed that fails part way leaves a database to delete, as it would anyway.
  // (better-sqlite3's defensive mode forbids journal_mode=OFF, hence unsafe mode until the end.)
  bulkSettings(client);
  const deferred = client
    .prepare(
      `select type, name, sql from sqlite_master
       where type in ('index', 'trigger') and tbl_name in (${BULK_TABLES.map(() => '?').join(', ')}) and sql is not null`,
    )
    .all(...BULK_TABLES) as Deferred[];
  const dropped = deferred.filter((item) => !INGEST_INDEXES.has(item.name));
  for (const item of dropped) client.exec(`drop ${item.type} "${item.name}"`);
  return dropped;
}

async function leaveBulkMode(
  db: Db,
  dropped: Deferred[],
  phase: <T>(name: string, run: () => T, detail?: (result: T) => string) => T,
  search: Promise<void> | null,
  file: string,
): Promise<void> {
  const client = db.$client;
  // Whatever happens below, the triggers and indexes come back: a database left without them
  // would silently stop keeping search and the dashboard in step.
  try {
    const indexes = dropped.filter((item) => item.type === 'index');
    phase(
      'indexes',
      () => {
        for (const index of indexes) client.exec(index.sql);
      },
      () => `${indexes.length} rebuilt`,
    );
    if (search) {
      const waiting = performance.now();
      await search;
      const waited = elapsed(waiting);
      phase(
        'search index: copy in',
        () => copySearchIndex(db, searchBuildFile(file)),
        () => `after waiting ${waited.toFixed(1)} s for the builder`,
      );
    } else {
      phase('search index', () => rebuildSearchIndex(db));
    }
    // The index now holds every lead: nothing queued before the seed is left waiting.
    client.exec('delete from lead_search_backlog');
    phase('dashboard rollup', () => rebuildDailyStats(client));
  } finally {
    for (const item of dropped) {
      client.exec(item.sql.replace(/^CREATE (UNIQUE )?(INDEX|TRIGGER) /i, 'CREATE $1$2 IF NOT EXISTS '));
    }
    if (search) fs.rmSync(searchBuildFile(file), { force: true });
  }
}

const searchBuildFile = (file: string) => `${file}.search-build`;

/**
 * Starts building the search index on a second thread (see search-worker.ts). The builder reads
 * the leads' text in one pass (no connection may hold the database meanwhile); `built` settles
 * when the index is built in the scratch file.
 */
async function startSearchBuild(file: string, createSql: string): Promise<{ built: Promise<void> }> {
  const target = searchBuildFile(file);
  fs.rmSync(target, { force: true });
  const worker = new Worker(path.join(__dirname, 'search-worker.cjs'), {
    workerData: { source: path.resolve(file), target, createSql } satisfies SearchWorkerData,
  });
  let released!: () => void;
  const read = new Promise<void>((resolve) => (released = resolve));
  const built = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: SearchWorkerMessage) => (message === 'released' ? released() : resolve()));
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`The search index builder stopped (exit code ${code}).`)));
  });
  // If the builder fails before it lets go, stop waiting for it.
  await Promise.race([read, built]);
  return { built };
}

/** Replaces the (empty) search index's shadow tables with the ones built in the scratch file. */
function copySearchIndex(db: Db, built: string): void {
  const client = db.$client;
  const shadows = (
    client
      .prepare(`select name from sqlite_master where type = 'table' and name glob 'leads_search_*' order by name`)
      .all() as { name: string }[]
  ).map((row) => row.name);
  client.prepare('attach database ? as search_build').run(built);
  try {
    client.transaction(() => {
      for (const name of shadows) {
        client.exec(`delete from main."${name}"`);
        client.exec(`insert into main."${name}" select * from search_build."${name}"`);
      }
    })();
  } finally {
    client.exec('detach database search_build');
  }
}

/**
 * Fills leads_search from leads in one pass, merging segments only once at the end. (A larger
 * FTS5 `hashsize` than the default 1 MB made this slower: 22 s at 16 MB, 31 s at 512 MB, 13 s at 1 MB.)
 */
function rebuildSearchIndex(db: Db): void {
  const client = db.$client;
  client.exec(`insert into leads_search (leads_search, rank) values ('automerge', 0)`);
  client.exec(`insert into leads_search (leads_search) values ('delete-all')`);
  client.exec(
    `insert into leads_search (rowid, name, email, company, title, description)
     select id, concat_ws(' ', first_name, last_name), email, company, title, description from leads`,
  );
  client.exec(`insert into leads_search (leads_search) values ('optimize')`);
  client.exec(`insert into leads_search (leads_search, rank) values ('automerge', 4)`);
}

/**
 * Generating and parsing run on a second thread (the machine has two cores); this thread only
 * writes, one transaction per batch, through the same ingestLead the webhook uses.
 */
function load(
  db: Db,
  data: SeedWorkerData,
  log: (line: string) => void,
): Promise<{ deliveries: number; writerWaitMs: number }> {
  // A larger young generation: the producer allocates a few short-lived objects per delivery
  // (body, parse tree, normalised lead), and with V8's default it spent ~10 % of its time in
  // scavenges.
  const worker = new Worker(path.join(__dirname, 'seed-worker.cjs'), {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: 256 },
  });
  let deliveries = 0;
  let writerWaitMs = 0;
  let lastReport = performance.now();
  let idleSince = performance.now();
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: SeedBatch | 'done') => {
      writerWaitMs += performance.now() - idleSince;
      if (message === 'done') {
        void worker.terminate();
        return resolve({ deliveries, writerWaitMs });
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
        log(`  ${deliveries.toLocaleString('en')} deliveries stored…`);
      }
      idleSince = performance.now();
    });
  });
}

/** Reps work the leads this run added (ids above `afterId`): owners, touches, status history. */
function work(db: Db, afterId: number, seed: number): string {
  const reps = ensureSeedReps(db);
  const steps: string[] = [];
  const summary = simulateWork(db, {
    afterId,
    seed,
    reps,
    onStep: (step, ms) => steps.push(`${step} ${(ms / 1000).toFixed(1)}`),
  });
  const n = (value: number) => value.toLocaleString('en');
  return (
    `${n(summary.assigned)} of ${n(summary.leads)} leads assigned to ${reps.length} reps, ` +
    `${n(summary.touched)} touched (${n(summary.touches)} touches, ${n(summary.statusChanges)} status changes, ` +
    `${n(summary.followUps)} follow-ups); ${steps.join(', ')}`
  );
}
