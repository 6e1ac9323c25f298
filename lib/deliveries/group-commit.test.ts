import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDb } from '@/lib/testing/temp-db';
import { GroupCommitter } from './group-commit';

let temp: ReturnType<typeof createTempDb>;
beforeEach(() => {
  temp = createTempDb();
  temp.db.$client.exec('create table t (v integer unique)');
});
afterEach(() => {
  vi.restoreAllMocks();
  temp.cleanup();
});

const rows = () => temp.db.$client.prepare('select v from t order by v').pluck().all();

describe('GroupCommitter', () => {
  it('commits what arrives together in one transaction and settles each after the commit', async () => {
    const committer = new GroupCommitter(temp.db.$client);
    const insert = temp.db.$client.prepare('insert into t (v) values (?)');
    const results = await Promise.all([1, 2, 3].map((v) => committer.submit(() => insert.run(v).changes)));
    expect(results).toEqual([1, 1, 1]);
    expect(committer.stats).toEqual({ batches: 1, jobs: 3 });
    expect(rows()).toEqual([1, 2, 3]);
    await committer.submit(() => insert.run(4));
    expect(committer.stats.batches).toBe(2);
  });

  it('syncs the WAL off the event loop and leaves the connection at synchronous=FULL', async () => {
    const committer = new GroupCommitter(temp.db.$client);
    expect(committer.syncsWal).toBe(true);
    const insert = temp.db.$client.prepare('insert into t (v) values (?)');
    let settled = false;
    const done = committer.submit(() => insert.run(1)).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    // Committed (visible) but not yet acknowledged: the fdatasync is still running.
    expect(rows()).toEqual([1]);
    expect(settled).toBe(false);
    await done;
    expect(settled).toBe(true);
    expect(temp.db.$client.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('on a dedicated connection, stays at synchronous=NORMAL and syncs the WAL in its own thread before acknowledging', async () => {
    const committer = new GroupCommitter(temp.db.$client, { dedicated: true });
    expect(temp.db.$client.pragma('synchronous', { simple: true })).toBe(1);
    const insert = temp.db.$client.prepare('insert into t (v) values (?)');
    const inThread = vi.spyOn(fs, 'fdatasyncSync');
    const onPool = vi.spyOn(fs, 'fdatasync');
    const done = committer.submit(() => {
      expect(inThread).not.toHaveBeenCalled();
      return insert.run(1);
    });
    await done;
    expect(inThread).toHaveBeenCalledTimes(1);
    expect(onPool).not.toHaveBeenCalled();
    // A failed sync fails the batch: nothing is acknowledged that may not be on disk.
    inThread.mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    });
    await expect(committer.submit(() => insert.run(2))).rejects.toThrow('EIO');
    await expect(committer.submit(() => insert.run(3))).resolves.toBeDefined();
  });

  it('rolls back a failing job alone; the others commit', async () => {
    const committer = new GroupCommitter(temp.db.$client);
    const insert = temp.db.$client.prepare('insert into t (v) values (?)');
    const settled = await Promise.allSettled([
      committer.submit(() => insert.run(1)),
      committer.submit(() => {
        insert.run(2);
        insert.run(1); // unique violation: this job's row 2 goes too
      }),
      committer.submit(() => insert.run(3)),
    ]);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows()).toEqual([1, 3]);
    expect(temp.db.$client.inTransaction).toBe(false);
  });

  it('rejects every job of a batch whose transaction cannot start, and stores nothing', async () => {
    const other = new (temp.db.$client.constructor as typeof import('better-sqlite3'))(temp.file, { timeout: 0 });
    other.exec('begin immediate');
    temp.db.$client.pragma('busy_timeout = 0');
    const committer = new GroupCommitter(temp.db.$client);
    const insert = temp.db.$client.prepare('insert into t (v) values (?)');
    const settled = await Promise.allSettled([
      committer.submit(() => insert.run(1)),
      committer.submit(() => insert.run(2)),
    ]);
    expect(settled.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    other.exec('rollback');
    other.close();
    expect(rows()).toEqual([]);
  });

  it('runs its maintenance in each batch; a failing maintenance is rolled back alone and reported', async () => {
    temp.db.$client.exec('create table upkeep (n integer)');
    const errors: unknown[] = [];
    let fail = false;
    const committer = new GroupCommitter(temp.db.$client, {
      maintenance: () => {
        temp.db.$client.exec('insert into upkeep (n) values (1)');
        if (fail) throw new Error('upkeep failed');
      },
      onMaintenanceError: (error) => errors.push(error),
    });
    const insert = temp.db.$client.prepare('insert into t (v) values (?)');
    await Promise.all([committer.submit(() => insert.run(1)), committer.submit(() => insert.run(2))]);
    fail = true;
    await expect(committer.submit(() => insert.run(3))).resolves.toBeDefined();
    expect(rows()).toEqual([1, 2, 3]);
    // One upkeep row for the first batch; the second batch's was rolled back with its failure.
    expect(temp.db.$client.prepare('select count(*) from upkeep').pluck().get()).toBe(1);
    expect(errors).toEqual([new Error('upkeep failed')]);
    expect(temp.db.$client.inTransaction).toBe(false);
  });

  describe('with a commit delay', () => {
    const delay = { ms: 200, batch: 3 };
    const insert = () => temp.db.$client.prepare('insert into t (v) values (?)');

    it('commits a delivery that comes after a quiet spell at once', async () => {
      const committer = new GroupCommitter(temp.db.$client, { commitDelay: delay });
      const started = performance.now();
      await committer.submit(() => insert().run(1));
      expect(performance.now() - started).toBeLessThan(delay.ms);
      expect(committer.stats).toEqual({ batches: 1, jobs: 1 });
    });

    it('under steady traffic, holds a small batch until enough deliveries join it', async () => {
      const committer = new GroupCommitter(temp.db.$client, { commitDelay: delay });
      const statement = insert();
      await committer.submit(() => statement.run(1)); // alone: at once
      const started = performance.now();
      // Arriving right after: the batch waits for company, and commits as soon as it has three.
      const second = committer.submit(() => statement.run(2));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(committer.stats.batches).toBe(1);
      const rest = [committer.submit(() => statement.run(3)), committer.submit(() => statement.run(4))];
      await Promise.all([second, ...rest]);
      expect(performance.now() - started).toBeLessThan(delay.ms);
      expect(committer.stats).toEqual({ batches: 2, jobs: 4 });
      expect(rows()).toEqual([1, 2, 3, 4]);
    });

    it('commits a held batch when the delay runs out, however small', async () => {
      const committer = new GroupCommitter(temp.db.$client, { commitDelay: delay });
      const statement = insert();
      await committer.submit(() => statement.run(1));
      const started = performance.now();
      await committer.submit(() => statement.run(2));
      // Timers may fire a millisecond early.
      expect(performance.now() - started).toBeGreaterThanOrEqual(delay.ms - 5);
      expect(committer.stats).toEqual({ batches: 2, jobs: 2 });
    });
  });
});
