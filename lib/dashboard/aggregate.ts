// The dashboard's grouped counts and medians, as SQL. Counts come from the daily rollup
// (lead_daily_stats) when the filters allow it, otherwise from a grouped scan of the leads in the
// range; both use the same measure expressions (lib/dashboard/rollup), so they agree exactly.
import type { Db } from '@/db';
import { canonicalAction, canonicalSource, isKnownAction, isKnownSource, LEAD_ACTIONS, LEAD_SOURCES } from '@/lib/marketplace/vocabulary';
import type { DashboardFilters } from './params';
import { bucketStartSql, DAY_MS, type Bucket, type DayRange } from './range';
import { ROLLUP_MEASURES, type RollupMeasure } from './rollup';

/** What a count is grouped by: nothing, or one dimension of the rollup. */
export type Dimension = 'all' | 'source' | 'action' | 'offer' | 'country' | 'owner';

export type AggregateRow = { value: string; bucket: number | null } & Record<RollupMeasure, number>;

type Filter = { sql: string; params: unknown[] };

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
    parts.push(`coalesce(l.country, '') = ?`);
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
      const offer = db.$client.prepare('SELECT id FROM offers WHERE key = ?').get(value.toLowerCase()) as { id: number } | undefined;
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
      return { join: '', value: `coalesce(l.country, '')` };
    case 'owner':
      return { join: '', value: `coalesce(l.owner_id, '')` };
    case 'source':
    case 'action': {
      const [column, known] = dim === 'source' ? (['l.journey_sources', LEAD_SOURCES] as const) : (['l.journey_actions', LEAD_ACTIONS] as const);
      let stripped: string = column;
      for (const token of known) stripped = `replace(${stripped}, '|${token}|', '|')`;
      const tokens = [...known, ''].map((token) => `('${token}')`).join(', ');
      // A lead counts under each known token of its journey, and under '' when it has unknown ones.
      return {
        join: ` JOIN (VALUES ${tokens}) AS t ON CASE WHEN t.column1 = '' THEN ${stripped} NOT IN ('', '|') ELSE instr(${column}, '|' || t.column1 || '|') > 0 END`,
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
  options: { range: DayRange; filters: DashboardFilters; dim: Dimension; bucket?: Bucket; measures: readonly RollupMeasure[] },
): AggregateRow[] {
  const { range, filters, dim, bucket, measures } = options;
  const slice = dim === 'all' ? rollupSlice(db, filters) : Object.keys(filters).length === 0 ? { dim, value: null } : null;
  let sql: string;
  let params: unknown[];
  if (slice) {
    // Whole days of the rollup: a few dozen rows per day, whatever the number of leads.
    const bucketSql = bucket ? bucketStartSql(bucket, 's.day') : 'NULL';
    sql = `SELECT ${slice.value === null ? 's.value' : "''"} AS value, ${bucketSql} AS bucket,
        ${measures.map((measure) => `sum(s.${measure}) AS ${measure}`).join(', ')}
      FROM lead_daily_stats AS s
      WHERE s.dim = ?${slice.value === null ? '' : ' AND s.value = ?'} AND s.day >= ? AND s.day < ?
      GROUP BY 1, 2 HAVING sum(s.leads) > 0`;
    params = slice.value === null ? [slice.dim, range.fromDay, range.toDay] : [slice.dim, slice.value, range.fromDay, range.toDay];
  } else {
    const filter = filterSql(filters);
    const { join, value } = dim === 'all' ? { join: '', value: "''" } : scanDimension(dim);
    const bucketSql = bucket ? bucketStartSql(bucket, `(l.received_at / ${DAY_MS})`) : 'NULL';
    sql = `SELECT ${value} AS value, ${bucketSql} AS bucket,
        ${measures.map((measure) => `sum(${ROLLUP_MEASURES[measure]('l')}) AS ${measure}`).join(', ')}
      FROM leads AS l${join}
      WHERE l.is_test = 0 AND l.received_at >= ? AND l.received_at < ?${filter.sql}
      GROUP BY 1, 2`;
    params = [range.fromDay * DAY_MS, range.toDay * DAY_MS, ...filter.params];
  }
  const rows = db.$client.prepare(sql).all(...params) as AggregateRow[];
  for (const row of rows) for (const measure of MEASURE_NAMES) if (!measures.includes(measure)) delete row[measure as never];
  return rows;
}

/** Totals over the range (one row; zeros when nothing matches). */
export function totals(db: Db, range: DayRange, filters: DashboardFilters, measures: readonly RollupMeasure[]): Record<RollupMeasure, number> {
  const row = aggregate(db, { range, filters, dim: 'all', measures })[0];
  return Object.fromEntries(measures.map((measure) => [measure, row?.[measure] ?? 0])) as Record<RollupMeasure, number>;
}

const toMinutes = (ms: number | null | undefined): number | null => (ms === null || ms === undefined ? null : Math.floor(ms / 60_000));

/** Median time from receipt to first touch (whole minutes, rounded down), or null when none. */
export function medianFirstTouch(db: Db, range: DayRange, filters: DashboardFilters): number | null {
  const filter = filterSql(filters);
  const row = db.$client
    .prepare(
      `SELECT median(l.first_touch_at - l.received_at) AS ms FROM leads AS l
       WHERE l.is_test = 0 AND l.first_touch_at IS NOT NULL AND l.received_at >= ? AND l.received_at < ?${filter.sql}`,
    )
    .get(range.fromDay * DAY_MS, range.toDay * DAY_MS, ...filter.params) as { ms: number | null };
  return toMinutes(row.ms);
}

/** Median time to first touch per owner (whole minutes). */
export function medianFirstTouchByOwner(db: Db, range: DayRange, filters: DashboardFilters): Map<string, number | null> {
  const filter = filterSql(filters);
  // One index seek per person (owner, received range) instead of a walk over every assigned lead.
  const rows = db.$client
    .prepare(
      `SELECT l.owner_id AS owner, median(l.first_touch_at - l.received_at) AS ms FROM leads AS l
       WHERE l.owner_id IN (SELECT id FROM users) AND l.is_test = 0 AND l.owner_id IS NOT NULL
         AND l.first_touch_at IS NOT NULL AND l.received_at >= ? AND l.received_at < ?${filter.sql}
       GROUP BY l.owner_id`,
    )
    .all(range.fromDay * DAY_MS, range.toDay * DAY_MS, ...filter.params) as { owner: string; ms: number | null }[];
  return new Map(rows.map((row) => [row.owner, toMinutes(row.ms)]));
}

/** Median time spent in new, contacted and qualified before reaching the next step (minutes). */
export function medianStepTimes(db: Db, range: DayRange, filters: DashboardFilters): { new: number | null; contacted: number | null; qualified: number | null } {
  const filter = filterSql(filters);
  const row = db.$client
    .prepare(
      `SELECT median(l.contacted_at - l.received_at) AS new, median(l.qualified_at - l.contacted_at) AS contacted,
         median(l.won_at - l.qualified_at) AS qualified
       FROM leads AS l
       WHERE l.is_test = 0 AND l.contacted_at IS NOT NULL AND l.received_at >= ? AND l.received_at < ?${filter.sql}`,
    )
    .get(range.fromDay * DAY_MS, range.toDay * DAY_MS, ...filter.params) as { new: number | null; contacted: number | null; qualified: number | null };
  return { new: toMinutes(row.new), contacted: toMinutes(row.contacted), qualified: toMinutes(row.qualified) };
}

/** Open, contactable leads in the range still waiting for a first touch past the 24-hour window. */
export function firstTouchBreaches(
  db: Db,
  range: DayRange,
  filters: DashboardFilters,
  now: Date,
  options: { limit: number; countCap: number },
): { total: number; capped: boolean; leads: { id: number; firstName: string | null; lastName: string | null; email: string | null; company: string | null; offerTitle: string | null; offerId: string | null; receivedAt: number; owner: string | null }[] } {
  const filter = filterSql(filters);
  const windowStart = now.getTime() - 86_400_000;
  const where = `l.first_touch_at IS NULL AND l.status IN ('new', 'contacted', 'qualified', 'nurturing')
      AND l.do_not_contact = 0 AND l.is_test = 0
      AND l.received_at >= ? AND l.received_at < min(?, ?)${filter.sql}`;
  const params = [range.fromDay * DAY_MS, range.toDay * DAY_MS, windowStart, ...filter.params];
  const { n } = db.$client
    .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM leads AS l WHERE ${where} LIMIT ?)`)
    .get(...params, options.countCap + 1) as { n: number };
  const leads = db.$client
    .prepare(
      `SELECT l.id, l.first_name AS firstName, l.last_name AS lastName, l.email, l.company, l.offer_title AS offerTitle,
         l.offer_id AS offerId, l.received_at AS receivedAt, u.name AS owner
       FROM leads AS l LEFT JOIN users AS u ON u.id = l.owner_id
       WHERE ${where} ORDER BY l.received_at, l.id LIMIT ?`,
    )
    .all(...params, options.limit) as ReturnType<typeof firstTouchBreaches>['leads'];
  return { total: Math.min(n, options.countCap), capped: n > options.countCap, leads };
}
