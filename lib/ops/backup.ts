// Backup and restore of the SQLite database. A backup uses SQLite's online backup API: a
// consistent copy taken page by page while the app keeps serving (writers are not blocked for
// long). A restore puts a verified copy in place, only while no server uses the database, and
// keeps the database it replaces beside it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@/lib/errors';
import { liveServer } from './server-marker';

export type DatabaseSummary = { bytes: number; leads: number; migrations: number };

/** Checks that a file is a healthy database of this app, and what it holds. */
export function inspectDatabase(file: string): DatabaseSummary {
  if (!fs.existsSync(file))
    throw new AppError('invalid_input', `There is no file at ${file}.`, {
      details: [{ field: 'file', message: 'does not exist' }],
    });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check says: ${String(check)}`);
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    for (const table of ['__drizzle_migrations', 'leads', 'lead_events']) {
      if (!tables.has(table)) throw new Error(`it has no ${table} table, so it is not a database of this app`);
    }
    return {
      bytes: fs.statSync(file).size,
      leads: db.prepare('SELECT count(*) FROM leads').pluck().get() as number,
      migrations: db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = (error as Error).message.replace(/^file is not a database$/, 'it is not a SQLite database');
    throw new AppError('invalid_input', `${file} cannot be used: ${reason}.`, {
      details: [{ field: 'file', message: reason }],
      cause: error,
    });
  } finally {
    db?.close();
  }
}

/** Copies the live database to `target` (which must not exist unless `overwrite`), then checks the copy. */
export async function backupDatabase(
  source: string,
  target: string,
  options: { overwrite?: boolean } = {},
): Promise<DatabaseSummary> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (from === to)
    throw new AppError('invalid_input', 'The backup must go to another file than the database.', {
      details: [{ field: 'file', message: 'is the database itself' }],
    });
  if (fs.existsSync(to) && !options.overwrite) {
    throw new AppError('conflict', `${to} already exists; choose a new file or pass --force.`, {
      details: [{ field: 'file', message: 'already exists' }],
    });
  }
  const db = new Database(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    fs.mkdirSync(path.dirname(to), { recursive: true });
    // Page by page, yielding between steps so a running server keeps writing.
    await db.backup(to, { progress: () => 256 });
  } finally {
    db.close();
  }
  return inspectDatabase(to);
}

/**
 * Replaces the database at `target` with the backup at `source`. Refuses while a server uses the
 * target. The replaced database is kept as `<target>.before-restore-<time>` (returned).
 */
export function restoreDatabase(
  source: string,
  target: string,
  now = new Date(),
): { summary: DatabaseSummary; replacedBy: string | null } {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (from === to)
    throw new AppError('invalid_input', 'The backup is the database itself.', {
      details: [{ field: 'file', message: 'is the database itself' }],
    });
  const server = liveServer(to);
  if (server) {
    throw new AppError(
      'conflict',
      `A server (process ${server.pid}, started ${server.startedAt}) is using ${to}. Stop it, then restore.`,
      {
        details: [{ field: 'database', message: 'is in use by a running server' }],
      },
    );
  }
  const summary = inspectDatabase(from);
  let keptAs: string | null = null;
  if (fs.existsSync(to)) {
    // Fold the write-ahead log into the file, so the copy kept aside is complete.
    const current = new Database(to, { fileMustExist: true });
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    keptAs = `${to}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(to, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${to}${suffix}`, { force: true });
  const staging = `${to}.restoring`;
  fs.copyFileSync(from, staging);
  fs.renameSync(staging, to);
  return { summary, replacedBy: keptAs };
}
