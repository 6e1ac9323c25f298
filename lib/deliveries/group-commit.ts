// Group commit for the webhook: deliveries that arrive together are written in one transaction,
// and each is acknowledged only after that transaction's COMMIT (and with synchronous=FULL, its
// fsync) has returned. A commit costs about as much as the rest of a delivery's work, so under
// concurrent senders this multiplies what one SQLite writer can take without weakening the
// guarantee: nothing is acknowledged before it is on disk.
//
// Each job runs inside its own SAVEPOINT: a job that throws is rolled back alone and its caller
// gets the error; the others commit. If BEGIN or COMMIT itself fails, every job of the batch is
// rejected and nothing of it is stored.
import type Database from 'better-sqlite3';

type Job = { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class GroupCommitter {
  private queue: Job[] = [];
  private scheduled = false;
  /** Batches committed so far and the jobs in them (for tests and the benchmark). */
  readonly stats = { batches: 0, jobs: 0 };

  constructor(private readonly client: Database.Database) {}

  /** Runs `run` in the next batch's transaction; resolves with its result once committed. */
  submit<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks of this turn: every delivery whose body finished arriving in the
        // meantime joins the same batch.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const client = this.client;
    try {
      client.exec('BEGIN IMMEDIATE');
      for (const job of jobs) {
        client.exec('SAVEPOINT delivery');
        try {
          const value = job.run();
          client.exec('RELEASE delivery');
          outcomes.push({ ok: true, value });
        } catch (error) {
          client.exec('ROLLBACK TO delivery');
          client.exec('RELEASE delivery');
          outcomes.push({ ok: false, error });
        }
      }
      client.exec('COMMIT');
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      for (const job of jobs) job.reject(error);
      return;
    }
    this.stats.batches += 1;
    this.stats.jobs += jobs.length;
    if (process.env.GC_DEBUG && this.stats.batches % 200 === 0) console.error('GC', this.stats.jobs / this.stats.batches);
    jobs.forEach((job, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}

const committers = new WeakMap<Database.Database, GroupCommitter>();

/** The one committer of a connection (one writer per process and database). */
export function committerFor(client: Database.Database): GroupCommitter {
  let committer = committers.get(client);
  if (!committer) {
    committer = new GroupCommitter(client);
    committers.set(client, committer);
  }
  return committer;
}
