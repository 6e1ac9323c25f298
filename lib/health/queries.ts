import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { leads } from '@/db/schema';

export type DatabaseHealth = {
  ok: boolean;
  migrations: number;
  lastLeadAt: Date | null;
};

/** Proves the database answers a real read; throws when it does not. */
export function getDatabaseHealth(db: Db): DatabaseHealth {
  const migrations = db.get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`).n;
  const last = db
    .select({ at: leads.receivedAt })
    .from(leads)
    .where(eq(leads.isTest, false))
    .orderBy(desc(leads.receivedAt))
    .limit(1)
    .get();
  return { ok: true, migrations, lastLeadAt: last?.at ?? null };
}
