import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { checkpointWal, openDatabase } from '@/db';
import {
  DEFAULT_DRAIN_TIMEOUT_MS,
  drainTimeoutFromEnv,
  installGracefulShutdown,
  signalExitCode,
  type LogEntry,
  type ShutdownHost,
} from './shutdown';

/** A stand-in for `process`: exit() behaves like Node's (sets exitCode, emits 'exit' once). */
class FakeProcess extends EventEmitter implements ShutdownHost {
  exitCode: number | string | null | undefined = undefined;
  env: Record<string, string | undefined> = {};
  exited = false;
  exit(code?: number) {
    if (code !== undefined) this.exitCode = code;
    if (!this.exited) {
      this.exited = true;
      this.emit('exit', Number(this.exitCode ?? 0));
    }
  }
}

let host: FakeProcess;
let logs: LogEntry[];
let closeDatabase: Mock<() => unknown>;

beforeEach(() => {
  vi.useFakeTimers();
  host = new FakeProcess();
  logs = [];
  closeDatabase = vi.fn<() => unknown>(() => ({ busy: 0, log: 0, checkpointed: 0 }));
});
afterEach(() => {
  vi.useRealTimers();
});

const install = (options: { drainTimeoutMs?: number } = {}) =>
  installGracefulShutdown({ closeDatabase, host, log: (entry) => logs.push(entry), ...options });

describe('installGracefulShutdown', () => {
  it('leaves the database open while Next drains, and closes it when Next exits', () => {
    install();
    host.emit('SIGTERM', 'SIGTERM');
    // Next is still closing its server: the database must stay usable for open requests.
    expect(closeDatabase).not.toHaveBeenCalled();
    expect(host.exited).toBe(false);
    host.exit(signalExitCode('SIGTERM'));
    expect(closeDatabase).toHaveBeenCalledTimes(1);
    expect(host.exitCode).toBe(0);
  });

  it('reports a drained SIGINT as a clean exit too', () => {
    install();
    host.emit('SIGINT', 'SIGINT');
    host.exit(130);
    expect(closeDatabase).toHaveBeenCalledTimes(1);
    expect(host.exitCode).toBe(0);
  });

  it('keeps an exit code that is not the drained signal’s', () => {
    install();
    host.emit('SIGTERM', 'SIGTERM');
    host.exit(2);
    expect(closeDatabase).toHaveBeenCalledTimes(1);
    expect(host.exitCode).toBe(2);
  });

  it('closes the database on an exit without a signal, keeping its code', () => {
    install();
    host.exit(1);
    expect(closeDatabase).toHaveBeenCalledTimes(1);
    expect(host.exitCode).toBe(1);
  });

  it('exits with 1 (after closing the database) when requests are still open at the deadline', () => {
    install({ drainTimeoutMs: 1000 });
    host.emit('SIGTERM', 'SIGTERM');
    vi.advanceTimersByTime(999);
    expect(host.exited).toBe(false);
    vi.advanceTimersByTime(1);
    expect(host.exited).toBe(true);
    expect(closeDatabase).toHaveBeenCalledTimes(1);
    expect(host.exitCode).toBe(1);
    expect(logs.some((entry) => entry.level === 'warn')).toBe(true);
  });

  it('does not restart the deadline on a repeated signal', () => {
    install({ drainTimeoutMs: 1000 });
    host.emit('SIGINT', 'SIGINT');
    vi.advanceTimersByTime(600);
    host.emit('SIGINT', 'SIGINT');
    host.emit('SIGTERM', 'SIGTERM');
    vi.advanceTimersByTime(400);
    expect(host.exited).toBe(true);
    expect(host.exitCode).toBe(1);
  });

  it('exits with 1 when the database cannot be closed', () => {
    closeDatabase.mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    install();
    host.emit('SIGTERM', 'SIGTERM');
    host.exit(143);
    expect(host.exitCode).toBe(1);
    expect(logs.find((entry) => entry.level === 'error')?.reason).toBe('disk I/O error');
  });

  it('leaves the signals to whoever set NEXT_MANUAL_SIG_HANDLE, but still closes on exit', () => {
    host.env.NEXT_MANUAL_SIG_HANDLE = 'true';
    install({ drainTimeoutMs: 10 });
    expect(host.listenerCount('SIGTERM')).toBe(0);
    expect(host.listenerCount('SIGINT')).toBe(0);
    host.exit(0);
    expect(closeDatabase).toHaveBeenCalledTimes(1);
  });
});

describe('drainTimeoutFromEnv', () => {
  it('reads SHUTDOWN_DRAIN_TIMEOUT_MS or falls back to the default', () => {
    expect(drainTimeoutFromEnv({})).toBe(DEFAULT_DRAIN_TIMEOUT_MS);
    expect(drainTimeoutFromEnv({ SHUTDOWN_DRAIN_TIMEOUT_MS: '2500' })).toBe(2500);
    expect(() => drainTimeoutFromEnv({ SHUTDOWN_DRAIN_TIMEOUT_MS: '-1' })).toThrow(/SHUTDOWN_DRAIN_TIMEOUT_MS/);
    expect(() => drainTimeoutFromEnv({ SHUTDOWN_DRAIN_TIMEOUT_MS: 'soon' })).toThrow(/SHUTDOWN_DRAIN_TIMEOUT_MS/);
  });
});

describe('checkpointWal', () => {
  let dir: string;
  beforeEach(() => {
    vi.useRealTimers();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leads-shutdown-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('moves every committed page into the database file and empties the WAL', () => {
    const file = path.join(dir, 'leads.db');
    const db = openDatabase(file);
    db.$client.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);');
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const result = checkpointWal(db.$client);
    expect(result.busy).toBe(0);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    // The database file alone now holds the rows: a copy without the WAL sees them.
    fs.copyFileSync(file, path.join(dir, 'copy.db'));
    db.$client.close();
    const copy = openDatabase(path.join(dir, 'copy.db'), { migrate: false });
    expect(copy.$client.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
    copy.$client.close();
  });
});
