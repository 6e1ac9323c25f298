import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = './data/leads.db';
export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/**
 * Opens (creating the folder if needed) and migrates a SQLite database.
 * Durability settings: WAL so readers never block the writer, synchronous=FULL so a committed
 * lead survives power loss, and a busy timeout so a second process (a CLI, a backup) waits
 * instead of failing.
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const client = new Database(file);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = FULL');
  client.pragma('busy_timeout = 5000');
  client.pragma('foreign_keys = ON');
  client.pragma('temp_store = MEMORY');
  client.pragma('cache_size = -65536');
  const db = drizzle({ client, schema }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

const cache = globalThis as unknown as { __leadsDb?: { setting: string | undefined; path: string; db: Db } };

/**
 * The process-wide connection (one per process; cached on globalThis to survive dev reloads).
 * Every request asks for it: the path is resolved again only when DATABASE_PATH changes.
 */
export function getDb(): Db {
  const setting = process.env.DATABASE_PATH;
  const open = cache.__leadsDb;
  if (open && open.setting === setting) return open.db;
  const file = databasePath();
  if (open?.path === file) {
    open.setting = setting;
    return open.db;
  }
  open?.db.$client.close();
  cache.__leadsDb = { setting, path: file, db: openDatabase(file) };
  return cache.__leadsDb.db;
}

/** What `PRAGMA wal_checkpoint(TRUNCATE)` reports: busy=1 when a reader kept it from finishing. */
export type WalCheckpoint = { busy: number; log: number; checkpointed: number };

/**
 * Copies every committed page from the WAL into the database file and empties the WAL, so the
 * file alone holds everything (a copy taken after a stop needs no `-wal` beside it). A busy
 * result is not a loss: the WAL stays and SQLite replays it on the next open.
 */
export function checkpointWal(client: Database.Database): WalCheckpoint {
  const [result] = client.pragma('wal_checkpoint(TRUNCATE)') as WalCheckpoint[];
  if (!result) throw new Error('wal_checkpoint returned no row');
  return result;
}

/**
 * Closes the process's connection (if one is open). With `checkpoint`, folds the WAL back into
 * the database first; returns the checkpoint's result, or null when nothing was checkpointed.
 */
export function closeDb(options: { checkpoint?: boolean } = {}): WalCheckpoint | null {
  const open = cache.__leadsDb;
  cache.__leadsDb = undefined;
  if (!open) return null;
  try {
    return options.checkpoint ? checkpointWal(open.db.$client) : null;
  } finally {
    open.db.$client.close();
  }
}
