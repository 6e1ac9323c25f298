// Group commit for the webhook: deliveries that arrive together are written in one transaction,
// and each is acknowledged only after that transaction is durable on disk.
//
// Durability without blocking: with synchronous=FULL, SQLite fsyncs the WAL inside COMMIT, and
// better-sqlite3 runs on the main thread, so every commit would stall the whole server for the
// disk's fsync (about 3 ms here, longer than the rest of a delivery's work). Instead the batch
// commits with synchronous=NORMAL (in WAL mode that writes the WAL frames but does not sync them)
// and the WAL file is then fdatasync'ed on libuv's thread pool; only when that returns are the
// batch's deliveries acknowledged. That is exactly what FULL does ("the WAL file is synchronized
// after each transaction commit"), moved off the event loop: an acknowledged delivery survives a
// power loss. Every other write of the app keeps the connection's synchronous=FULL.
//
// A dedicated connection (the delivery writer's own thread, lib/deliveries/writer-worker.ts) syncs
// the WAL in its thread instead: that thread has nothing else to do meanwhile, and handing the sync
// to the pool costs more than the sync. Measured here per sync: ~50 µs of CPU and ~220 µs in all
// in the thread, against ~30 µs just to hand it over and ~130 µs of CPU in all (the pool's thread
// is woken for it, and the writer's loop again for its end).
//
// Under sustained traffic a batch may also wait a moment for company (`commitDelay`, as
// PostgreSQL's commit_delay): each commit writes the last page of every index a delivery touches
// and costs an fsync, whether it holds one delivery or five, so fewer, larger commits leave more
// of the machine to the server's thread. A delivery that arrives alone is never held back.
//
// A job that throws is rolled back alone and its caller gets the error; the others commit (the
// batch is run again with a SAVEPOINT around each job). If BEGIN, COMMIT or the sync fails, every job of the batch
// is rejected (so nothing is acknowledged that may not be on disk).
import fs from 'node:fs';
import type Database from 'better-sqlite3';

type Job = { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** How long a batch may wait for company, and for how much (see GroupCommitter's `commitDelay`). */
export type CommitDelay = { ms: number; batch: number };

export class GroupCommitter {
  private queue: Job[] = [];
  private scheduled = false;
  /** A batch's WAL sync is running: the next batch waits for it, and grows meanwhile. */
  private syncing = false;
  private walFd: number | null = null;
  /** When the latest job arrived (performance.now()). */
  private lastArrival = -Infinity;
  /** When the queue's first job arrived, and whether it came within the commit delay of the job before. */
  private firstArrival = { at: 0, busy: false };
  /** The timer of a batch waiting for company. */
  private delayTimer: NodeJS.Timeout | null = null;
  private readonly statements: Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit', Database.Statement>;
  /**
   * Whether the committer syncs the WAL itself after each batch (a file database in WAL mode):
   * on libuv's pool, or in its own thread when the connection is dedicated.
   */
  readonly syncsWal: boolean;
  /** Batches committed so far and the jobs in them (for tests and the benchmark). */
  readonly stats = { batches: 0, jobs: 0 };

  constructor(
    private readonly client: Database.Database,
    private readonly options: {
      /**
       * Runs after each batch commits, in a transaction of its own that the batch's sync covers
       * (upkeep that is cheaper done for many rows at once, such as the search index). If it
       * throws, it is rolled back and the error goes to `onMaintenanceError`; the batch stands.
       * (Not a savepoint in the batch's transaction: SQLite copies every page a savepoint changes.)
       */
      maintenance?: () => void;
      onMaintenanceError?: (error: unknown) => void;
      /**
       * The connection is this committer's alone (the delivery writer's thread): it is left at
       * synchronous=NORMAL instead of being switched for each batch, and the WAL is synced in
       * this thread.
       */
      dedicated?: boolean;
      /**
       * Under sustained traffic (the batch's first job arrived within `ms` of the job before it),
       * a batch of fewer than `batch` jobs waits for more, until `ms` after its first job arrived.
       * A job that arrives after a quiet spell is committed at once.
       */
      commitDelay?: CommitDelay;
    } = {},
  ) {
    this.statements = {
      begin: client.prepare('BEGIN IMMEDIATE'),
      savepoint: client.prepare('SAVEPOINT delivery'),
      release: client.prepare('RELEASE delivery'),
      rollbackTo: client.prepare('ROLLBACK TO delivery'),
      commit: client.prepare('COMMIT'),
    };
    this.syncsWal = !client.memory && String(client.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
    if (this.syncsWal && options.dedicated) client.pragma('synchronous = NORMAL');
  }

  /** Runs `run` in the next batch's transaction; resolves with its result once durable. */
  submit<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const arrival = performance.now();
      if (this.queue.length === 0) {
        this.firstArrival = { at: arrival, busy: arrival - this.lastArrival < (this.options.commitDelay?.ms ?? 0) };
      }
      this.lastArrival = arrival;
      this.queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Flushes after the I/O callbacks of this turn (every delivery whose body finished arriving in
   * the meantime joins the batch), but never while a batch is syncing: under load, deliveries
   * gather during one sync and commit together in the next, so commits (and the WAL pages each
   * one writes) grow fewer as traffic grows.
   */
  private schedule(): void {
    if (this.scheduled || this.syncing || this.queue.length === 0) return;
    const wait = this.companyWait();
    if (wait > 0) {
      this.delayTimer ??= setTimeout(() => {
        this.delayTimer = null;
        this.schedule();
      }, wait);
      return;
    }
    if (this.delayTimer) {
      clearTimeout(this.delayTimer);
      this.delayTimer = null;
    }
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** How much longer (ms) the queued batch waits for company; 0 to commit now. */
  private companyWait(): number {
    const delay = this.options.commitDelay;
    if (!delay || !this.firstArrival.busy || this.queue.length >= delay.batch) return 0;
    const left = this.firstArrival.at + delay.ms - performance.now();
    // Timers run in whole milliseconds: a fraction left is not worth another turn of the loop.
    return left >= 0.5 ? left : 0;
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commit(jobs);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    this.stats.batches += 1;
    this.stats.jobs += jobs.length;
    const settle = (syncError: unknown) =>
      jobs.forEach((job, index) => {
        const outcome = outcomes[index]!;
        if (syncError) job.reject(syncError);
        else if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      });
    if (!this.syncsWal || this.options.dedicated) {
      settle(this.syncsWal ? this.syncHere() : null);
      return this.schedule();
    }
    let fd: number;
    try {
      fd = this.wal();
    } catch (error) {
      settle(error);
      return this.schedule();
    }
    this.syncing = true;
    fs.fdatasync(fd, (error) => {
      this.syncing = false;
      settle(error);
      this.schedule();
    });
  }

  /** One transaction for the batch; when the committer syncs the WAL itself, committed without the fsync. */
  private commit(jobs: Job[]): Outcome[] {
    const { client } = this;
    const switches = this.syncsWal && !this.options.dedicated;
    const previous = switches ? client.pragma('synchronous', { simple: true }) : null;
    if (switches) client.pragma('synchronous = NORMAL');
    try {
      // Jobs almost never fail, and a savepoint per job costs as much as the commit (SQLite keeps
      // a copy of every page a savepoint changes): run them plainly, and only when one throws,
      // roll the batch back and run it again with a savepoint around each job.
      const outcomes = this.transaction(jobs, false) ?? this.transaction(jobs, true)!;
      if (this.options.maintenance) this.maintain(this.options.maintenance);
      return outcomes;
    } finally {
      if (previous !== null) client.pragma(`synchronous = ${Number(previous)}`);
    }
  }

  /** Runs the jobs in one transaction; without savepoints, gives up (null) at the first failure. */
  private transaction(jobs: Job[], savepoints: boolean): Outcome[] | null {
    const { client, statements } = this;
    const outcomes: Outcome[] = [];
    try {
      statements.begin.run();
      for (const job of jobs) {
        if (savepoints) statements.savepoint.run();
        try {
          const value = job.run();
          if (savepoints) statements.release.run();
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (!savepoints) {
            client.exec('ROLLBACK');
            return null;
          }
          statements.rollbackTo.run();
          statements.release.run();
          outcomes.push({ ok: false, error });
        }
      }
      statements.commit.run();
      return outcomes;
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    }
  }

  /** Runs the maintenance step in a transaction of its own: its failure never costs the batch. */
  private maintain(maintenance: () => void): void {
    const { client, statements } = this;
    try {
      statements.begin.run();
      maintenance();
      statements.commit.run();
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      this.options.onMaintenanceError?.(error);
    }
  }

  /** Syncs the WAL in this thread (a dedicated connection); returns the error, if any. */
  private syncHere(): unknown {
    try {
      fs.fdatasyncSync(this.wal());
      return null;
    } catch (error) {
      return error;
    }
  }

  /**
   * The WAL file, opened once. The server's connection stays open, so SQLite never deletes the
   * file under it; if it was replaced all the same (another inode), it is opened again.
   */
  private wal(): number {
    const file = `${this.client.name}-wal`;
    if (this.walFd !== null && fs.fstatSync(this.walFd).ino !== fs.statSync(file).ino) {
      fs.closeSync(this.walFd);
      this.walFd = null;
    }
    this.walFd ??= fs.openSync(file, 'r');
    return this.walFd;
  }
}
