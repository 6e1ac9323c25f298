// The delivery writer's thread (see lib/deliveries/writer.ts): its own connection to the database,
// takeDelivery (and the request's log line) for each delivery the server posts, and one message
// back per group commit.
// Bundled by `npm run build` into .next/writer-worker.cjs.
//
// Beside it runs the writer's checkpointer. SQLite folds the WAL back into the
// database file (a checkpoint) inside whichever commit crosses 1,000 pages; at a million leads
// that checkpoint waited about 135 µs per lead for the database file's fsync, three quarters of
// the writer's commit time, and held up every delivery of that batch. So a second thread
// checkpoints beside the writer (PASSIVE: it never blocks the writer or a reader), and the writer
// only finishes the job once the WAL passes 16 MB. Should that thread stop, the writer
// checkpoints as SQLite would.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { openDatabase } from '@/db';
import { reportUnknownError } from '@/lib/errors';
import { deliveryCommitter } from './service';
import { receiveDelivery, sendError, sendTaken, takeAndLog, type FromWriter, type ToWriter } from './writer';

const { databasePath } = workerData as { databasePath: string };
// The server has already migrated the database; this connection only takes deliveries.
const db = openDatabase(databasePath, { migrate: false });

/** How often the checkpointer copies WAL pages back (about 90 leads' worth each time at full load). */
export const CHECKPOINT_INTERVAL_MS = 100;
/**
 * The writer still checkpoints past this many WAL pages (16 MB): a checkpoint that runs beside
 * writes never catches up with the last of them, and only a complete one lets the WAL start over.
 * By then the checkpointer has copied all but the last ~100 ms, so the writer's share is small.
 */
const WRITER_AUTOCHECKPOINT_PAGES = 4000;
/** SQLite's own threshold, restored if the checkpointer stops. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/**
 * The writer's page cache (KiB): the index ends new leads append to and the paths to the rest.
 * Smaller than the server's 64 MiB, which keeps the process within the export's memory budget.
 */
const WRITER_CACHE_KIB = 16 * 1024;
/**
 * Under steady traffic a commit waits up to 2 ms for four deliveries (lib/deliveries/group-commit).
 * At ~900 deliveries/s from 10 senders, the writer's CPU per delivery fell from ~500 to ~420 µs
 * (each commit writes ~38 WAL pages, however few deliveries it holds), and the server's thread,
 * which shares the two cores with this one, was preempted about a third as often. A delivery
 * after a quiet spell never waits; one under load waits at most 2 ms more.
 */
const COMMIT_DELAY = { ms: 2, batch: 4 };
/** After a burst, the WAL file is cut back to this size when it restarts. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The checkpointer: a connection and a timer, nothing of the app (a worker of its own running the
 * writer's bundle held ~20 MB for nothing). A checkpoint copies frames through a buffer of its own,
 * so its page cache stays tiny; FULL, as every connection of the app: the database file is synced.
 */
const CHECKPOINTER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.databasePath);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
db.pragma('cache_size = -512');
setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
`;

const port = parentPort!;
db.$client.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
deliveryCommitter(db.$client, { dedicated: true, commitDelay: COMMIT_DELAY });
db.$client.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
db.$client.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
const checkpointer = new Worker(CHECKPOINTER_SOURCE, {
  eval: true,
  workerData: { databasePath, intervalMs: CHECKPOINT_INTERVAL_MS },
});
checkpointer.on('error', reportUnknownError);
checkpointer.on('exit', () => db.$client.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`));

let answers: FromWriter['answers'] = [];
let scheduled = false;

/** A group commit settles its deliveries together: their answers leave in one message. */
const answer = (entry: FromWriter['answers'][number]) => {
  answers.push(entry);
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    const message: FromWriter = { answers };
    answers = [];
    port.postMessage(message);
  });
};

port.on('message', ({ id, delivery }: ToWriter) => {
  takeAndLog(db, receiveDelivery(delivery)).then(
    (taken) => answer({ id, ok: true, taken: sendTaken(taken) }),
    (error: unknown) => answer({ id, ok: false, error: sendError(error) }),
  );
});
