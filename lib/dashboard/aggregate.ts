// The dashboard's grouped counts and medians, as SQL. Counts come from the daily rollup
// (lead_daily_stats) when the filters allow it, otherwise from a grouped scan of the leads in the
// range; both use the same measure expressions (lib/dashboard/rollup), so they agree exactly.
import type { Db } from '@/db';
import {
  canonicalAction,
  canonicalSource,
  isKnownAction,
  isKnownSource,
  LEAD_ACTIONS,
  LEAD_SOURCES,
} from '@/lib/marketplace/vocabulary';
import { FIRST_TOUCH_WINDOW_MS, OPEN_STATUSES } from '@/lib/leads/sla';
import type { DashboardFilters } from './params';
import { bucketStartSql, DAY_MS, type Bucket, type DayRange } from './range';
import { ROLLUP_MEASURES, type RollupMeasure } from './rollup';

/** What a count is grouped by: nothing, or one dimension of the rollup. */
export type Dimension = 'all' | 'source' | 'action' | 'offer' | 'country' | 'owner';

export type AggregateRow = { value: string; bucket: number | null } & Record<RollupMeasure, number>;

type Filter = { sql: string; params: unknown[] };

/**
 * What filtered views read: leads_dashboard_idx holds, in received order, every column a filter,
 * a grouping or a measure reads, so a range of it is read without touching the wide rows (up to
 * 15 times faster than the filter's own index followed by a row lookup each, measured at 1M).
 */
function scanFrom(filters: DashboardFilters): string {
  // One offer is a small share of the leads, with its own (offer, received_at) index: seeking it
  // and reading those rows beats reading the range of the narrow index (measured at 1M; a
  // person's leads are spread thinner, and the narrow index wins there).
  return filters.offer ? 'leads AS l' : 'leads AS l INDEXED BY leads_dashboard_idx';
}

/** The filters as SQL over leads `l` (the same meaning as the leads table's filters). */
function filterSql(filters: DashboardFilters): Filter {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.source) {
    parts.push(`instr(l.journey_sources, ?) > 0`);
    params.push(`|${canonicalSource(filters.source)}|`);
  }
  if (filters.action) {
    parts.push(`instr(l.journey_actions, ?) > 0`);
    params.push(`|${canonicalAction(filters.action)}|`);
  }
  if (filters.offer) {
    parts.push(`l.offer_ref = (SELECT o.id FROM offers AS o WHERE o.key = ?)`);
    params.push(filters.offer.toLowerCase());
  }
  if (filters.owner === 'unassigned') parts.push(`l.owner_id IS NULL`);
  else if (filters.owner) {
    parts.push(`l.owner_id = ?`);
    params.push(filters.owner);
  }
  if (filters.country) {
    parts.push(`ifnull(l.country, '') = ?`);
    params.push(filters.country);
  }
  return { sql: parts.map((part) => ` AND ${part}`).join(''), params };
}

/**
 * The rollup row set that holds exactly the filtered leads, when there is one: no filter (`all`),
 * or a single filter (its own dimension's row). Null when the filters need a scan.
 */
function rollupSlice(db: Db, filters: DashboardFilters): { dim: string; value: string } | null {
  const set = Object.entries(filters).filter(([, value]) => value !== undefined);
  if (set.length === 0) return { dim: 'all', value: '' };
  if (set.length > 1) return null;
  const [key, value] = set[0] as [keyof DashboardFilters, string];
  switch (key) {
    // The rollup keeps unknown tokens together under '': those filters need the scan.
    case 'source':
      return isKnownSource(canonicalSource(value)) ? { dim: 'source', value: canonicalSource(value) } : null;
    case 'action':
      return isKnownAction(canonicalAction(value)) ? { dim: 'action', value: canonicalAction(value) } : null;
    case 'owner':
      return { dim: 'owner', value: value === 'unassigned' ? '' : value };
    case 'country':
      return { dim: 'country', value };
    case 'offer': {
      const offer = db.$client.prepare('SELECT id FROM offers WHERE key = ?').get(value.toLowerCase()) as
        { id: number } | undefined;
      return { dim: 'offer', value: offer ? String(offer.id) : '-' };
    }
  }
}

const MEASURE_NAMES = Object.keys(ROLLUP_MEASURES) as RollupMeasure[];

/** A lead's value on a dimension (scan path); source and action are expanded per journey token. */
function scanDimension(dim: Exclude<Dimension, 'all'>): { join: string; value: string } {
  switch (dim) {
    case 'offer':
      return { join: '', value: `coalesce(CAST(l.offer_ref AS TEXT), '')` };
    case 'country':
      // ifnull, not coalesce: `coalesce(country, '')` is an indexed expression, and SQLite then
      // reads the value through that index for every row (15 times slower, measured).
      return { join: '', value: `ifnull(l.country, '')` };
    case 'owner':
      return { join: '', value: `coalesce(l.owner_id, '')` };
    case 'source':
    case 'action': {
      const [column, known] =
        dim === 'source'
          ? (['l.journey_sources', LEAD_SOURCES] as const)
          : (['l.journey_actions', LEAD_ACTIONS] as const);
      let stripped: string = column;
      for (const token of known) stripped = `replace(${stripped}, '|${token}|', '|')`;
      const tokens = [...known, ''].map((token) => `('${token}')`).join(', ');
      // A lead counts under each known token of its journey, and under '' when it has unknown ones.
      // CROSS JOIN keeps the leads as the outer loop: one pass over the range, not one per token.
      return {
        join: ` CROSS JOIN (VALUES ${tokens}) AS t ON CASE WHEN t.column1 = '' THEN ${stripped} NOT IN ('', '|') ELSE instr(${column}, '|' || t.column1 || '|') > 0 END`,
        value: 't.column1',
      };
    }
  }
}

/**
 * Additive counts of the leads received in `range` that match `filters`, grouped by a dimension
 * and optionally by time bucket. Rows with no leads are left out.
 */
export function aggregate(
  db: Db,
  options: {
    range: DayRange;
    filters: DashboardFilters;
    dim: Dimension;
    bucket?: Bucket;
    measures: readonly RollupMeasure[];
  },
): AggregateRow[] {
  const { range, filters, dim, bucket, measures } = options;
  const keys = Object.keys(filters);
  // The rollup answers: no filter (any grouping), one filter grouped by nothing, or a one-value
  // dimension (offer, country, owner) filtered and grouped by itself: that value's rows. (Source
  // and action do not qualify: a lead filtered by one source is grouped under all of its sources.)
  const ownDimension =
    keys.length === 1 && keys[0] === dim && (dim === 'offer' || dim === 'country' || dim === 'owner');
  const slice: { dim: string; value: string | null } | null =
    keys.length === 0 ? { dim, value: null } : dim === 'all' || ownDimension ? rollupSlice(db, filters) : null;
  let sql: string;
  let params: unknown[];
  if (slice) {
    // Whole days of the rollup: a few dozen rows per day, whatever the number of leads.
    const bucketSql = bucket ? bucketStartSql(bucket, 's.day') : 'NULL';
    sql = `SELECT ${dim === 'all' ? "''" : 's.value'} AS value, ${bucketSql} AS bucket,
        ${measures.map((measure) => `sum(s.${measure}) AS ${measure}`).join(', ')}
      FROM lead_daily_stats AS s
      WHERE s.dim = ?${slice.value === null ? '' : ' AND s.value = ?'} AND s.day >= ? AND s.day < ?
      GROUP BY 1, 2 HAVING sum(s.leads) > 0`;
    params =
      slice.value === null
        ? [slice.dim, range.fromDay, range.toDay]
        : [slice.dim, slice.value, range.fromDay, range.toDay];
  } else {
    const filter = filterSql(filters);
    const { join, value } = dim === 'all' ? { join: '', value: "''" } : scanDimension(dim);
    const bucketSql = bucket ? bucketStartSql(bucket, `(l.received_at / ${DAY_MS})`) : 'NULL';
    sql = `SELECT ${value} AS value, ${bucketSql} AS bucket,
        ${measures.map((measure) => `sum(${ROLLUP_MEASURES[measure]('l')}) AS ${measure}`).join(', ')}
      FROM ${scanFrom(filters)}${join}
      WHERE l.is_test = 0 AND l.received_at >= ? AND l.received_at < ?${filter.sql}
      GROUP BY 1, 2`;
    params = [range.fromDay * DAY_MS, range.toDay * DAY_MS, ...filter.params];
  }
  const rows = db.$client.prepare(sql).all(...params) as AggregateRow[];
  for (const row of rows)
    for (const measure of MEASURE_NAMES) if (!measures.includes(measure)) delete row[measure as never];
  return rows;
}

/** Totals over the range (one row; zeros when nothing matches). */
export function totals(
  db: Db,
  range: DayRange,
  filters: DashboardFilters,
  measures: readonly RollupMeasure[],
): Record<RollupMeasure, number> {
  const row = aggregate(db, { range, filters, dim: 'all', measures })[0];
  return Object.fromEntries(measures.map((measure) => [measure, row?.[measure] ?? 0])) as Record<RollupMeasure, number>;
}

/** Open, contactable, real leads with no touch yet: exactly the rows of leads_first_touch_waiting_idx. */
const WAITING_FOR_FIRST_TOUCH = `l.first_touch_at IS NULL AND l.is_test = 0 AND l.do_not_contact = 0 AND l.status IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})`;

const toMinutes = (ms: number | null | undefined): number | null =>
  ms === null || ms === undefined ? null : Math.floor(ms / 60_000);

/** A duration the dashboard takes medians of, and the index that holds it in order. */
const DURATIONS = {
  firstTouch: {
    expr: 'l.first_touch_at - l.received_at',
    present: 'l.first_touch_at IS NOT NULL',
    index: 'leads_ttft_idx',
    count: 'touched',
  },
  new: {
    expr: 'l.contacted_at - l.received_at',
    present: 'l.contacted_at IS NOT NULL',
    index: 'leads_new_time_idx',
    count: 'contacted',
  },
  contacted: {
    expr: 'l.qualified_at - l.contacted_at',
    present: 'l.qualified_at IS NOT NULL',
    index: 'leads_contacted_time_idx',
    count: 'qualified',
  },
  qualified: {
    expr: 'l.won_at - l.qualified_at',
    present: 'l.won_at IS NOT NULL',
    index: 'leads_qualified_time_idx',
    count: 'won',
  },
} as const satisfies Record<string, { expr: string; present: string; index: string; count: RollupMeasure }>;
type Duration = keyof typeof DURATIONS;

/**
 * The median of a duration over the `n` unfiltered leads of the range that have it (whole minutes,
 * rounded down; the mean of the two middle values when `n` is even, like SQLite's median()).
 * The rollup gives `n`, and the duration's index is walked in order to the middle value: an
 * index-only walk of at most half the index, with no values collected or sorted. With `owner`,
 * that person's slice of the per-owner index.
 */
function walkMedian(db: Db, duration: Duration, range: DayRange, n: number, owner?: string): number | null {
  if (n === 0) return null;
  const { expr, present, index } = DURATIONS[duration];
  const values = db.$client
    .prepare(
      `SELECT ${expr} AS ms FROM leads AS l INDEXED BY ${owner === undefined ? index : 'leads_owner_ttft_idx'}
       WHERE l.is_test = 0 AND ${present}${owner === undefined ? '' : ' AND l.owner_id IS NOT NULL AND l.owner_id = ?'}
         AND l.received_at >= ? AND l.received_at < ?
       ORDER BY ${owner === undefined ? '' : 'l.owner_id, '}${expr} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(
      ...(owner === undefined ? [] : [owner]),
      range.fromDay * DAY_MS,
      range.toDay * DAY_MS,
      n % 2 ? 1 : 2,
      Math.floor((n - 1) / 2),
    ) as number[];
  return values.length ? toMinutes(values.reduce((sum, value) => sum + value, 0) / values.length) : null;
}

/** The median of a duration over the leads of the range: walked when unfiltered, else median(). */
function median(db: Db, duration: Duration, range: DayRange, filters: DashboardFilters): number | null {
  if (Object.keys(filters).length === 0)
    return walkMedian(
      db,
      duration,
      range,
      totals(db, range, filters, [DURATIONS[duration].count])[DURATIONS[duration].count],
    );
  const { expr, present } = DURATIONS[duration];
  const filter = filterSql(filters);
  const ms = db.$client
    .prepare(
      `SELECT median(${expr}) FROM ${scanFrom(filters)} WHERE l.is_test = 0 AND ${present} AND l.received_at >= ? AND l.received_at < ?${filter.sql}`,
    )
    .pluck()
    .get(range.fromDay * DAY_MS, range.toDay * DAY_MS, ...filter.params) as number | null;
  return toMinutes(ms);
}

/** True when the filters are exactly one person: their slice of the rollup and of the per-owner index. */
const onePerson = (filters: DashboardFilters): boolean =>
  Object.keys(filters).length === 1 && Boolean(filters.owner) && filters.owner !== 'unassigned';

/** Median time from receipt to first touch (whole minutes, rounded down), or null when none. */
export function medianFirstTouch(db: Db, range: DayRange, filters: DashboardFilters): number | null {
  if (onePerson(filters))
    return walkMedian(db, 'firstTouch', range, totals(db, range, filters, ['touched']).touched, filters.owner);
  return median(db, 'firstTouch', range, filters);
}

/** Median time to first touch per owner (whole minutes). */
export function medianFirstTouchByOwner(
  db: Db,
  range: DayRange,
  filters: DashboardFilters,
): Map<string, number | null> {
  return new Map(ownerStats(db, range, filters).map((row) => [row.owner, row.medianMinutes]));
}

export type OwnerStats = {
  owner: string;
  leads: number;
  touchedInSla: number;
  qualified: number;
  won: number;
  medianMinutes: number | null;
};

/**
 * Per person (assigned leads only): counts and the median time to first touch. Unfiltered (or
 * one person) from the rollup and the per-owner duration index; filtered, one grouped pass.
 */
export function ownerStats(db: Db, range: DayRange, filters: DashboardFilters): OwnerStats[] {
  if (Object.keys(filters).length === 0 || onePerson(filters)) {
    return aggregate(db, {
      range,
      filters,
      dim: 'owner',
      measures: ['leads', 'touched', 'touched_in_sla', 'qualified', 'won'],
    })
      .filter((row) => row.value !== '')
      .map((row) => ({
        owner: row.value,
        leads: row.leads,
        touchedInSla: row.touched_in_sla,
        qualified: row.qualified,
        won: row.won,
        medianMinutes: walkMedian(db, 'firstTouch', range, row.touched, row.value),
      }));
  }
  const filter = filterSql(filters);
  const rows = db.$client
    .prepare(
      `SELECT l.owner_id AS owner, count(*) AS leads, sum(${ROLLUP_MEASURES.touched_in_sla('l')}) AS touchedInSla,
         sum(${ROLLUP_MEASURES.qualified('l')}) AS qualified, sum(${ROLLUP_MEASURES.won('l')}) AS won,
         median(l.first_touch_at - l.received_at) AS ms
       FROM ${scanFrom(filters)}
       WHERE l.is_test = 0 AND l.owner_id IS NOT NULL AND l.received_at >= ? AND l.received_at < ?${filter.sql}
       GROUP BY l.owner_id`,
    )
    .all(range.fromDay * DAY_MS, range.toDay * DAY_MS, ...filter.params) as (Omit<OwnerStats, 'medianMinutes'> & {
    ms: number | null;
  })[];
  return rows.map(({ ms, ...row }) => ({ ...row, medianMinutes: toMinutes(ms) }));
}

/** Median time spent in new, contacted and qualified before reaching the next step (minutes). */
export function medianStepTimes(
  db: Db,
  range: DayRange,
  filters: DashboardFilters,
): { new: number | null; contacted: number | null; qualified: number | null } {
  if (Object.keys(filters).length > 0) {
    // Filtered: one pass over the range's filtered leads for all three (median() skips nulls).
    const filter = filterSql(filters);
    const row = db.$client
      .prepare(
        `SELECT median(${DURATIONS.new.expr}) AS new, median(${DURATIONS.contacted.expr}) AS contacted, median(${DURATIONS.qualified.expr}) AS qualified
         FROM ${scanFrom(filters)} WHERE l.is_test = 0 AND ${DURATIONS.new.present} AND l.received_at >= ? AND l.received_at < ?${filter.sql}`,
      )
      .get(range.fromDay * DAY_MS, range.toDay * DAY_MS, ...filter.params) as {
      new: number | null;
      contacted: number | null;
      qualified: number | null;
    };
    return { new: toMinutes(row.new), contacted: toMinutes(row.contacted), qualified: toMinutes(row.qualified) };
  }
  return {
    new: median(db, 'new', range, filters),
    contacted: median(db, 'contacted', range, filters),
    qualified: median(db, 'qualified', range, filters),
  };
}

/**
 * Leads whose 24-hour first-touch window is still open (received in the last 24 hours, open,
 * contactable, untouched), per bucket when asked: not yet a hit or a miss, so the SLA share
 * leaves them out of its denominator.
 */
export function firstTouchNotYetDue(
  db: Db,
  range: DayRange,
  filters: DashboardFilters,
  now: Date,
  bucket?: Bucket,
): Map<number | null, number> {
  const from = Math.max(range.fromDay * DAY_MS, now.getTime() - FIRST_TOUCH_WINDOW_MS);
  const to = range.toDay * DAY_MS;
  if (from >= to) return new Map();
  const filter = filterSql(filters);
  const bucketSql = bucket ? bucketStartSql(bucket, `(l.received_at / ${DAY_MS})`) : 'NULL';
  const rows = db.$client
    .prepare(
      `SELECT ${bucketSql} AS bucket, count(*) AS n FROM ${Object.keys(filters).length ? scanFrom(filters) : 'leads AS l INDEXED BY leads_first_touch_waiting_idx'}
       WHERE ${WAITING_FOR_FIRST_TOUCH} AND l.received_at >= ? AND l.received_at < ?${filter.sql} GROUP BY 1`,
    )
    .all(from, to, ...filter.params) as { bucket: number | null; n: number }[];
  return new Map(rows.map((row) => [row.bucket, row.n]));
}

/** Open, contactable leads in the range still waiting for a first touch past the 24-hour window. */
export function firstTouchBreaches(
  db: Db,
  range: DayRange,
  filters: DashboardFilters,
  now: Date,
  options: { limit: number; countCap: number },
): {
  total: number;
  capped: boolean;
  leads: {
    id: number;
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    company: string | null;
    offerTitle: string | null;
    offerId: string | null;
    receivedAt: number;
    owner: string | null;
  }[];
} {
  const filter = filterSql(filters);
  // Overdue: received before the 24-hour window that ends now (and inside the range). The
  // partial index holds exactly the leads waiting for a first touch (same terms as its WHERE).
  const overdueBefore = Math.min(range.toDay * DAY_MS, now.getTime() - FIRST_TOUCH_WINDOW_MS);
  const where = `${WAITING_FOR_FIRST_TOUCH} AND l.received_at >= ? AND l.received_at < ?${filter.sql}`;
  const params = [range.fromDay * DAY_MS, overdueBefore, ...filter.params];
  const from = Object.keys(filters).length ? scanFrom(filters) : 'leads AS l INDEXED BY leads_first_touch_waiting_idx';
  const { n } = db.$client
    .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ?)`)
    .get(...params, options.countCap + 1) as { n: number };
  const leads = db.$client
    .prepare(
      `SELECT l.id, l.first_name AS firstName, l.last_name AS lastName, l.email, l.company, l.offer_title AS offerTitle,
         l.offer_id AS offerId, l.received_at AS receivedAt, u.name AS owner
       FROM ${from} LEFT JOIN users AS u ON u.id = l.owner_id
       WHERE ${where} ORDER BY l.received_at, l.id LIMIT ?`,
    )
    .all(...params, options.limit) as ReturnType<typeof firstTouchBreaches>['leads'];
  return { total: Math.min(n, options.countCap), capped: n > options.countCap, leads };
}
