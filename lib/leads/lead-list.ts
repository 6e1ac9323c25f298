// The list a lead page was opened from, carried in its URL: a queue section (`queue=…`, a compact
// reference) or the table's own view (its filters and sort, the same query string as /leads).
// From it the lead page walks previous/next in that list's order and links back to its page.
import type { Db } from '@/db';
import type { Viewer } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { DEFAULT_TIME_ZONE } from '@/lib/time/zone';
import { getLeadNeighbours, listContext, type ListPosition } from './queries';
import {
  isQueueSection,
  QUEUE_PAGE_SIZE,
  QUEUE_PREVIEW_SIZE,
  QUEUE_SECTION_TITLES,
  queueSectionHref,
  type QueueSectionKey,
} from './queue';
import { getQueueNeighbours } from './queue-queries';
import { parseLeadListParams, type LeadListQuery } from './search-params';

export type LeadListWalk = ListPosition & {
  /** The query string previous/next carry on (the list's reference, without a page). */
  carry: string;
  /** The list's page holding this lead (or its first page when the lead's place is unknown). */
  backHref: string;
  /** What the list is, for "3 of 57 in …". */
  label: string;
  /** The list's size, when known cheaply (a queue section's exact count); null for a table view. */
  total: number | null;
};

/** A page's search params as a query string, each value as sent (the list pages and the lead page). */
export function listSearchParams(searchParams: Record<string, string | string[] | undefined>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, item);
  }
  return query;
}

function safeListParams(query: URLSearchParams, timeZone: string): LeadListQuery | null {
  try {
    return parseLeadListParams(query, timeZone);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/**
 * Where the lead stands in the list its URL names, or null when the URL names none it can use
 * (a hand-edited or outdated link): then the page offers only "Back to list".
 */
export function getLeadListWalk(
  db: Db,
  viewer: Viewer & { kind: 'user' },
  query: URLSearchParams,
  leadId: number,
  { now = new Date(), timeZone = DEFAULT_TIME_ZONE }: { now?: Date; timeZone?: string } = {},
): LeadListWalk | null {
  if (query.has('queue')) {
    const section = query.get('queue');
    if (!isQueueSection(section) || [...query.keys()].length !== 1) return null;
    return queueWalk(db, viewer.id, section, leadId, now, timeZone);
  }
  const params = safeListParams(query, timeZone);
  if (!params) return null;
  const position = getLeadNeighbours(db, listContext(db, viewer, now, timeZone), params, leadId);
  const list = new URLSearchParams(query);
  list.delete('page');
  const page = position.index ? Math.ceil(position.index / params.pageSize) : 1;
  const back = new URLSearchParams(list);
  if (page > 1) back.set('page', String(page));
  return {
    ...position,
    total: null,
    carry: list.toString(),
    backHref: back.size ? `/leads?${back}` : '/leads',
    label: 'this list',
  };
}

function queueWalk(
  db: Db,
  viewerId: string,
  section: QueueSectionKey,
  leadId: number,
  now: Date,
  timeZone: string,
): LeadListWalk {
  const position = getQueueNeighbours(db, viewerId, section, leadId, now, timeZone);
  // Within the overview's first rows, back to the whole queue; further down, to the section's page.
  const backHref =
    position.index && position.index > QUEUE_PREVIEW_SIZE
      ? queueSectionHref(section, Math.ceil(position.index / QUEUE_PAGE_SIZE))
      : '/leads?view=queue';
  return { ...position, carry: `queue=${section}`, backHref, label: QUEUE_SECTION_TITLES[section] };
}
