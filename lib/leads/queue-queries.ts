import { count, sql, type SQL } from 'drizzle-orm';
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
import { DEFAULT_TIME_ZONE } from '@/lib/time/zone';
import { endOfDay, FIRST_TOUCH_WINDOW_MS, OPEN_STATUSES } from './sla';

// Spelled exactly as the partial indexes' WHERE clauses (db/schema.ts), with literal constants:
// SQLite uses a partial index only when the query's terms visibly imply its condition.
const OPEN = sql.raw(`(${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})`);
const WORKABLE = sql`${leads.isTest} = 0 and ${leads.doNotContact} = 0 and ${leads.status} in ${OPEN}`;
/** The first-touch rule applies (lib/leads/sla awaitsFirstTouch): leads_queue_first_touch_idx. */
const AWAITS_FIRST_TOUCH = sql`${leads.firstTouchAt} is null and ${WORKABLE}`;
/** A touched lead's follow-up: leads_queue_follow_up_idx. */
const FOLLOWS_UP = sql`${leads.nextFollowUpAt} is not null and ${leads.firstTouchAt} is not null and ${WORKABLE}`;

/** A section as the leads it holds in order, and as disjoint parts that are each one index seek. */
type SectionWalk = LeadWalk & { seeks: SQL[] };

/**
 * Which leads a section holds and the order it lists them in, for one person at one moment.
 * The owner is a plain equality or `is null` per seek, so each part is a range of the queue index.
 */
export function queueSectionWalk(
  section: QueueSectionKey,
  viewerId: string,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): SectionWalk {
  const windowStart = now.getTime() - FIRST_TOUCH_WINDOW_MS;
  const mine = sql`${leads.ownerId} = ${viewerId}`;
  const walk = (where: SQL, key: LeadWalk['key'], direction: LeadWalk['direction']): SectionWalk => ({
    where,
    key,
    direction,
    seeks: [where],
  });
  switch (section) {
    case 'first_touch_due': {
      // Mine or unassigned: as one OR the planner reads every open lead of the day; counted as
      // two seeks. The page reads the day's waiting leads (leads_first_touch_waiting_idx).
      const inWindow = sql`${AWAITS_FIRST_TOUCH} and ${leads.receivedAt} >= ${windowStart}`;
      return {
        where: sql`${inWindow} and (${mine} or ${leads.ownerId} is null)`,
        key: 'receivedAt',
        direction: 'asc',
        seeks: [sql`${inWindow} and ${mine}`, sql`${inWindow} and ${leads.ownerId} is null`],
      };
    }
    case 'first_touch_overdue':
      return walk(
        sql`${AWAITS_FIRST_TOUCH} and ${mine} and ${leads.receivedAt} < ${windowStart}`,
        'receivedAt',
        'desc',
      );
    case 'unclaimed_overdue':
      return walk(
        sql`${AWAITS_FIRST_TOUCH} and ${leads.ownerId} is null and ${leads.receivedAt} < ${windowStart}`,
        'receivedAt',
        'desc',
      );
    case 'follow_up_due':
      // Touched leads only: an untouched one is already in a first-touch section.
      return walk(
        sql`${FOLLOWS_UP} and ${mine} and ${leads.nextFollowUpAt} <= ${endOfDay(now, timeZone).getTime()}`,
        'nextFollowUpAt',
        'asc',
      );
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

/** Exact: each seek is counted from its index alone. */
function sectionCount(db: Db, walk: SectionWalk): number {
  return walk.seeks.reduce((sum, where) => sum + (db.select({ n: count() }).from(leads).where(where).get()?.n ?? 0), 0);
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
  options: { now?: Date; timeZone?: string; only?: { section: QueueSectionKey; page: number } } = {},
): QueueSection[] {
  const now = options.now ?? new Date();
  const sections = options.only ? [options.only.section] : QUEUE_SECTIONS;
  return sections.map((key) => {
    const walk = queueSectionWalk(key, viewerId, now, options.timeZone);
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
  timeZone: string = DEFAULT_TIME_ZONE,
): ListPosition & { total: number } {
  const walk = queueSectionWalk(section, viewerId, now, timeZone);
  return { ...positionInWalk(db, walk, leadId), total: sectionCount(db, walk) };
}
