// Graceful shutdown under `next start`, hooked into what Next already does rather than replacing it.
//
// Next 16's start-server (node_modules/next/dist/server/lib/start-server.js) handles SIGTERM and
// SIGINT itself unless NEXT_MANUAL_SIG_HANDLE is set: it calls `server.close()` (no new
// connections; idle keep-alive sockets are closed; the callback waits until every open request
// has been answered), then `nextServer.close()`, then `process.exit(143)` (SIGTERM) or
// `process.exit(130)` (SIGINT). Only Next holds the http server, so only Next can drain it;
// setting NEXT_MANUAL_SIG_HANDLE would take the drain away (the documented manual handler just
// exits). So the database is closed from the process's 'exit' event, which Next's exit reaches
// only after the drain: nothing can still be writing. better-sqlite3 is synchronous, so the
// checkpoint and close run to completion inside the 'exit' listener.
//
// Two things are added on top: a drain deadline (a client that never finishes its request must
// not hold the process forever; the orchestrator's SIGKILL would come anyway) and the exit code:
// 0 when the drain finished and the database closed cleanly, 1 when the deadline passed or the
// close failed, so a supervisor can tell a clean stop from one that needs a look.
import os from 'node:os';

type ShutdownSignal = 'SIGTERM' | 'SIGINT';
const SIGNALS: readonly ShutdownSignal[] = ['SIGTERM', 'SIGINT'];

/** The part of `process` this module uses (a test passes a stand-in). */
export interface ShutdownHost {
  on(event: ShutdownSignal, listener: () => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  exit(code?: number): void;
  exitCode?: number | string | null | undefined;
  env: Record<string, string | undefined>;
}

export type LogEntry = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;

export type GracefulShutdownOptions = {
  /** Checkpoints and closes the database; called once, synchronously, as the process exits. */
  closeDatabase: () => unknown;
  /** How long open requests may take to finish after a signal before the process exits anyway. */
  drainTimeoutMs?: number;
  host?: ShutdownHost;
  log?: (entry: LogEntry) => void;
};

export const DEFAULT_DRAIN_TIMEOUT_MS = 20_000;

/** The exit code Next uses after a signal-driven shutdown (128 + the signal's number). */
export const signalExitCode = (signal: ShutdownSignal): number => 128 + os.constants.signals[signal];

const logJson = (entry: LogEntry) => (entry.level === 'info' ? console.log : console.error)(JSON.stringify(entry));

/** The drain deadline from SHUTDOWN_DRAIN_TIMEOUT_MS, or the default. */
export function drainTimeoutFromEnv(env: Record<string, string | undefined>): number {
  const raw = env.SHUTDOWN_DRAIN_TIMEOUT_MS;
  if (raw === undefined || raw === '') return DEFAULT_DRAIN_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error('SHUTDOWN_DRAIN_TIMEOUT_MS must be a positive whole number of milliseconds.');
  }
  return value;
}

/**
 * Installs the shutdown hooks: the database is checkpointed and closed when the process exits,
 * after Next has drained the server on SIGTERM/SIGINT. Call once per process, after the
 * database's first use is possible (instrumentation's register()).
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): void {
  const host = options.host ?? process;
  const log = options.log ?? logJson;
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  // With NEXT_MANUAL_SIG_HANDLE whoever set it owns the signals (and the drain); the database is
  // still closed on exit.
  const nextHandlesSignals = !host.env.NEXT_MANUAL_SIG_HANDLE;
  let signal: ShutdownSignal | null = null;
  let drainTimedOut = false;

  if (nextHandlesSignals) {
    for (const name of SIGNALS) {
      host.on(name, () => {
        if (signal) return;
        signal = name;
        log({ level: 'info', msg: 'shutdown: finishing open requests', signal: name, drainTimeoutMs });
        const timer = setTimeout(() => {
          drainTimedOut = true;
          log({ level: 'warn', msg: 'shutdown: requests still open at the deadline; exiting anyway', drainTimeoutMs });
          host.exit(1);
        }, drainTimeoutMs);
        // Only the open requests keep the process alive, never the deadline itself.
        timer.unref();
      });
    }
  }

  let closed = false;
  host.on('exit', (code: number) => {
    if (closed) return;
    closed = true;
    try {
      const checkpoint = options.closeDatabase();
      log({ level: 'info', msg: 'shutdown: database closed', checkpoint: checkpoint ?? null });
    } catch (error) {
      log({
        level: 'error',
        msg: 'shutdown: closing the database failed',
        reason: error instanceof Error ? error.message : String(error),
      });
      host.exitCode = 1;
      return;
    }
    // Next's own exit after a drained signal: report the clean stop as success.
    if (signal && !drainTimedOut && code === signalExitCode(signal)) host.exitCode = 0;
  });
}
