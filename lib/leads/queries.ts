import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { leadEvents, leadNotes, leads, leadStatusChanges, offers, users, type Lead, type LeadEvent } from '@/db/schema';
import type { LeadScope } from '@/lib/auth/permissions';
import type { LeadListQuery, LeadSortKey } from './search-params';

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
  receivedAt: Date;
  lastEventAt: Date;
};

export type LeadEventView = Omit<LeadEvent, 'rawBody' | 'dedupeHash' | 'intakeKeyId'> & {
  rawBody: string;
};

export type LeadDetail = LeadSummary & {
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
  receivedAt: leads.receivedAt,
  lastEventAt: leads.lastEventAt,
};

/** The leads a viewer may see at all (see lib/auth/permissions leadScope). */
export function scopeCondition(scope: LeadScope): SQL | undefined {
  return scope.kind === 'all' ? undefined : or(eq(leads.ownerId, scope.userId), isNull(leads.ownerId));
}

const SORT_COLUMNS = {
  receivedAt: leads.receivedAt,
  lastEventAt: leads.lastEventAt,
  lastName: leads.lastName,
  firstName: leads.firstName,
  company: leads.company,
  country: leads.country,
  email: leads.emailNormalized,
  offerTitle: leads.offerTitle,
  status: leads.status,
  stage: leads.stage,
} satisfies Record<LeadSortKey, unknown>;

/** `%`, `_` and the escape character itself are literal in a search. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function leadListWhere(scope: LeadScope, query: LeadListQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope)];
  if (!query.includeTest) conditions.push(eq(leads.isTest, false));
  if (query.status?.length) conditions.push(inArray(leads.status, query.status));
  if (query.stage?.length) conditions.push(inArray(leads.stage, query.stage));
  if (query.from) conditions.push(gte(leads.receivedAt, query.from));
  if (query.to) conditions.push(lte(leads.receivedAt, query.to));
  if (query.offer?.length) {
    const keys = query.offer.map((offer) => offer.toLowerCase());
    conditions.push(
      inArray(leads.offerRef, sql`(select ${offers.id} from ${offers} where ${inArray(offers.key, keys)})`),
    );
  }
  // A lead matches a source or action filter when any delivery of its journey does.
  for (const [values, column] of [
    [query.source, leadEvents.source],
    [query.action, leadEvents.action],
  ] as const) {
    if (!values?.length) continue;
    conditions.push(
      sql`exists (select 1 from ${leadEvents} where ${leadEvents.leadId} = ${leads.id} and ${inArray(column, values)})`,
    );
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    const like = (column: SQL | AnySQLiteColumn) => sql`${column} like ${pattern} escape '\\'`;
    conditions.push(
      or(
        like(leads.firstName),
        like(leads.lastName),
        like(sql`${leads.firstName} || ' ' || ${leads.lastName}`),
        like(leads.email),
        like(leads.company),
      ),
    );
  }
  return and(...conditions);
}

/** The list query in its order, unpaged (the export streams it). */
export function leadListSelect(db: Db, scope: LeadScope, query: LeadListQuery) {
  const column = SORT_COLUMNS[query.sort.key];
  const order = query.sort.direction === 'asc' ? asc : desc;
  return db
    .select(summaryColumns)
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(leadListWhere(scope, query))
    // The id tie-breaker keeps pages stable when many leads share a value.
    .orderBy(order(column), order(leads.id));
}

export function getLeads(db: Db, scope: LeadScope, query: LeadListQuery): { rows: LeadSummary[]; total: number } {
  const where = leadListWhere(scope, query);
  const rows = leadListSelect(db, scope, query)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const total = db.select({ total: count() }).from(leads).where(where).get()?.total ?? 0;
  return { rows, total };
}

const utf8 = new TextDecoder('utf-8');

/** One lead with its journey, or null when it does not exist or is outside the viewer's scope. */
export function getLeadById(db: Db, scope: LeadScope, id: number): LeadDetail | null {
  const row = db
    .select({ ...summaryColumns, emailNormalized: leads.emailNormalized })
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
 * Headline counts for the first screen; test leads never count. Three index-only counts
 * (is_test + received_at, and a partial index on do-not-contact) rather than one table scan.
 */
export function getLeadCounts(
  db: Db,
  scope: LeadScope,
  now = new Date(),
): { total: number; lastWeek: number; doNotContact: number } {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const countWhere = (where: SQL | undefined) =>
    db.select({ n: count() }).from(leads).where(and(where, scopeCondition(scope))).get()?.n ?? 0;
  return {
    total: countWhere(eq(leads.isTest, false)),
    lastWeek: countWhere(and(eq(leads.isTest, false), gte(leads.receivedAt, weekAgo))),
    doNotContact: countWhere(and(eq(leads.isTest, false), sql`${leads.doNotContact} = 1`)),
  };
}

export type StatusChange = {
  id: number;
  fromStatus: Lead['status'] | null;
  toStatus: Lead['status'];
  lostReason: string | null;
  changedByLabel: string;
  changedAt: Date;
};

/** A lead's nurture status changes, newest first. Call only for a lead the viewer may see. */
export function getStatusHistory(db: Db, leadId: number): StatusChange[] {
  return db
    .select({
      id: leadStatusChanges.id,
      fromStatus: leadStatusChanges.fromStatus,
      toStatus: leadStatusChanges.toStatus,
      lostReason: leadStatusChanges.lostReason,
      changedByLabel: leadStatusChanges.changedByLabel,
      changedAt: leadStatusChanges.changedAt,
    })
    .from(leadStatusChanges)
    .where(eq(leadStatusChanges.leadId, leadId))
    .orderBy(desc(leadStatusChanges.changedAt), desc(leadStatusChanges.id))
    .all();
}

export type LeadNote = { id: number; body: string; authorLabel: string; createdAt: Date };

/** A lead's notes, newest first. Call only for a lead the viewer may see. */
export function getLeadNotes(db: Db, leadId: number): LeadNote[] {
  return db
    .select({ id: leadNotes.id, body: leadNotes.body, authorLabel: leadNotes.authorLabel, createdAt: leadNotes.createdAt })
    .from(leadNotes)
    .where(eq(leadNotes.leadId, leadId))
    .orderBy(desc(leadNotes.createdAt), desc(leadNotes.id))
    .all();
}
