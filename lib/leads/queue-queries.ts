import { count, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { leads } from '@/db/schema';
import {
  listRows,
  orderBy,
  positionInWalk,
  summaries,
  type LeadSummary,
  type LeadWalk,
  type ListPosition,
} from './queries';
import { QUEUE_PAGE_SIZE, QUEUE_PREVIEW_SIZE, QUEUE_SECTIONS, type QueueSectionKey } from './queue';
import { endOfDay, FIRST_TOUCH_WINDOW_MS, OPEN_STATUSES } from './sla';

// Spelled exactly as the partial indexes' WHERE clauses (db/schema.ts), with literal constants:
// SQLite uses a partial index only when the query's terms visibly imply its condition.
const OPEN = sql.raw(`(${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})`);
/** The first-touch rule applies (lib/leads/sla awaitsFirstTouch): leads_queue_first_touch_idx. */
const AWAITS_FIRST_TOUCH = sql`${leads.firstTouchAt} is null and ${leads.isTest} = 0 and ${leads.doNotContact} = 0 and ${leads.status} in ${OPEN}`;

/**
 * Which leads a section holds and the order it lists them in, for one person at one moment.
 * The owner is a plain equality or `is null` per seek, so each part is a range of the queue index.
 */
export function queueSectionWalk(section: QueueSectionKey, viewerId: string, now: Date): LeadWalk {
  const windowStart = now.getTime() - FIRST_TOUCH_WINDOW_MS;
  const mine = sql`${leads.ownerId} = ${viewerId}`;
  switch (section) {
    case 'first_touch_due':
      return {
        where: sql`${AWAITS_FIRST_TOUCH} and (${mine} or ${leads.ownerId} is null) and ${leads.receivedAt} >= ${windowStart}`,
        key: 'receivedAt',
        direction: 'asc',
      };
    case 'first_touch_overdue':
      return {
        where: sql`${AWAITS_FIRST_TOUCH} and ${mine} and ${leads.receivedAt} < ${windowStart}`,
        key: 'receivedAt',
        direction: 'desc',
      };
    case 'unclaimed_overdue':
      return {
        where: sql`${AWAITS_FIRST_TOUCH} and ${leads.ownerId} is null and ${leads.receivedAt} < ${windowStart}`,
        key: 'receivedAt',
        direction: 'desc',
      };
    case 'follow_up_due':
      // Touched leads only: an untouched one is already in a first-touch section. The follow-up
      // index holds the due date, status, flags and owner; only this person's rows are read.
      return {
        where: sql`${leads.nextFollowUpAt} is not null and ${leads.nextFollowUpAt} <= ${endOfDay(now).getTime()} and ${leads.status} in ${OPEN} and ${leads.doNotContact} = 0 and ${leads.isTest} = 0 and ${mine} and ${leads.firstTouchAt} is not null`,
        key: 'nextFollowUpAt',
        direction: 'asc',
      };
  }
}

export type QueueSection = {
  key: QueueSectionKey;
  /** Exactly how many leads the section holds. */
  total: number;
  /** The rows of the page asked for (1-based), `pageSize` at most. */
  page: number;
  pageSize: number;
  rows: LeadSummary[];
};

function sectionCount(db: Db, walk: LeadWalk): number {
  return db.select({ n: count() }).from(leads).where(walk.where).get()?.n ?? 0;
}

function sectionRows(db: Db, walk: LeadWalk, limit: number, offset: number): LeadSummary[] {
  return summaries(listRows(db, walk.where, orderBy(walk.key, walk.direction)).limit(limit).offset(offset).values());
}

/**
 * A person's queue: every section in order with its exact count and its first rows (the
 * overview), or one section's page when `only` is given.
 */
export function getQueue(
  db: Db,
  viewerId: string,
  options: { now?: Date; only?: { section: QueueSectionKey; page: number } } = {},
): QueueSection[] {
  const now = options.now ?? new Date();
  const sections = options.only ? [options.only.section] : QUEUE_SECTIONS;
  return sections.map((key) => {
    const walk = queueSectionWalk(key, viewerId, now);
    const pageSize = options.only ? QUEUE_PAGE_SIZE : QUEUE_PREVIEW_SIZE;
    const page = options.only?.page ?? 1;
    return {
      key,
      total: sectionCount(db, walk),
      page,
      pageSize,
      rows: sectionRows(db, walk, pageSize, (page - 1) * pageSize),
    };
  });
}

/** A lead's neighbours and place in a queue section, and the section's size. */
export function getQueueNeighbours(
  db: Db,
  viewerId: string,
  section: QueueSectionKey,
  leadId: number,
  now = new Date(),
): ListPosition & { total: number; totalCapped: boolean } {
  const walk = queueSectionWalk(section, viewerId, now);
  return { ...positionInWalk(db, walk, leadId), total: sectionCount(db, walk), totalCapped: false };
}
