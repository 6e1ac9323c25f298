// The lead list's vocabulary: sort keys, filter values, columns and bounds. No zod here: the
// table's client components import this, and the query schema (search-params.ts) stays on the
// server.

/** URL sort key → what it orders by. The only sort keys there are. */
export const LEAD_SORT_KEYS = [
  'receivedAt',
  'lastActivityAt',
  'nextFollowUpAt',
  'name',
  'company',
  'country',
  'status',
  'stage',
] as const;
export type LeadSortKey = (typeof LEAD_SORT_KEYS)[number];

/** Owner filter: mine, nobody's, anybody's, or one person's (by user id). */
export const OWNER_FILTERS = ['me', 'unassigned', 'anyone'] as const;

/** Received-date presets, relative to now (days count back from the start of today, UTC). */
export const RECEIVED_PRESETS = ['today', '7d', '30d', '90d', 'quarter'] as const;
export type ReceivedPreset = (typeof RECEIVED_PRESETS)[number];

export const DNC_FILTERS = ['only', 'hide'] as const;

/** Nurture steps a lead has reached at some point (its status may have moved on since). */
export const REACHED_STEPS = ['contacted', 'qualified', 'won'] as const;
export type ReachedStep = (typeof REACHED_STEPS)[number];

/** The table's columns, in their default order; `cols` picks and orders the visible ones. */
export const LEAD_COLUMNS = [
  'name',
  'company',
  'title',
  'email',
  'country',
  'offer',
  'action',
  'stage',
  'status',
  'owner',
  'receivedAt',
  'lastActivityAt',
  'nextFollowUpAt',
  'sla',
] as const;
export type LeadColumn = (typeof LEAD_COLUMNS)[number];
/**
 * What triage needs at a glance — who, offer, stage, status, owner, age and what is due — chosen to
 * fit a 1366-pixel window without sideways scrolling (the company shows under the name, see
 * FOLDED_COLUMNS). The column menu offers the rest.
 */
export const DEFAULT_COLUMNS: readonly LeadColumn[] = [
  'name',
  'company',
  'offer',
  'stage',
  'status',
  'owner',
  'receivedAt',
  'sla',
];

/**
 * Columns the table shows inside another one's cell when both are visible (the company under the
 * name, the latest action under the stage): the same facts in less width. The export still writes
 * them as columns of their own.
 */
export const FOLDED_COLUMNS = { company: 'name', action: 'stage' } as const satisfies Partial<
  Record<LeadColumn, LeadColumn>
>;

/**
 * How deep pages go: the first 10,000 matches of any view can be paged through (sort the other
 * way or narrow the filters to reach the rest; the export streams them all). Counts stop at the
 * same bound. This keeps every list request an index walk of bounded length.
 */
export const MAX_WINDOW = 10_000;
/** Search terms shorter than this cannot use the trigram index. */
export const MIN_SEARCH_LENGTH = 3;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The words of a search that the index can look up (quoted phrases are not special). */
export function searchTerms(q: string): string[] {
  return q
    .split(/\s+/)
    .map((term) => term.trim())
    .filter((term) => [...term].length >= MIN_SEARCH_LENGTH);
}
