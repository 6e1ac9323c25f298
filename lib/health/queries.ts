import fs from 'node:fs';
import path from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER, type Db } from '@/db';
import { leads } from '@/db/schema';

/**
 * The database's schema version against the migrations this build ships (db/migrations): how many
 * are applied, the latest applied one (its tag, the first 12 hex digits of its SQL's hash and when
 * it was written — drizzle records that, not when it was applied), and any not applied yet. Never
 * personal data: this is answered to anyone.
 */
export type SchemaVersion = {
  applied: number;
  available: number;
  latest: { tag: string | null; hash: string; createdAt: string } | null;
  pending: string[];
  upToDate: boolean;
};

export type DatabaseHealth = {
  ok: boolean;
  /** The number of applied migrations (kept for existing monitors; `schema.applied` is the same). */
  migrations: number;
  schema: SchemaVersion;
  lastLeadAt: Date | null;
};

type ShippedMigration = { tag: string; hash: string; folderMillis: number };

const shippedCache = new Map<string, ShippedMigration[]>();

/** The migrations in a folder, in order, with the tags drizzle-kit's journal gives them. */
export function shippedMigrations(folder: string = MIGRATIONS_FOLDER): ShippedMigration[] {
  let shipped = shippedCache.get(folder);
  if (!shipped) {
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string; when: number }[];
    };
    const tags = new Map(journal.entries.map((entry) => [entry.when, entry.tag]));
    shipped = readMigrationFiles({ migrationsFolder: folder }).map((migration) => ({
      tag: tags.get(migration.folderMillis) ?? String(migration.folderMillis),
      hash: migration.hash,
      folderMillis: migration.folderMillis,
    }));
    shippedCache.set(folder, shipped);
  }
  return shipped;
}

export function getSchemaVersion(db: Db, folder: string = MIGRATIONS_FOLDER): SchemaVersion {
  const rows = db.all<{ hash: string; created_at: number }>(
    sql`select hash, created_at from __drizzle_migrations order by created_at`,
  );
  const shipped = shippedMigrations(folder);
  // drizzle records each migration by its folder time (created_at) and the hash of its SQL.
  const appliedTimes = new Set(rows.map((row) => Number(row.created_at)));
  const pending = shipped
    .filter((migration) => !appliedTimes.has(migration.folderMillis))
    .map((migration) => migration.tag);
  const last = rows.at(-1);
  const lastShipped = last
    ? shipped.find((migration) => migration.folderMillis === Number(last.created_at))
    : undefined;
  return {
    applied: rows.length,
    available: shipped.length,
    latest: last
      ? {
          tag: lastShipped?.tag ?? null,
          hash: last.hash.slice(0, 12),
          createdAt: new Date(Number(last.created_at)).toISOString(),
        }
      : null,
    pending,
    // A database migrated by a newer build has a latest migration this build does not know.
    upToDate: pending.length === 0 && (last === undefined ? shipped.length === 0 : lastShipped !== undefined),
  };
}

/** Proves the database answers a real read; throws when it does not. */
export function getDatabaseHealth(db: Db, folder: string = MIGRATIONS_FOLDER): DatabaseHealth {
  const schema = getSchemaVersion(db, folder);
  const last = db
    .select({ at: leads.receivedAt })
    .from(leads)
    .where(eq(leads.isTest, false))
    .orderBy(desc(leads.receivedAt))
    .limit(1)
    .get();
  return { ok: true, migrations: schema.applied, schema, lastLeadAt: last?.at ?? null };
}
