// Reads of the qualification checklist admins keep (Settings → Qualification).
import { asc, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { qualificationItems } from '@/db/schema';

export type QualificationItem = typeof qualificationItems.$inferSelect;

/** Every item: current ones in checklist order, then archived ones. */
export function listQualificationItems(db: Db): QualificationItem[] {
  return db
    .select()
    .from(qualificationItems)
    .orderBy(
      sql`${qualificationItems.archivedAt} is not null`,
      asc(qualificationItems.position),
      asc(qualificationItems.id),
    )
    .all();
}
