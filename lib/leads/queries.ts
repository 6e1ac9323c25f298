import { and, asc, count, desc, eq, gte, inArray, is, isNotNull, isNull, lt, lte, ne, or, SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { leadEvents, leads, offers, users, type Lead, type LeadEvent } from '@/db/schema';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { leadScope, type LeadScope, type Viewer } from '@/lib/auth/permissions';
import { canonicalAction, canonicalSource, LEAD_STATUSES, type LeadStatus } from '@/lib/marketplace/vocabulary';
import { tokenNeedle } from './journey-tokens';
import { catchUpSearchIndex } from './search-index';
import { MAX_WINDOW, searchTerms, type LeadListQuery, type LeadSortKey, type ReceivedPreset } from './search-params';
import { DEFAULT_TIME_ZONE, startOfDay, wallClock } from '@/lib/time/zone';
import { endOfDay, FIRST_TOUCH_WINDOW_MS, OPEN_STATUSES, type SlaFilter } from './sla';

/** The lead as the API serves it (camelCase, no internal keys). */
export type LeadSummary = {
  id: number;
  source: string | null;
  action: string | null;
  publisherId: string | null;
  offerId: string | null;
  offerTitle: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  company: string | null;
  title: string | null;
  description: string | null;
  isTest: boolean;
  doNotContact: boolean;
  status: Lead['status'];
  stage: Lead['stage'];
  eventCount: number;
  ownerId: string | null;
  ownerName: string | null;
  assignedAt: Date | null;
  touchCount: number;
  firstTouchAt: Date | null;
  lastTouchAt: Date | null;
  nextFollowUpAt: Date | null;
  receivedAt: Date;
  lastEventAt: Date;
  lastActivityAt: Date;
};

export type LeadEventView = Omit<LeadEvent, 'rawBody' | 'dedupeHash' | 'intakeKeyId'> & {
  rawBody: string;
};

export type LeadDetail = LeadSummary & {
  /** When the person's personal data was erased on request. */
  erasedAt: Date | null;
  events: LeadEventView[];
  /** The same person's leads for other offers. */
  otherLeads: Pick<LeadSummary, 'id' | 'offerTitle' | 'offerId' | 'action' | 'stage' | 'status' | 'receivedAt'>[];
};

const summaryColumns = {
  id: leads.id,
  source: leads.source,
  action: leads.action,
  publisherId: leads.publisherId,
  offerId: leads.offerId,
  offerTitle: leads.offerTitle,
  firstName: leads.firstName,
  lastName: leads.lastName,
  email: leads.email,
  phone: leads.phone,
  country: leads.country,
  company: leads.company,
  title: leads.title,
  description: leads.description,
  isTest: leads.isTest,
  doNotContact: leads.doNotContact,
  status: leads.status,
  stage: leads.stage,
  eventCount: leads.eventCount,
  ownerId: leads.ownerId,
  ownerName: users.name,
  assignedAt: leads.assignedAt,
  touchCount: leads.touchCount,
  firstTouchAt: leads.firstTouchAt,
  lastTouchAt: leads.lastTouchAt,
  nextFollowUpAt: leads.nextFollowUpAt,
  receivedAt: leads.receivedAt,
  lastEventAt: leads.lastEventAt,
  lastActivityAt: leads.lastActivityAt,
};

const summaryFields = Object.entries(summaryColumns) as [
  keyof LeadSummary,
  { mapFromDriverValue(value: unknown): unknown },
][];

/**
 * Summaries from a list query's raw rows (its `.values()`, columns in summaryColumns' order),
 * each value decoded by its column as drizzle would. Drizzle's own row mapping (`.all()`), generic
 * over nested selections and joins, cost ~13 µs a row for these 30 columns: a quarter of a CSV
 * export's time. This costs a few.
 */
export function summaries(rows: unknown[][]): LeadSummary[] {
  return rows.map((row) => {
    const lead: Record<string, unknown> = {};
    for (let index = 0; index < summaryFields.length; index++) {
      const [name, column] = summaryFields[index]!;
      const value = row[index];
      lead[name] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return lead as LeadSummary;
  });
}

/** The leads a viewer may see at all (see lib/auth/permissions leadScope). */
export function scopeCondition(scope: LeadScope): SQL | undefined {
  return scope.kind === 'all' ? undefined : or(...scopeSeeks(scope));
}

/** The scope with its owner column hidden from the planner's choice of index. */
function hiddenScope(scope: LeadScope): SQL | undefined {
  return scope.kind === 'all' ? undefined : sql`(+${leads.ownerId} = ${scope.userId} or +${leads.ownerId} is null)`;
}

/** The same leads as disjoint parts an owner index can seek one by one. */
function scopeSeeks(scope: LeadScope): (SQL | undefined)[] {
  return scope.kind === 'all' ? [undefined] : [eq(leads.ownerId, scope.userId), isNull(leads.ownerId)];
}

/**
 * What each sort orders by: one or two leading expressions, then received_at and id in the same
 * direction. Text columns sort by coalesce(column, '') — exactly the expressions the indexes in
 * db/schema.ts are built on, so every sort is an index walk and keyset paging compares row values.
 */
const SORT_EXPRESSIONS: Record<LeadSortKey, SQL[]> = {
  receivedAt: [],
  lastActivityAt: [sql`${leads.lastActivityAt}`],
  nextFollowUpAt: [sql`${leads.nextFollowUpAt}`],
  name: [sql`coalesce(${leads.lastName}, '')`, sql`coalesce(${leads.firstName}, '')`],
  company: [sql`coalesce(${leads.company}, '')`],
  country: [sql`coalesce(${leads.country}, '')`],
  status: [sql`${leads.status}`],
  stage: [sql`coalesce(${leads.stage}, '')`],
};

function sortExpressions(key: LeadSortKey): SQL[] {
  return [...SORT_EXPRESSIONS[key], sql`${leads.receivedAt}`, sql`${leads.id}`];
}

/** The facts a list query needs besides its parameters. */
export type ListContext = {
  db: Db;
  scope: LeadScope;
  /** The signed-in person, for `owner=me`; null for API keys. */
  viewerId: string | null;
  now?: Date;
  /** Whose "today" the presets and "due today" mean: the viewer's zone on pages, UTC for API keys. */
  timeZone?: string;
};

export function listContext(db: Db, viewer: Viewer, now?: Date, timeZone?: string): ListContext {
  return { db, scope: leadScope(viewer), viewerId: viewer.kind === 'user' ? viewer.id : null, now, timeZone };
}

/** An FTS5 query that finds every term as a substring (terms are quoted: no query syntax). */
export function searchMatch(q: string): string | null {
  const terms = searchTerms(q);
  return terms.length ? terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ') : null;
}

/** A received-date preset as a time range ending now; days count from the start of today in `timeZone`. */
export function receivedRange(
  preset: ReceivedPreset,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): { from: Date; to: Date } {
  const daysBack = { today: 0, '7d': 6, '30d': 29, '90d': 89 } as const;
  if (preset !== 'quarter') return { from: startOfDay(now, timeZone, -daysBack[preset]), to: now };
  const wall = wallClock(now, timeZone);
  const quarterStartMonth = Math.floor((wall.month - 1) / 3) * 3 + 1;
  const daysIntoQuarter = Math.round(
    (Date.UTC(wall.year, wall.month - 1, wall.day) - Date.UTC(wall.year, quarterStartMonth - 1, 1)) / 86_400_000,
  );
  return { from: startOfDay(now, timeZone, -daysIntoQuarter), to: now };
}

const OPEN_STATUS_SQL = sql.raw(OPEN_STATUSES.map((status) => `'${status}'`).join(', '));

function slaCondition(db: Db, filter: SlaFilter, now: Date, sortKey: LeadSortKey, timeZone: string): Condition {
  // The status term can draw SQLite to the status index (a first-touch list or count, or a
  // follow-up count, read a row for each of ~700k entries); hidden, the untouched leads' and the
  // follow-ups' indexes walk their ranges instead. Literal constants, not bound values.
  const openHidden = sql`+${leads.status} in (${OPEN_STATUS_SQL}) and ${leads.doNotContact} = 0 and ${leads.isTest} = 0`;
  const windowStart = now.getTime() - FIRST_TOUCH_WINDOW_MS;
  switch (filter) {
    case 'first_touch_overdue': {
      const untouched = sql`${leads.firstTouchAt} is null and ${leads.receivedAt} < ${windowStart}`;
      return sql`${untouched} and ${openHidden}`;
    }
    case 'first_touch_due': {
      const untouched = sql`${leads.firstTouchAt} is null and ${leads.receivedAt} >= ${windowStart}`;
      return sql`${untouched} and ${openHidden}`;
    }
    case 'follow_up_due':
    case 'follow_up_overdue': {
      const [operator, bound] =
        filter === 'follow_up_due' ? [sql`<=`, endOfDay(now, timeZone).getTime()] : [sql`<`, now.getTime()];
      const due = sql`${leads.nextFollowUpAt} is not null and ${leads.nextFollowUpAt} ${operator} ${bound}`;
      const plain = sql`${due} and ${openHidden}`;
      // Like a multi-value filter (oneOf): a few due follow-ups are gathered through their
      // index and sorted; many are checked on the rows the sort's index yields, which fills a
      // page after a few thousand rows. Hidden from the follow-up index by ifnull (a unary +
      // still lets SQLite scan that partial index and sort) and from the status index by +.
      // (A page newest first is read from the follow-up index alone: getLeads, pageIndex.)
      const many = sortKey !== 'nextFollowUpAt' && boundedCount(db, due, GATHER_LIMIT) >= GATHER_LIMIT;
      if (!many) return plain;
      const hidden = sql`ifnull(${leads.nextFollowUpAt}, ${bound + 1}) ${operator} ${bound} and ${openHidden}`;
      return { list: hidden, count: plain };
    }
  }
}

function selectsDoNotContact(query: LeadListQuery): boolean {
  return (
    query.dnc === 'only' ||
    Boolean(query.action?.length && query.action.every((action) => canonicalAction(action) === 'DNC'))
  );
}

/**
 * Real leads only, unless asked; spelled three ways, each for the indexes it should reach.
 * - `list`: a unary + keeps SQLite from walking an index for this near-constant term (the sort
 *   and the selective filters should drive the plan); the few test leads have their own index.
 * - `count`: plain `= 0`, so the partial indexes on real leads (`WHERE is_test = 0`) apply and a
 *   bounded count can read one of them alone.
 * - `statusCount`: `IS 0`, the only spelling that matches `leads_status_owner_idx`, so that
 *   index serves the per-status counts and never draws another query's plan.
 */
function realLeads(query: LeadListQuery, use: 'list' | 'count' | 'statusCount'): SQL | undefined {
  if (query.includeTest) return undefined;
  // Do-not-contact leads are about 1 %: their own partial index finds them, where a plain
  // `is_test = 0` let SQLite (without statistics) scan the whole covering dashboard index instead.
  if (use === 'list' || (use === 'count' && selectsDoNotContact(query))) return sql`+${leads.isTest} = 0`;
  return use === 'count' ? sql`${leads.isTest} = 0` : sql`${leads.isTest} is 0`;
}

/**
 * A condition, or one spelled two ways: `list` steers the list's own query (a filter's index
 * hidden so the sort's index walk fills the page), `count` lets a bounded count use the most
 * selective index there is (a count has no order to keep).
 */
type Condition = SQL | undefined | { list: SQL; count: SQL };

function spelled(conditions: readonly Condition[], use: 'list' | 'count'): (SQL | undefined)[] {
  return conditions.map((condition) => (condition === undefined || is(condition, SQL) ? condition : condition[use]));
}

/** Every condition of a list query except test leads and the nurture status (status counts vary that one). */
function filterConditions(context: ListContext, query: LeadListQuery): Condition[] {
  const now = context.now ?? new Date();
  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  const conditions: Condition[] = [scopeCondition(context.scope)];
  const { db } = context;
  const keepsOrder = (key: LeadSortKey) => query.sort.key === 'receivedAt' || query.sort.key === key;
  if (query.stage?.length) {
    const stage = oneOf(db, sql`coalesce(${leads.stage}, '')`, query.stage, keepsOrder('stage'));
    // A handful of stages against dozens of offers: with an offer filter, counts walk the offer's
    // index and check the stage on its rows (SQLite, without statistics, took the stage index:
    // a quarter of the leads read for one offer's count).
    conditions.push(
      query.offer?.length
        ? { list: listForm(stage)!, count: hiddenIn(sql`coalesce(${leads.stage}, '')`, query.stage) }
        : stage,
    );
  }
  if (query.country?.length) {
    const country = sql`coalesce(${leads.country}, '')`;
    const condition = oneOf(db, country, query.country, keepsOrder('country'));
    // Everyone's leads only: a rep's scope narrows through the owner index instead.
    conditions.push(
      context.scope.kind === 'all'
        ? countFromCoveringIndexWhenCommon(db, condition, country, query.country)
        : condition,
    );
  }
  if (query.owner === 'me') {
    conditions.push(context.viewerId ? eq(leads.ownerId, context.viewerId) : sql`0`);
  } else if (query.owner === 'unassigned') {
    conditions.push(isNull(leads.ownerId));
  } else if (query.owner && query.owner !== 'anyone') {
    conditions.push(eq(leads.ownerId, query.owner));
  }
  if (query.dnc === 'only') conditions.push(sql`${leads.doNotContact} = 1`);
  if (query.dnc === 'hide') conditions.push(sql`${leads.doNotContact} = 0`);
  if (query.sla) conditions.push(slaCondition(db, query.sla, now, query.sort.key, timeZone));
  if (query.reached) conditions.push(isNotNull(REACHED_COLUMN[query.reached]));
  const range = query.received ? receivedRange(query.received, now, timeZone) : { from: query.from, to: query.to };
  if (range.from || range.to) {
    const inRange = and(
      range.from ? gte(leads.receivedAt, range.from) : undefined,
      range.to ? lte(leads.receivedAt, range.to) : undefined,
    )!;
    // Under another sort, a wide range is checked on the sort index's rows (unary + hides the
    // received index) instead of gathering and sorting a quarter's worth of leads.
    const wide = query.sort.key !== 'receivedAt' && boundedCount(db, inRange, GATHER_LIMIT) >= GATHER_LIMIT;
    const column = wide ? sql`+${leads.receivedAt}` : sql`${leads.receivedAt}`;
    for (const [edge, operator] of [
      [range.from, sql`>=`],
      [range.to, sql`<=`],
    ] as const) {
      if (edge)
        conditions.push({
          list: sql`${column} ${operator} ${edge.getTime()}`,
          count: sql`${leads.receivedAt} ${operator} ${edge.getTime()}`,
        });
    }
  }
  if (query.offer?.length) {
    // Resolved first (a handful of catalog rows), so the planner sees the ids and uses the index.
    const keys = query.offer.map((offer) => offer.toLowerCase());
    const ids = db
      .select({ id: offers.id })
      .from(offers)
      .where(inArray(offers.key, keys))
      .all()
      .map((offer) => offer.id);
    conditions.push(ids.length ? oneOf(db, leads.offerRef, ids, query.sort.key === 'receivedAt') : sql`0`);
  }
  // A lead matches a source or action filter when any delivery of its journey does: each lead
  // keeps its journey's tokens (lib/leads/journey-tokens), so this reads the lead row only.
  for (const [values, column, canonical] of [
    [query.source, leads.journeySources, canonicalSource],
    [query.action, leads.journeyActions, canonicalAction],
  ] as const) {
    if (!values?.length) continue;
    conditions.push(or(...values.map((value) => sql`instr(${column}, ${tokenNeedle(canonical(value))}) > 0`)));
  }
  // A "Do not contact" delivery is what sets the flag (lib/intake/ingest): saying so lets the
  // flag's partial index find these few leads instead of scanning for the token.
  if (query.action?.length && query.action.every((action) => canonicalAction(action) === 'DNC')) {
    conditions.push(sql`${leads.doNotContact} = 1`);
  }
  if (query.q) {
    const match = searchMatch(query.q);
    // Leads still queued for the index (lib/leads/search-index) are indexed first: found at once.
    if (match) catchUpSearchIndex(db.$client);
    // The search index yields at most the window's worth of newest matches (bounded work). They
    // are read once here: the page and the counts each ran the search again (~25 ms for two words).
    const ids = match
      ? db.all<{ id: number }>(
          sql`select rowid as id from leads_search where leads_search match ${match} order by rowid desc limit ${MAX_WINDOW}`,
        )
      : [];
    conditions.push(
      ids.length
        ? sql`${leads.id} in (select value from json_each(${JSON.stringify(ids.map((row) => row.id))}))`
        : sql`0`,
    );
  }
  if (query.ids?.length) conditions.push(inArray(leads.id, query.ids));
  if (query.sort.key === 'nextFollowUpAt') conditions.push(sql`${leads.nextFollowUpAt} is not null`);
  return conditions;
}

/** When a lead first reached each nurture step (stamped from its status history). */
const REACHED_COLUMN = { contacted: leads.contactedAt, qualified: leads.qualifiedAt, won: leads.wonAt } as const;

/** Below this many matches a multi-value filter is gathered through its index and sorted. */
const GATHER_LIMIT = 20_000;

/**
 * A filter on an indexed expression. One value is `=` (SQLite keeps an index's order under an
 * equality, not under `in (?)`). Several values are probed first, an index-only count of at most
 * GATHER_LIMIT entries: a few matches are gathered through the index and sorted; many are checked
 * on the rows the sort's index yields (`|| ''` hides the filter's index), which fills a page fast.
 */
function oneOf(
  db: Db,
  column: SQL | SQLiteColumn,
  values: readonly (string | number)[],
  keepsOrder: boolean,
): Condition {
  // One value under the list's own order (received_at, or this column's): the index walk is exact.
  if (values.length === 1 && keepsOrder) return sql`${column} = ${values[0]}`;
  const gathered = values.length === 1 ? sql`${column} = ${values[0]}` : sql`${column} in ${sqlList(values)}`;
  if (boundedCount(db, gathered, GATHER_LIMIT) < GATHER_LIMIT) return gathered;
  return { list: hiddenIn(column, values), count: gathered };
}

/** `(a, b, c)` with each value bound. */
const sqlList = (items: readonly unknown[]) =>
  sql`(${sql.join(
    items.map((item) => sql`${item}`),
    sql`, `,
  )})`;

/** A filter on `column` that no index on it can serve (`|| ''` makes it an expression). */
const hiddenIn = (column: SQL | SQLiteColumn, values: readonly (string | number)[]) =>
  sql`${column} || '' in ${sqlList(values.map(String))}`;

/** The spelling of a condition the list's own query uses. */
const listForm = (condition: Condition): SQL | undefined =>
  condition === undefined || is(condition, SQL) ? condition : condition.list;

/**
 * A common value (a big country) proves nothing alone: the other filters are checked on each of
 * its rows, a row read per lead. When it matches GATHER_LIMIT leads or more, counts check it on
 * the covering dashboard index instead (`|| ''` hides its own index), which reads no rows: a
 * country with a source and a status is proved to hold 10,000+ leads in ~17 ms instead of ~45.
 */
function countFromCoveringIndexWhenCommon(
  db: Db,
  condition: Condition,
  column: SQL,
  values: readonly string[],
): Condition {
  const list = listForm(condition);
  if (!list) return condition;
  // oneOf already probed when it returned two spellings (it does so only for common values).
  const common =
    list !== condition || boundedCount(db, sql`${column} in ${sqlList(values)}`, GATHER_LIMIT) >= GATHER_LIMIT;
  return common ? { list, count: hiddenIn(column, values) } : condition;
}

function statusCondition(context: ListContext, query: LeadListQuery): Condition {
  if (!query.status?.length) return undefined;
  const keepsOrder = query.sort.key === 'receivedAt' || query.sort.key === 'status';
  return oneOf(context.db, leads.status, query.status, keepsOrder);
}

export function leadListWhere(context: ListContext, query: LeadListQuery): SQL | undefined {
  return and(
    ...spelled([...filterConditions(context, query), statusCondition(context, query)], 'list'),
    realLeads(query, 'list'),
  );
}

export type SortDirection = 'asc' | 'desc';

/** A sort on a column pinned to one value by a filter orders by received_at alone (same order). */
function effectiveSortKey(query: LeadListQuery): LeadSortKey {
  const pinned: Partial<Record<LeadSortKey, unknown[] | undefined>> = {
    country: query.country,
    stage: query.stage,
    status: query.status,
  };
  return pinned[query.sort.key]?.length === 1 ? 'receivedAt' : query.sort.key;
}

export function orderBy(key: LeadSortKey, direction: SortDirection): SQL[] {
  return sortExpressions(key).map((expression) => (direction === 'asc' ? asc(expression) : desc(expression)));
}

/** The sort position of one lead: the values its sort expressions take. */
function sortValues(db: Db, key: LeadSortKey, id: number): unknown[] | null {
  const expressions = sortExpressions(key);
  const row = db
    .select(Object.fromEntries(expressions.map((expression, index) => [`k${index}`, expression])))
    .from(leads)
    .where(eq(leads.id, id))
    .get() as Record<string, unknown> | undefined;
  return row ? expressions.map((_, index) => row[`k${index}`]) : null;
}

/**
 * "Strictly after this position" as a sequence of index seeks. For sort expressions e0…en
 * (ending in received_at and id) and a position v0…vn, the rows after it are, in order: those
 * equal on e0…e(n-1) and past vn, then those equal on e0…e(n-2) and past v(n-1), …, then those
 * past v0. Each part pins a prefix of the index by equality and ranges on the next expression,
 * so each is a seek; a single row-value comparison would walk every row sharing the first value.
 */
function keysetParts(key: LeadSortKey, direction: SortDirection, values: unknown[]): { where: SQL; order: SQL[] }[] {
  const expressions = sortExpressions(key);
  const parts: { where: SQL; order: SQL[] }[] = [];
  for (let pinned = expressions.length - 1; pinned >= 0; pinned--) {
    const equal = expressions.slice(0, pinned).map((expression, index) => sql`${expression} = ${values[index]}`);
    const past =
      direction === 'asc'
        ? sql`${expressions[pinned]} > ${values[pinned]}`
        : sql`${expressions[pinned]} < ${values[pinned]}`;
    // The pinned expressions are constant here; SQLite sorts again if they stay in ORDER BY.
    const order = expressions
      .slice(pinned)
      .map((expression) => (direction === 'asc' ? asc(expression) : desc(expression)));
    parts.push({ where: and(...equal, past)!, order });
  }
  return parts;
}

export function listRows(db: Db, where: SQL | undefined, order: SQL[]) {
  return db
    .select(summaryColumns)
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(where)
    .orderBy(...order);
}

/** Up to `limit` rows of the list after a position (keyset), in the given direction. */
function rowsAfter(
  db: Db,
  where: SQL | undefined,
  key: LeadSortKey,
  direction: SortDirection,
  position: unknown[],
  limit: number,
): LeadSummary[] {
  const rows: LeadSummary[] = [];
  for (const part of keysetParts(key, direction, position)) {
    if (rows.length >= limit) break;
    rows.push(
      ...summaries(
        listRows(db, and(where, part.where), part.order)
          .limit(limit - rows.length)
          .values(),
      ),
    );
  }
  return rows;
}

/** The list query in its order, unpaged. */
export function leadListSelect(db: Db, context: ListContext, query: LeadListQuery) {
  return listRows(db, leadListWhere(context, query), orderBy(effectiveSortKey(query), query.sort.direction));
}

/** Keyset batches of the whole list, in order: for the export, without deep offsets. */
export function* leadListBatches(
  db: Db,
  context: ListContext,
  query: LeadListQuery,
  batchSize: number,
): Generator<LeadSummary[]> {
  const key = effectiveSortKey(query);
  const where = leadListWhere(context, query);
  let batch = summaries(listRows(db, where, orderBy(key, query.sort.direction)).limit(batchSize).values());
  while (batch.length) {
    yield batch;
    if (batch.length < batchSize) return;
    const position = sortValues(db, key, batch.at(-1)!.id);
    if (!position) return;
    batch = rowsAfter(db, where, key, query.sort.direction, position, batchSize);
  }
}

export type LeadPage = {
  rows: LeadSummary[];
  /** Matches of the whole view, counted up to the window; `totalCapped` when there are more. */
  total: number;
  totalCapped: boolean;
  /**
   * When the total is capped but every chosen status was counted (each up to the window): their
   * sum, a true lower bound ("at least 19,936") that agrees with the status counts. Null when
   * the total is exact or nothing better than "more than the window" is known.
   */
  totalAtLeast: number | null;
  /** Per nurture status, for the current filters other than status (each capped likewise). */
  statusCounts: Record<LeadStatus, number | null>;
  cappedStatuses: LeadStatus[];
};

/** True when the query filters on more than scope, test leads and status. */
function hasNarrowingFilter(query: LeadListQuery): boolean {
  return Boolean(
    query.source?.length ||
    query.action?.length ||
    query.offer?.length ||
    query.stage?.length ||
    query.country?.length ||
    (query.owner && query.owner !== 'anyone') ||
    query.dnc ||
    query.sla ||
    query.reached ||
    query.received ||
    query.from ||
    query.to ||
    query.q ||
    query.sort.key === 'nextFollowUpAt',
  );
}

/**
 * The index a page is read from, ids first, when it holds every column the page's filters check
 * (null: the usual plan). The list's usual walk reads a row for every lead it passes over, to
 * check the test flag and the filters; from these indexes the page's ids come from the index
 * alone, then only their rows are read.
 * - The dashboard's partial index of real leads holds in received order the scope, status, date
 *   and nurture-step columns. Leads reach a nurture step weeks after arriving, so the newest
 *   leads hold few of them: a page of won leads read ~40k rows to find 50. A deep page passes
 *   over up to 10,000 rows; the index passes over as many narrow entries.
 * - The follow-up index holds the due date, status, do-not-contact, test flag and owner: due
 *   follow-ups newest first are its entries sorted. Walking the received-time index instead read
 *   a row for every lead newer than the page, and the newest have no follow-up yet: after the
 *   benchmark's ~70,000 new leads, p95 63 ms over HTTP against 18 ms now (~5 ms of it the query).
 */
function pageIndex(query: LeadListQuery, key: LeadSortKey, offset: number): IndexName | null {
  if (key !== 'receivedAt' || query.q || query.ids?.length) return null;
  const categorical =
    query.source?.length || query.action?.length || query.offer?.length || query.stage?.length || query.country?.length;
  if (query.sla === 'follow_up_due' || query.sla === 'follow_up_overdue') {
    return categorical || query.reached ? null : 'leads_follow_up_idx';
  }
  if (query.includeTest || categorical || query.dnc || query.sla) return null;
  return query.reached || offset >= DEEP_PAGE_OFFSET ? 'leads_dashboard_idx' : null;
}

type IndexName = 'leads_dashboard_idx' | 'leads_follow_up_idx';

const DEEP_PAGE_OFFSET = 1_000;

function pageFromIndex(
  db: Db,
  index: IndexName,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  offset: number,
): LeadSummary[] {
  // INDEXED BY fails the query rather than fall back to another plan if the index cannot serve it.
  const ids = db
    .all<{ id: number }>(
      sql`select ${leads.id} as id from ${leads} indexed by ${sql.raw(index)} where ${where} order by ${sql.join(order, sql`, `)} limit ${limit} offset ${offset}`,
    )
    .map((row) => row.id);
  return ids.length ? summaries(listRows(db, inArray(leads.id, ids), order).values()) : [];
}

/**
 * Test leads per status, in one pass over their own partial index (a few hundred at most, in
 * practice: they are purged after their retention). Past MAX_WINDOW of them the counts are capped.
 * Status and owner are hidden from the planner, which otherwise walks the status index.
 */
function testLeadCounts(db: Db, scope: LeadScope): { counts: Map<LeadStatus, number>; capped: boolean } {
  const matches = db
    .select({ status: sql<LeadStatus>`+${leads.status}`.as('status') })
    .from(leads)
    .where(and(sql`${leads.isTest} = 1`, hiddenScope(scope)))
    .limit(MAX_WINDOW + 1)
    .as('matches');
  const groups = db
    .select({ status: matches.status, n: count() })
    .from(matches)
    .groupBy(sql`${matches.status}`)
    .all();
  const counts = new Map(groups.map((group) => [group.status, group.n]));
  return { counts, capped: groups.reduce((sum, group) => sum + group.n, 0) > MAX_WINDOW };
}

/** Counts at most `MAX_WINDOW + 1` matching rows: bounded work however broad the view. */
export function boundedCount(db: Db, where: SQL | undefined, bound = MAX_WINDOW + 1): number {
  const inner = db
    .select({ one: sql`1` })
    .from(leads)
    .where(where)
    .limit(bound);
  return db.select({ n: count() }).from(inner.as('matches')).get()?.n ?? 0;
}

/** No count capped: every status at 0 until counted. */
const zeroCounts = () =>
  Object.fromEntries(LEAD_STATUSES.map((status) => [status, 0])) as Record<LeadStatus, number | null>;

/**
 * A search's page and counts in one pass over its matches (at most MAX_WINDOW, the search index's
 * newest): each match's status in list order. The counts take all of them, the page those of the
 * chosen statuses. (As a page query and a count query, each read every match's row: 26 ms for a
 * common name at a million leads, against about 15.)
 */
function searchPage(db: Db, query: LeadListQuery, conditions: Condition[], order: SQL[], offset: number): LeadPage {
  // As plain [id, status] arrays: mapping 10,000 rows to objects cost a few ms more.
  const matches = db
    .select({ id: leads.id, status: leads.status })
    .from(leads)
    .where(and(...spelled(conditions, 'count'), realLeads(query, 'count')))
    .orderBy(...order)
    .values() as [number, LeadStatus][];
  const statusCounts = zeroCounts();
  for (const [, status] of matches) statusCounts[status] = (statusCounts[status] ?? 0) + 1;
  const listed = query.status?.length ? matches.filter(([, status]) => query.status!.includes(status)) : matches;
  const ids = listed.slice(offset, offset + query.pageSize).map(([id]) => id);
  const rows = ids.length ? summaries(listRows(db, inArray(leads.id, ids), order).values()) : [];
  return { rows, total: listed.length, totalCapped: false, totalAtLeast: null, statusCounts, cappedStatuses: [] };
}

export function getLeads(db: Db, context: ListContext, query: LeadListQuery): LeadPage {
  // Built once: the filters may probe the database (offer ids, multi-value and date selectivity).
  const conditions = filterConditions(context, query);
  const key = effectiveSortKey(query);
  const order = orderBy(key, query.sort.direction);
  const offset = (query.page - 1) * query.pageSize;
  if (query.q) return searchPage(db, query, conditions, order, offset);
  // The page's own conditions (the status pills included), spelled for an index read or a walk.
  const pageWhere = (spelling: 'count' | 'list') =>
    and(...spelled([...conditions, statusCondition(context, query)], spelling), realLeads(query, spelling));
  const index = pageIndex(query, key, offset);
  const rows = index
    ? pageFromIndex(db, index, pageWhere('count'), order, query.pageSize, offset)
    : summaries(listRows(db, pageWhere('list'), order).limit(query.pageSize).offset(offset).values());
  const filters = spelled(conditions, 'count');
  const base = and(...filters, realLeads(query, 'count'));
  const statusCounts = zeroCounts();
  const cappedStatuses: LeadStatus[] = [];
  // The whole workspace (or a rep's scope): each status is counted by seeks of the (status,
  // owner) index of real leads, which answers without reading a row — one seek for everyone's
  // leads, two for a rep's (their own, then the unassigned: as one OR condition, SQLite walked
  // every owner's entries of the status, 60 ms for a rep's first page). Test leads, when
  // included, are the few of their own partial index (counting them with the real ones read a row
  // per lead: 0.7 s for a rep). No total first: it is the sum.
  const wholeScope = !hasNarrowingFilter(query) && !query.ids?.length;
  const narrow = !wholeScope && boundedCount(db, base) <= MAX_WINDOW;
  if (wholeScope) {
    const tests = query.includeTest ? testLeadCounts(db, context.scope) : null;
    for (const status of LEAD_STATUSES) {
      let n = scopeSeeks(context.scope).reduce(
        (sum, seek) => sum + boundedCount(db, and(seek, sql`${leads.isTest} is 0`, sql`${leads.status} = ${status}`)),
        0,
      );
      const testLeads = tests?.counts.get(status) ?? 0;
      n += tests?.capped && testLeads ? MAX_WINDOW + 1 : testLeads;
      statusCounts[status] = Math.min(n, MAX_WINDOW);
      if (n > MAX_WINDOW) cappedStatuses.push(status);
    }
  } else if (narrow) {
    // At most MAX_WINDOW rows: one grouped pass gives exact counts. It groups the bounded
    // matches, so it reads them the way the count did (a bare GROUP BY could walk the whole
    // status index to save a sort).
    const matches = db
      .select({ status: leads.status })
      .from(leads)
      .where(base)
      .limit(MAX_WINDOW + 1)
      .as('matches');
    const groups = db.select({ status: matches.status, n: count() }).from(matches).groupBy(matches.status).all();
    for (const group of groups) statusCounts[group.status] = group.n;
  } else if (!hasNarrowingFilter(query)) {
    // A broad list of ids: each status is a bounded count.
    for (const status of LEAD_STATUSES) {
      const n = boundedCount(db, and(...filters, realLeads(query, 'statusCount'), sql`${leads.status} = ${status}`));
      statusCounts[status] = Math.min(n, MAX_WINDOW);
      if (n > MAX_WINDOW) cappedStatuses.push(status);
    }
  } else {
    // A broad filtered view: per-status counts would each walk an index over the whole
    // filtered set, so only the (capped) total is given.
    for (const status of LEAD_STATUSES) statusCounts[status] = null;
  }
  let total = 0;
  for (const status of LEAD_STATUSES) {
    if (!query.status?.length || query.status.includes(status)) total += statusCounts[status] ?? 0;
  }
  const counted = narrow || !Object.values(statusCounts).includes(null);
  if (!counted) total = MAX_WINDOW + 1;
  const totalCapped = cappedStatuses.some((status) => !query.status?.length || query.status.includes(status));
  return {
    rows,
    total: Math.min(total, MAX_WINDOW),
    totalCapped: totalCapped || total > MAX_WINDOW,
    totalAtLeast: counted && (totalCapped || total > MAX_WINDOW) ? total : null,
    statusCounts,
    cappedStatuses,
  };
}

/** A list as a walk: which leads, and the sort (a key's expressions in one direction) they follow. */
export type LeadWalk = { where: SQL | undefined; key: LeadSortKey; direction: SortDirection };

/** Where a lead stands in a list: its neighbours and its place (1-based). */
export type ListPosition = {
  previous: number | null;
  next: number | null;
  /** False when the lead is not (or no longer) in the list: its neighbours are still where it was. */
  inList: boolean;
  /** Null when the lead is not in the list, or lies past the first `MAX_WINDOW`. */
  index: number | null;
};

/**
 * A lead's neighbours and place in a list's order, by keyset seeks from its sort position: the
 * next lead may be on another page. The place counts the leads before it, at most MAX_WINDOW.
 */
export function positionInWalk(db: Db, walk: LeadWalk, leadId: number): ListPosition {
  const position = sortValues(db, walk.key, leadId);
  if (!position) return { previous: null, next: null, inList: false, index: null };
  const reverse: SortDirection = walk.direction === 'asc' ? 'desc' : 'asc';
  const neighbour = (direction: SortDirection) =>
    rowsAfter(db, walk.where, walk.key, direction, position, 1)[0]?.id ?? null;
  const member = db
    .select({ id: leads.id })
    .from(leads)
    .where(and(walk.where, eq(leads.id, leadId)))
    .get();
  let before = 0;
  if (member) {
    for (const part of keysetParts(walk.key, reverse, position)) {
      before += boundedCount(db, and(walk.where, part.where), MAX_WINDOW - before);
      if (before >= MAX_WINDOW) break;
    }
  }
  return {
    previous: neighbour(reverse),
    next: neighbour(walk.direction),
    inList: Boolean(member),
    index: member && before < MAX_WINDOW ? before + 1 : null,
  };
}

/**
 * The leads before and after one lead in a list's order, and its place. (Not the list's size: a
 * broad filtered view's count can cost as much as the list page itself.)
 */
export function getLeadNeighbours(db: Db, context: ListContext, query: LeadListQuery, leadId: number): ListPosition {
  return positionInWalk(
    db,
    { where: leadListWhere(context, query), key: effectiveSortKey(query), direction: query.sort.direction },
    leadId,
  );
}

const utf8 = new TextDecoder('utf-8');

/** One lead with its journey, or null when it does not exist or is outside the viewer's scope. */
export function getLeadById(db: Db, scope: LeadScope, id: number): LeadDetail | null {
  const row = db
    .select({ ...summaryColumns, emailNormalized: leads.emailNormalized, erasedAt: leads.erasedAt })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(and(eq(leads.id, id), scopeCondition(scope)))
    .get();
  if (!row) return null;
  const { emailNormalized, ...lead } = row;
  const events = db
    .select()
    .from(leadEvents)
    .where(eq(leadEvents.leadId, id))
    .orderBy(asc(leadEvents.receivedAt), asc(leadEvents.id))
    .all()
    .map(({ rawBody, dedupeHash: _hash, intakeKeyId: _key, ...event }) => ({
      ...event,
      rawBody: utf8.decode(rawBody),
    }));
  const otherLeads = emailNormalized
    ? db
        .select({
          id: leads.id,
          offerTitle: leads.offerTitle,
          offerId: leads.offerId,
          action: leads.action,
          stage: leads.stage,
          status: leads.status,
          receivedAt: leads.receivedAt,
        })
        .from(leads)
        // The merge key starts with the email: its unique index serves this range.
        .where(
          and(
            gte(leads.mergeKey, `${emailNormalized}\u0000`),
            lt(leads.mergeKey, `${emailNormalized}\u0001`),
            ne(leads.id, id),
            scopeCondition(scope),
          ),
        )
        .orderBy(desc(leads.receivedAt))
        .limit(50)
        .all()
    : [];
  return { ...lead, events, otherLeads };
}

/** The newest real leads, for the first screen. */
export function getLatestLeads(db: Db, scope: LeadScope, limit = 8): LeadSummary[] {
  return db
    .select(summaryColumns)
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(and(eq(leads.isTest, false), scopeCondition(scope)))
    .orderBy(desc(leads.receivedAt), desc(leads.id))
    .limit(limit)
    .all();
}

/**
 * Headline counts for the first screen; test leads never count. Index-only counts: all leads on
 * received_at minus the few test leads (their own partial index), and do-not-contact leads on
 * theirs. A rep's scope needs the rows, so a rep's counts read the owner index instead.
 */
export function getLeadCounts(
  db: Db,
  scope: LeadScope,
  now = new Date(),
): { total: number; lastWeek: number; doNotContact: number } {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const countWhere = (where: SQL | undefined) =>
    db
      .select({ n: count() })
      .from(leads)
      .where(and(where, scopeCondition(scope)))
      .get()?.n ?? 0;
  const real = (where: SQL | undefined) => countWhere(where) - countWhere(and(where, sql`${leads.isTest} = 1`));
  return {
    total: real(undefined),
    lastWeek: real(gte(leads.receivedAt, weekAgo)),
    doNotContact: countWhere(and(sql`${leads.doNotContact} = 1`, sql`+${leads.isTest} = 0`)),
  };
}
