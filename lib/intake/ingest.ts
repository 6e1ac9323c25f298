// Storing a prepared delivery: the retry check, the offer catalog, the person-and-offer lead and
// the immutable event. Shared by the webhook (one delivery per transaction) and the seed (many).
import type { Db } from '@/db';
import { withToken } from '@/lib/leads/journey-tokens';
import { normaliseEmail, type NormalisedLead } from '@/lib/marketplace/payload';
import { higherStage, type LeadStage } from '@/lib/marketplace/vocabulary';

/** A retry is the same lead delivered again within this window. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type Delivery = {
  rawBody: Buffer;
  contentType: string | null;
  receivedAt: Date;
  intakeKeyId: number | null;
};

/** A delivery parsed and ready to store: everything ingest needs that does not touch the database. */
export type PreparedDelivery = { lead: NormalisedLead; dedupeHash: Buffer };

export type IngestResult = {
  leadId: number;
  eventId: number;
  duplicate: boolean;
  /** True when the delivery joined an existing lead's journey. */
  merged: boolean;
};

type OfferState = {
  id: number;
  title: string | null;
  firstLeadAt: number | null;
  lastLeadAt: number | null;
  lastTestLeadAt: number | null;
};

type ExistingLead = {
  id: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  country: string | null;
  company: string | null;
  title: string | null;
  description: string | null;
  publisher_id: string | null;
  offer_id: string | null;
  offer_title: string | null;
  source: string | null;
  action: string | null;
  stage: LeadStage | null;
  do_not_contact: number;
  received_at: number;
  last_event_at: number;
  last_activity_at: number;
  journey_sources: string;
  journey_actions: string;
};

// Column lists in binding order. Rows are written as records keyed by column (so a missing or
// misspelt column is a type error) and bound by position: better-sqlite3's named binding looks
// every name up through the V8 API and costs more than SQLite's own work for these wide rows.
const EVENT_COLUMNS = [
  'lead_id',
  'received_at',
  'raw_body',
  'content_type',
  'dedupe_hash',
  'intake_key_id',
  'lead_source',
  'action_code',
  'source',
  'action',
  'publisher_id',
  'offer_id',
  'offer_title',
  'first_name',
  'last_name',
  'email',
  'phone',
  'country',
  'company',
  'title',
  'description',
  'is_test',
] as const;
const NEW_LEAD_COLUMNS = [
  'merge_key',
  'email',
  'email_normalized',
  'first_name',
  'last_name',
  'phone',
  'country',
  'company',
  'title',
  'description',
  'offer_ref',
  'publisher_id',
  'offer_id',
  'offer_title',
  'source',
  'action',
  'stage',
  'status',
  'is_test',
  'do_not_contact',
  'event_count',
  'journey_sources',
  'journey_actions',
  'received_at',
  'last_event_at',
  'last_activity_at',
  'updated_at',
] as const;
const MERGED_LEAD_COLUMNS = [
  'email',
  'first_name',
  'last_name',
  'phone',
  'country',
  'company',
  'title',
  'description',
  'publisher_id',
  'offer_id',
  'offer_title',
  'source',
  'action',
  'stage',
  'do_not_contact',
  'journey_sources',
  'journey_actions',
  'received_at',
  'last_event_at',
  'last_activity_at',
  'updated_at',
] as const;
const NEW_OFFER_COLUMNS = [
  'key',
  'publisher_id',
  'offer_id',
  'title',
  'title_key',
  'first_lead_at',
  'last_lead_at',
  'last_test_lead_at',
  'lead_count',
  'created_at',
] as const;

type Row<Columns extends readonly string[]> = { [Column in Columns[number]]: unknown };

function values<const Columns extends readonly string[]>(columns: Columns, row: Row<Columns>): unknown[] {
  return columns.map((column: Columns[number]) => row[column]);
}

const placeholders = (columns: readonly string[]) => columns.map(() => '?').join(', ');

/**
 * The ingest path's statements, prepared once per connection and run on better-sqlite3 directly.
 * This is the one place that bypasses drizzle's query builder: its per-call parameter filling and
 * row mapping cost more than SQLite's own work here, and the seed pushes a million leads through
 * this path (see the README's Performance notes). Values are in their stored form: times as epoch
 * milliseconds, flags as 0/1. No RETURNING: on SQLite it costs more than the insert itself
 * (ids come from lastInsertRowid). Column names follow db/schema.ts; the ingest tests cover them.
 */
function prepareIngestStatements(db: Db) {
  const client = db.$client;
  return {
    findRetry: client.prepare<[hash: Buffer, since: number], { leadId: number; eventId: number }>(
      `select lead_id as leadId, id as eventId from lead_events
       where dedupe_hash = ? and received_at >= ?
       order by received_at desc limit 1`,
    ),
    findOfferByTitle: client.prepare<[titleKey: string], { key: string }>(
      'select key from offers where title_key = ? order by id limit 1',
    ),
    findOffer: client.prepare<[key: string], OfferState>(
      `select id, title, first_lead_at as firstLeadAt, last_lead_at as lastLeadAt,
              last_test_lead_at as lastTestLeadAt
       from offers where key = ?`,
    ),
    insertOffer: client.prepare<unknown[]>(
      `insert into offers (${NEW_OFFER_COLUMNS.join(', ')}) values (${placeholders(NEW_OFFER_COLUMNS)})`,
    ),
    updateOffer: client.prepare<
      [
        title: string | null,
        titleKey: string | null,
        firstLeadAt: number | null,
        lastLeadAt: number | null,
        lastTestLeadAt: number | null,
        newLeads: number,
        publisherId: string | null,
        offerId: string | null,
        id: number,
      ]
    >(
      `update offers set title = ?, title_key = ?, first_lead_at = ?, last_lead_at = ?,
         last_test_lead_at = ?, lead_count = lead_count + ?,
         publisher_id = coalesce(publisher_id, ?), offer_id = coalesce(offer_id, ?)
       where id = ?`,
    ),
    countOfferLead: client.prepare<[id: number]>('update offers set lead_count = lead_count + 1 where id = ?'),
    findLead: client.prepare<[mergeKey: string], ExistingLead>(
      `select id, email, first_name, last_name, phone, country, company, title, description,
              publisher_id, offer_id, offer_title, source, action, stage, do_not_contact,
              received_at, last_event_at, last_activity_at, journey_sources, journey_actions
       from leads where merge_key = ?`,
    ),
    updateLead: client.prepare<unknown[]>(
      `update leads set ${MERGED_LEAD_COLUMNS.map((column) => `${column} = ?`).join(', ')},
         event_count = event_count + 1
       where id = ?`,
    ),
    insertLead: client.prepare<unknown[]>(
      `insert into leads (${NEW_LEAD_COLUMNS.join(', ')}) values (${placeholders(NEW_LEAD_COLUMNS)})`,
    ),
    insertEvent: client.prepare<unknown[]>(
      `insert into lead_events (${EVENT_COLUMNS.join(', ')}) values (${placeholders(EVENT_COLUMNS)})`,
    ),
  };
}

type IngestStatements = ReturnType<typeof prepareIngestStatements>;
const statementCache = new WeakMap<object, IngestStatements>();

function statementsFor(db: Db): IngestStatements {
  let statements = statementCache.get(db.$client);
  if (!statements) {
    statements = prepareIngestStatements(db);
    statementCache.set(db.$client, statements);
  }
  return statements;
}

function offerKeyFor(statements: IngestStatements, lead: NormalisedLead): string | null {
  if (lead.publisherId && lead.offerId) return `${lead.publisherId}.${lead.offerId}`.toLowerCase();
  if (lead.offerTitle) {
    // No offer id (Microsoft's source-only LeadSource): join the offer already known by this title.
    const titleKey = lead.offerTitle.toLowerCase();
    return statements.findOfferByTitle.get(titleKey)?.key ?? `title:${titleKey}`;
  }
  return lead.offerId ? lead.offerId.toLowerCase() : null;
}

const bit = (value: boolean) => (value ? 1 : 0);

const earliest = (a: number | null, b: number) => (a === null ? b : Math.min(a, b));
const latest = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));

/**
 * Adds the delivery's offer to the catalog or updates it, writing only when something changed
 * (most deliveries of a known offer change nothing but its lead count). Real leads move the
 * first/last lead times and the title; a test lead only marks the connection as verified and
 * never renames an offer. `newLead` counts a real lead that this delivery creates.
 */
function recordOfferTraffic(
  statements: IngestStatements,
  key: string,
  lead: NormalisedLead,
  at: number,
  newLead: boolean,
): number {
  const known = statements.findOffer.get(key);
  const current: Omit<OfferState, 'id'> = known ?? {
    title: null,
    firstLeadAt: null,
    lastLeadAt: null,
    lastTestLeadAt: null,
  };
  const next = lead.isTest
    ? { ...current, title: current.title ?? lead.offerTitle, lastTestLeadAt: latest(current.lastTestLeadAt, at) }
    : {
        ...current,
        title: lead.offerTitle ?? current.title,
        firstLeadAt: earliest(current.firstLeadAt, at),
        lastLeadAt: latest(current.lastLeadAt, at),
      };
  const titleKey = next.title?.toLowerCase() ?? null;
  if (!known) {
    const row = values(NEW_OFFER_COLUMNS, {
      key,
      publisher_id: lead.publisherId,
      offer_id: lead.offerId,
      title: next.title,
      title_key: titleKey,
      first_lead_at: next.firstLeadAt,
      last_lead_at: next.lastLeadAt,
      last_test_lead_at: next.lastTestLeadAt,
      lead_count: bit(newLead),
      created_at: at,
    });
    return Number(statements.insertOffer.run(row).lastInsertRowid);
  }
  if (
    next.title !== known.title ||
    next.firstLeadAt !== known.firstLeadAt ||
    next.lastLeadAt !== known.lastLeadAt ||
    next.lastTestLeadAt !== known.lastTestLeadAt
  ) {
    statements.updateOffer.run(
      next.title,
      titleKey,
      next.firstLeadAt,
      next.lastLeadAt,
      next.lastTestLeadAt,
      bit(newLead),
      lead.publisherId,
      lead.offerId,
      known.id,
    );
  } else if (newLead) {
    statements.countOfferLead.run(known.id);
  }
  return known.id;
}

/**
 * For a delivery joining a known lead: the newest delivery sets the "latest" fields, but any
 * delivery fills a gap (replayed deliveries may be older than what we hold).
 */
function pick<T>(newest: boolean, incoming: T | null, current: T | null): T | null {
  return newest ? (incoming ?? current) : (current ?? incoming);
}

function mergeIntoLead(statements: IngestStatements, existing: ExistingLead, lead: NormalisedLead, at: number): void {
  const newest = at >= existing.last_event_at;
  const row = values(MERGED_LEAD_COLUMNS, {
    email: pick(newest, lead.email, existing.email),
    first_name: pick(newest, lead.firstName, existing.first_name),
    last_name: pick(newest, lead.lastName, existing.last_name),
    phone: pick(newest, lead.phone, existing.phone),
    country: pick(newest, lead.country, existing.country),
    company: pick(newest, lead.company, existing.company),
    title: pick(newest, lead.title, existing.title),
    description: pick(newest, lead.description, existing.description),
    publisher_id: pick(newest, lead.publisherId, existing.publisher_id),
    offer_id: pick(newest, lead.offerId, existing.offer_id),
    offer_title: pick(newest, lead.offerTitle, existing.offer_title),
    source: pick(newest, lead.source, existing.source),
    action: pick(newest, lead.action, existing.action),
    stage: higherStage(existing.stage, lead.stage),
    do_not_contact: bit(existing.do_not_contact === 1 || lead.action === 'DNC'),
    journey_sources: withToken(existing.journey_sources, lead.source),
    journey_actions: withToken(existing.journey_actions, lead.action),
    received_at: Math.min(at, existing.received_at),
    last_event_at: Math.max(at, existing.last_event_at),
    last_activity_at: Math.max(at, existing.last_activity_at),
    updated_at: Date.now(),
  });
  row.push(existing.id);
  statements.updateLead.run(row);
}

/**
 * Stores one prepared delivery. Must run inside a transaction (receiveDelivery opens one; the
 * seed batches many). A retry within 24 hours is recognised and stores nothing; otherwise the
 * delivery becomes an event of the lead for this person (normalised email) and offer, created on
 * first sight. Deliveries without an email are never merged.
 */
export function ingestLead(db: Db, prepared: PreparedDelivery, delivery: Delivery): IngestResult {
  const { lead, dedupeHash } = prepared;
  const statements = statementsFor(db);
  const at = delivery.receivedAt.getTime();
  const retry = statements.findRetry.get(dedupeHash, at - DUPLICATE_WINDOW_MS);
  if (retry) return { leadId: retry.leadId, eventId: retry.eventId, duplicate: true, merged: false };

  const offerKey = offerKeyFor(statements, lead);
  const emailNormalized = normaliseEmail(lead.email);
  const mergeKey = emailNormalized ? `${emailNormalized}\u0000${offerKey ?? ''}` : null;
  const existing = mergeKey ? statements.findLead.get(mergeKey) : undefined;
  const offerRef = offerKey ? recordOfferTraffic(statements, offerKey, lead, at, !existing && !lead.isTest) : null;

  let leadId: number;
  if (existing) {
    mergeIntoLead(statements, existing, lead, at);
    leadId = existing.id;
  } else {
    const row = values(NEW_LEAD_COLUMNS, {
      merge_key: mergeKey,
      email: lead.email,
      email_normalized: emailNormalized,
      first_name: lead.firstName,
      last_name: lead.lastName,
      phone: lead.phone,
      country: lead.country,
      company: lead.company,
      title: lead.title,
      description: lead.description,
      offer_ref: offerRef,
      publisher_id: lead.publisherId,
      offer_id: lead.offerId,
      offer_title: lead.offerTitle,
      source: lead.source,
      action: lead.action,
      stage: lead.stage,
      status: 'new',
      is_test: bit(lead.isTest),
      do_not_contact: bit(lead.action === 'DNC'),
      event_count: 1,
      journey_sources: withToken('', lead.source),
      journey_actions: withToken('', lead.action),
      received_at: at,
      last_event_at: at,
      last_activity_at: at,
      updated_at: at,
    });
    leadId = Number(statements.insertLead.run(row).lastInsertRowid);
  }

  const event = values(EVENT_COLUMNS, {
    lead_id: leadId,
    received_at: at,
    raw_body: delivery.rawBody,
    content_type: delivery.contentType,
    dedupe_hash: dedupeHash,
    intake_key_id: delivery.intakeKeyId,
    lead_source: lead.leadSource,
    action_code: lead.actionCode,
    source: lead.source,
    action: lead.action,
    publisher_id: lead.publisherId,
    offer_id: lead.offerId,
    offer_title: lead.offerTitle,
    first_name: lead.firstName,
    last_name: lead.lastName,
    email: lead.email,
    phone: lead.phone,
    country: lead.country,
    company: lead.company,
    title: lead.title,
    description: lead.description,
    is_test: bit(lead.isTest),
  });
  const eventId = Number(statements.insertEvent.run(event).lastInsertRowid);

  return { leadId, eventId, duplicate: false, merged: Boolean(existing) };
}
