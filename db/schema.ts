import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LEAD_STAGES, LEAD_STATUSES } from '@/lib/marketplace/vocabulary';

// Times are stored as integer milliseconds since the epoch: compact, indexable, sortable.
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

/** Secrets that authenticate the intake webhook. Only hashes are kept for verification. */
export const intakeKeys = sqliteTable('intake_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull(),
  /** `generated` (made by the app or the CLI) or `env` (mirrors INTAKE_KEY). */
  origin: text('origin', { enum: ['generated', 'env'] }).notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** The first characters, enough to tell keys apart in a list, useless to an attacker. */
  keyPrefix: text('key_prefix').notNull(),
  /** The key encrypted with the app secret (AES-256-GCM), so admins can see the URL again. */
  sealedKey: text('sealed_key'),
  createdAt: timestamp('created_at').notNull(),
  lastUsedAt: timestamp('last_used_at'),
  revokedAt: timestamp('revoked_at'),
});

/** The offer catalog, built from traffic. */
export const offers = sqliteTable(
  'offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `publisherid.offerid` lower-cased, or `title:<title>` when a delivery names no offer id. */
    key: text('key').notNull().unique(),
    publisherId: text('publisher_id'),
    offerId: text('offer_id'),
    title: text('title'),
    /** Lower-cased title, to attach deliveries that carry a title but no offer id. */
    titleKey: text('title_key'),
    /** First and last real (non-test) lead. */
    firstLeadAt: timestamp('first_lead_at'),
    lastLeadAt: timestamp('last_lead_at'),
    /** When a Partner Center test lead last proved the connection. */
    lastTestLeadAt: timestamp('last_test_lead_at'),
    /** Real (non-test) leads of this offer, kept in step at ingest so the catalog never counts rows. */
    leadCount: integer('lead_count').notNull().default(0),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('offers_title_key_idx').on(t.titleKey)],
);

/** The unit a rep works on: one person (normalised email) and one offer. */
export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /**
     * `email \u0000 offer key`; null for deliveries without an email, which are never merged.
     * Its unique index also finds a person's other leads (a range on the email prefix).
     */
    mergeKey: text('merge_key').unique(),
    email: text('email'),
    emailNormalized: text('email_normalized'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    country: text('country'),
    company: text('company'),
    title: text('title'),
    description: text('description'),
    offerRef: integer('offer_ref').references(() => offers.id),
    publisherId: text('publisher_id'),
    offerId: text('offer_id'),
    offerTitle: text('offer_title'),
    /** Source and action of the latest delivery. */
    source: text('source'),
    action: text('action'),
    /** The furthest acquisition stage any delivery reached. */
    stage: text('stage', { enum: LEAD_STAGES }),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    isTest: flag('is_test'),
    doNotContact: flag('do_not_contact'),
    eventCount: integer('event_count').notNull().default(1),
    /** When the first delivery of this lead arrived. */
    receivedAt: timestamp('received_at').notNull(),
    lastEventAt: timestamp('last_event_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('leads_test_received_idx').on(t.isTest, t.receivedAt),
    index('leads_offer_received_idx').on(t.offerRef, t.receivedAt),
    index('leads_status_received_idx').on(t.status, t.receivedAt),
    index('leads_dnc_idx')
      .on(t.isTest)
      .where(sql`${t.doNotContact} = 1`),
  ],
);

/** One row per accepted delivery. Immutable: the raw body is kept byte for byte. */
export const leadEvents = sqliteTable(
  'lead_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    receivedAt: timestamp('received_at').notNull(),
    rawBody: blob('raw_body', { mode: 'buffer' }).notNull(),
    contentType: text('content_type'),
    /** 128-bit hash of the normalised fields: the same lead again within 24 h is a retry. */
    dedupeHash: blob('dedupe_hash', { mode: 'buffer' }).notNull(),
    intakeKeyId: integer('intake_key_id').references(() => intakeKeys.id),
    leadSource: text('lead_source'),
    actionCode: text('action_code'),
    source: text('source'),
    action: text('action'),
    publisherId: text('publisher_id'),
    offerId: text('offer_id'),
    offerTitle: text('offer_title'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    email: text('email'),
    phone: text('phone'),
    country: text('country'),
    company: text('company'),
    title: text('title'),
    description: text('description'),
    isTest: flag('is_test'),
  },
  (t) => [
    index('lead_events_lead_idx').on(t.leadId, t.receivedAt),
    index('lead_events_dedupe_idx').on(t.dedupeHash, t.receivedAt),
  ],
);

export type IntakeKey = typeof intakeKeys.$inferSelect;
export type Offer = typeof offers.$inferSelect;
export type Lead = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;
export type LeadEvent = typeof leadEvents.$inferSelect;
export type NewLeadEvent = typeof leadEvents.$inferInsert;

