import crypto from 'node:crypto';
import type { Db } from '@/db';
import { intakeKeys } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import {
  normaliseEmail,
  normaliseMarketplacePayload,
  type NormalisedLead,
} from '@/lib/marketplace/payload';
import { higherStage, type LeadStage } from '@/lib/marketplace/vocabulary';

/** A retry is the same lead delivered again within this window. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type Delivery = {
  rawBody: Buffer;
  contentType: string | null;
  receivedAt: Date;
  intakeKeyId: number | null;
};

export type IngestResult = {
  leadId: number;
  eventId: number;
  duplicate: boolean;
  /** True when the delivery joined an existing lead's journey. */
  merged: boolean;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes and parses the body as JSON whatever the Content-Type says. */
export function parseDeliveryBody(rawBody: Buffer): unknown {
  if (rawBody.byteLength === 0) {
    throw new AppError('invalid_json', 'The body is empty; send the lead as a JSON object.');
  }
  let text: string;
  try {
    text = utf8.decode(rawBody);
  } catch {
    throw new AppError('invalid_json', 'The body is not valid UTF-8 text.');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_json', 'The body is not valid JSON.', {
      details: [{ field: '(body)', message: error instanceof Error ? error.message : 'parse error' }],
    });
  }
}

/** The identity of a delivery's content: the same fields again within 24 hours is a retry. */
export function dedupeHash(lead: NormalisedLead): Buffer {
  const fields = [
    lead.firstName,
    lead.lastName,
    normaliseEmail(lead.email),
    lead.phone,
    lead.country,
    lead.company,
    lead.title,
    lead.leadSource,
    lead.actionCode,
    lead.offerTitle,
    lead.description,
  ];
  // 128 bits keep the index small; a collision within 24 hours is not a realistic event.
  return crypto.hash('sha256', JSON.stringify(fields), 'buffer').subarray(0, 16);
}

/** Parses and validates a raw body into a lead, or throws a 400/422 AppError. */
export function prepareDelivery(rawBody: Buffer): NormalisedLead {
  return normaliseMarketplacePayload(parseDeliveryBody(rawBody));
}

/** Parses, validates and stores one webhook delivery; returns only after the commit. */
export function receiveDelivery(db: Db, delivery: Delivery): IngestResult {
  const lead = prepareDelivery(delivery.rawBody);
  return db.transaction(
    (tx) => {
      const result = ingestLead(db, lead, delivery);
      if (delivery.intakeKeyId !== null) {
        tx.update(intakeKeys)
          .set({ lastUsedAt: delivery.receivedAt })
          .where(eq(intakeKeys.id, delivery.intakeKeyId))
          .run();
      }
      return result;
    },
    { behavior: 'immediate' },
  );
}

type IngestStatements = ReturnType<typeof prepareIngestStatements>;
const statementCache = new WeakMap<object, IngestStatements>();

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
};

/**
 * The ingest path's statements, prepared once per connection and run on better-sqlite3 directly.
 * This is the one place that bypasses drizzle's query builder: its per-call parameter filling and
 * row mapping cost more than SQLite's own work here, and the seed pushes a million leads through
 * this path (see the README's Performance notes). Values are in their stored form: times as epoch
 * milliseconds, flags as 0/1. No RETURNING: on SQLite it costs more than the insert itself
 * (ids come from lastInsertRowid). Column names follow db/schema.ts; the service tests cover them.
 */
function prepareIngestStatements(db: Db) {
  const client = db.$client;
  const offerColumns = 'key, publisher_id, offer_id, title, title_key, created_at';
  return {
    findRetry: client.prepare<{ hash: Buffer; since: number }, { leadId: number; eventId: number }>(
      `select lead_id as leadId, id as eventId from lead_events
       where dedupe_hash = @hash and received_at >= @since
       order by received_at desc limit 1`,
    ),
    findOfferByTitle: client.prepare<{ titleKey: string }, { key: string }>(
      'select key from offers where title_key = @titleKey order by id limit 1',
    ),
    findOffer: client.prepare<{ key: string }, OfferState>(
      `select id, title, first_lead_at as firstLeadAt, last_lead_at as lastLeadAt,
              last_test_lead_at as lastTestLeadAt
       from offers where key = @key`,
    ),
    insertOffer: client.prepare<Record<string, unknown>>(
      `insert into offers (key, publisher_id, offer_id, title, title_key, first_lead_at, last_lead_at,
         last_test_lead_at, created_at)
       values (@key, @publisherId, @offerId, @title, @titleKey, @firstLeadAt, @lastLeadAt,
         @lastTestLeadAt, @createdAt)`,
    ),
    updateOffer: client.prepare<Record<string, unknown>>(
      `update offers set title = @title, title_key = @titleKey, first_lead_at = @firstLeadAt,
         last_lead_at = @lastLeadAt, last_test_lead_at = @lastTestLeadAt,
         publisher_id = coalesce(publisher_id, @publisherId), offer_id = coalesce(offer_id, @offerId)
       where id = @id`,
    ),
    countOfferLead: client.prepare<{ id: number }>('update offers set lead_count = lead_count + 1 where id = @id'),
    findLead: client.prepare<{ mergeKey: string }, ExistingLead>(
      `select id, email, first_name, last_name, phone, country, company, title, description,
              publisher_id, offer_id, offer_title, source, action, stage, do_not_contact,
              received_at, last_event_at
       from leads where merge_key = @mergeKey`,
    ),
    updateLead: client.prepare<Record<string, unknown>>(
      `update leads set
         email = @email, first_name = @firstName, last_name = @lastName, phone = @phone,
         country = @country, company = @company, title = @title, description = @description,
         publisher_id = @publisherId, offer_id = @offerId, offer_title = @offerTitle,
         source = @source, action = @action, stage = @stage, do_not_contact = @doNotContact,
         event_count = event_count + 1, received_at = @receivedAt, last_event_at = @lastEventAt,
         updated_at = @updatedAt
       where id = @id`,
    ),
    insertLead: client.prepare<Record<string, unknown>>(
      `insert into leads (merge_key, email, email_normalized, first_name, last_name, phone, country,
         company, title, description, offer_ref, publisher_id, offer_id, offer_title, source, action,
         stage, status, is_test, do_not_contact, event_count, received_at, last_event_at, updated_at)
       values (@mergeKey, @email, @emailNormalized, @firstName, @lastName, @phone, @country,
         @company, @title, @description, @offerRef, @publisherId, @offerId, @offerTitle, @source,
         @action, @stage, 'new', @isTest, @doNotContact, 1, @at, @at, @at)`,
    ),
    insertEvent: client.prepare<Record<string, unknown>>(
      `insert into lead_events (lead_id, received_at, raw_body, content_type, dedupe_hash,
         intake_key_id, lead_source, action_code, source, action, publisher_id, offer_id,
         offer_title, first_name, last_name, email, phone, country, company, title, description, is_test)
       values (@leadId, @at, @rawBody, @contentType, @hash, @intakeKeyId, @leadSource, @actionCode,
         @source, @action, @publisherId, @offerId, @offerTitle, @firstName, @lastName, @email,
         @phone, @country, @company, @title, @description, @isTest)`,
    ),
  };
}

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
    return statements.findOfferByTitle.get({ titleKey })?.key ?? `title:${titleKey}`;
  }
  return lead.offerId ? lead.offerId.toLowerCase() : null;
}

const bit = (value: boolean) => (value ? 1 : 0);

const earliest = (a: number | null, b: number) => (a === null ? b : Math.min(a, b));
const latest = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));

/**
 * Adds the delivery's offer to the catalog or updates it, writing only when something changed
 * (most deliveries of a known offer change nothing). Real leads move the first/last lead times
 * and the title; a test lead only marks the connection as verified and never renames an offer.
 */
function recordOfferTraffic(statements: IngestStatements, key: string, lead: NormalisedLead, at: number): number {
  const known = statements.findOffer.get({ key });
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
  const values = {
    ...next,
    titleKey: next.title?.toLowerCase() ?? null,
    publisherId: lead.publisherId,
    offerId: lead.offerId,
  };
  if (!known) {
    return Number(statements.insertOffer.run({ ...values, key, createdAt: at }).lastInsertRowid);
  }
  if (
    next.title !== known.title ||
    next.firstLeadAt !== known.firstLeadAt ||
    next.lastLeadAt !== known.lastLeadAt ||
    next.lastTestLeadAt !== known.lastTestLeadAt
  ) {
    statements.updateOffer.run({ ...values, id: known.id });
  }
  return known.id;
}

/**
 * Stores one normalised delivery. Must run inside a transaction (receiveDelivery opens one; the
 * seed batches many). A retry within 24 hours is recognised and stores nothing; otherwise the
 * delivery becomes an event of the lead for this person (normalised email) and offer, created on
 * first sight. Deliveries without an email are never merged.
 */
export function ingestLead(db: Db, lead: NormalisedLead, delivery: Delivery): IngestResult {
  const statements = statementsFor(db);
  const at = delivery.receivedAt.getTime();
  const hash = dedupeHash(lead);
  const retry = statements.findRetry.get({ hash, since: at - DUPLICATE_WINDOW_MS });
  if (retry) return { ...retry, duplicate: true, merged: false };

  const offerKey = offerKeyFor(statements, lead);
  const offerRef = offerKey ? recordOfferTraffic(statements, offerKey, lead, at) : null;
  const emailNormalized = normaliseEmail(lead.email);
  const mergeKey = emailNormalized ? `${emailNormalized}\u0000${offerKey ?? ''}` : null;
  const existing = mergeKey ? statements.findLead.get({ mergeKey }) : undefined;
  const doNotContact = lead.action === 'DNC';

  let leadId: number;
  if (existing) {
    // Replayed deliveries may be older than what we hold: only the newest delivery sets
    // the "latest" fields, but any delivery fills a gap.
    const newest = at >= existing.last_event_at;
    const pick = <T>(incoming: T | null, current: T | null): T | null =>
      newest ? (incoming ?? current) : (current ?? incoming);
    statements.updateLead.run({
      id: existing.id,
      email: pick(lead.email, existing.email),
      firstName: pick(lead.firstName, existing.first_name),
      lastName: pick(lead.lastName, existing.last_name),
      phone: pick(lead.phone, existing.phone),
      country: pick(lead.country, existing.country),
      company: pick(lead.company, existing.company),
      title: pick(lead.title, existing.title),
      description: pick(lead.description, existing.description),
      publisherId: pick(lead.publisherId, existing.publisher_id),
      offerId: pick(lead.offerId, existing.offer_id),
      offerTitle: pick(lead.offerTitle, existing.offer_title),
      source: pick(lead.source, existing.source),
      action: pick(lead.action, existing.action),
      stage: higherStage(existing.stage, lead.stage),
      doNotContact: bit(existing.do_not_contact === 1 || doNotContact),
      receivedAt: Math.min(at, existing.received_at),
      lastEventAt: Math.max(at, existing.last_event_at),
      updatedAt: Date.now(),
    });
    leadId = existing.id;
  } else {
    leadId = Number(statements.insertLead.run({
      mergeKey,
      email: lead.email,
      emailNormalized,
      firstName: lead.firstName,
      lastName: lead.lastName,
      phone: lead.phone,
      country: lead.country,
      company: lead.company,
      title: lead.title,
      description: lead.description,
      offerRef,
      publisherId: lead.publisherId,
      offerId: lead.offerId,
      offerTitle: lead.offerTitle,
      source: lead.source,
      action: lead.action,
      stage: lead.stage,
      isTest: bit(lead.isTest),
      doNotContact: bit(doNotContact),
      at,
    }).lastInsertRowid);
    if (offerRef !== null && !lead.isTest) statements.countOfferLead.run({ id: offerRef });
  }

  const eventId = Number(statements.insertEvent.run({
    leadId,
    at,
    rawBody: delivery.rawBody,
    contentType: delivery.contentType,
    hash,
    intakeKeyId: delivery.intakeKeyId,
    leadSource: lead.leadSource,
    actionCode: lead.actionCode,
    source: lead.source,
    action: lead.action,
    publisherId: lead.publisherId,
    offerId: lead.offerId,
    offerTitle: lead.offerTitle,
    firstName: lead.firstName,
    lastName: lead.lastName,
    email: lead.email,
    phone: lead.phone,
    country: lead.country,
    company: lead.company,
    title: lead.title,
    description: lead.description,
    isTest: bit(lead.isTest),
  }).lastInsertRowid);

  return { leadId, eventId, duplicate: false, merged: Boolean(existing) };
}
