import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LEAD_STAGES, LEAD_STATUSES } from '@/lib/marketplace/vocabulary';
import { API_KEY_ROLES, USER_ROLES } from '@/lib/auth/roles';
import { DELIVERY_KEY_STATES, DELIVERY_OUTCOMES } from '@/lib/deliveries/vocabulary';
import { THEMES } from '@/lib/preferences/vocabulary';

// Times are stored as integer milliseconds since the epoch: compact, indexable, sortable.
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

// ── People and access ────────────────────────────────────────────────────────────────────────
// users, sessions, accounts and verifications follow better-auth's core schema (ids are text);
// role and disabled_at are ours, declared to better-auth as additional user fields.

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
  image: text('image'),
  role: text('role', { enum: USER_ROLES }).notNull().default('rep'),
  /** A disabled user cannot sign in; their sessions are deleted when they are disabled. */
  disabledAt: timestamp('disabled_at'),
  /** IANA zone for showing times; null follows the browser's zone. */
  timeZone: text('time_zone'),
  theme: text('theme', { enum: THEMES }).notNull().default('system'),
  /** Set by an admin's password reset: the temporary password must be replaced at next sign-in. */
  mustChangePassword: flag('must_change_password'),
  createdAt: timestamp('created_at').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** Sliding (idle) expiry, pushed forward as the session is used. */
    expiresAt: timestamp('expires_at').notNull(),
    token: text('token').notNull().unique(),
    /** The absolute expiry is counted from here. */
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at'),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at'),
    scope: text('scope'),
    /** The library's password hash (scrypt), never the password. */
    password: text('password'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** Keys for integrations on the read API. Only hashes are kept; the key is shown once. */
export const apiKeys = sqliteTable('api_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull(),
  role: text('role', { enum: API_KEY_ROLES }).notNull(),
  keyHash: text('key_hash').notNull().unique(),
  keyPrefix: text('key_prefix').notNull(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at').notNull(),
  lastUsedAt: timestamp('last_used_at'),
  revokedAt: timestamp('revoked_at'),
});

/**
 * Who did what, when and from where. Never passwords, keys or lead personal data: leads appear
 * by id only. Actors are kept by id and by a label frozen at the time (an email, a key label).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: timestamp('at').notNull(),
    actorType: text('actor_type', { enum: ['user', 'api_key', 'system', 'anonymous'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** A small JSON object of non-personal facts (old and new role, status, counts). */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_at_idx').on(t.action, t.at),
    index('audit_log_actor_at_idx').on(t.actorId, t.at),
    index('audit_log_target_idx').on(t.targetId, t.action, t.at),
  ],
);

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
  /** When the key stops working: set at once by a revoke, or in the future by a rotation's grace period. */
  revokedAt: timestamp('revoked_at'),
});

/**
 * The delivery log: one receipt for every request to the intake webhook, accepted, duplicate or
 * rejected. Accepted receipts point at the event that holds the body; a rejected one keeps the
 * body itself (up to the 64 KiB cap) so nothing a sender tried to tell us is lost and an admin
 * can replay it. Never holds the key itself: its label, frozen at the time.
 */
export const intakeDeliveries = sqliteTable(
  'intake_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receivedAt: timestamp('received_at').notNull(),
    outcome: text('outcome', { enum: DELIVERY_OUTCOMES }).notNull(),
    status: integer('status').notNull(),
    /** The error code and message of a rejection (the same ones the sender got). */
    errorCode: text('error_code'),
    reason: text('reason'),
    /** Bytes received; for a body refused as too large, what was declared or read before refusing. */
    bodyBytes: integer('body_bytes').notNull(),
    /** SHA-256 of the whole body, hex; null when the body was not read to its end. */
    bodySha256: text('body_sha256'),
    /** A rejected delivery's body (the first 64 KiB when it was larger); null otherwise. */
    body: blob('body', { mode: 'buffer' }),
    bodyTruncated: flag('body_truncated'),
    contentType: text('content_type'),
    keyState: text('key_state', { enum: DELIVERY_KEY_STATES }).notNull(),
    intakeKeyId: integer('intake_key_id').references(() => intakeKeys.id),
    keyLabel: text('key_label'),
    /** The offer the body names, when it parses far enough to tell (filters the log by offer). */
    offerTitle: text('offer_title'),
    /** Plain ids, not foreign keys: purging old test leads clears them instead of failing. */
    leadId: integer('lead_id'),
    eventId: integer('event_id'),
    requestId: text('request_id'),
    /** For a replay: the rejected receipt it replayed. */
    replayOf: integer('replay_of'),
    /** On a rejected receipt: when and by whom it was replayed successfully, and the result's receipt. */
    replayedAt: timestamp('replayed_at'),
    replayedBy: text('replayed_by'),
    replayId: integer('replay_id'),
  },
  (t) => [
    index('intake_deliveries_received_idx').on(t.receivedAt),
    index('intake_deliveries_outcome_idx').on(t.outcome, t.receivedAt),
    index('intake_deliveries_lead_idx').on(t.leadId),
  ],
);

/** Settings an admin changes at run time (retention periods), one JSON value per key. */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: timestamp('updated_at').notNull(),
  updatedBy: text('updated_by'),
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
    /** The rep working the lead; null while unassigned. */
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at'),
    isTest: flag('is_test'),
    doNotContact: flag('do_not_contact'),
    eventCount: integer('event_count').notNull().default(1),
    /**
     * Every source and action token the journey has seen, as `|SPZA|TestDrive|` (see
     * lib/leads/journey-tokens): "any event matches" filters read one row instead of its events.
     */
    journeySources: text('journey_sources').notNull().default(''),
    journeyActions: text('journey_actions').notNull().default(''),
    /** Logged touches (email, call, meeting); the first one stamps first_touch_at. */
    touchCount: integer('touch_count').notNull().default(0),
    firstTouchAt: timestamp('first_touch_at'),
    lastTouchAt: timestamp('last_touch_at'),
    nextFollowUpAt: timestamp('next_follow_up_at'),
    /**
     * When the lead first reached each step of the nurture funnel (new → contacted → qualified →
     * won), stamped from the status history by a trigger (db/migrations/0004); a skipped step is
     * stamped with the later one. Never cleared: they record what the lead reached.
     */
    contactedAt: timestamp('contacted_at'),
    qualifiedAt: timestamp('qualified_at'),
    wonAt: timestamp('won_at'),
    /**
     * When an admin erased the person's personal data (a GDPR request): names, email, phone,
     * company, title, description, notes and raw payloads are gone; the lead stays, anonymised,
     * so counts and funnels stay right.
     */
    erasedAt: timestamp('erased_at'),
    /** When the first delivery of this lead arrived. */
    receivedAt: timestamp('received_at').notNull(),
    lastEventAt: timestamp('last_event_at').notNull(),
    /** The latest delivery, touch, note, status or owner change: what "last activity" shows. */
    lastActivityAt: timestamp('last_activity_at')
      .notNull()
      .default(sql`0`),
    updatedAt: timestamp('updated_at').notNull(),
  },
  // Every list index ends in received_at (and, implicitly, the rowid): the list orders by
  // (column, received_at, id) in one direction, so each sort and filter is an index walk.
  (t) => [
    index('leads_received_idx').on(t.receivedAt),
    index('leads_test_received_idx')
      .on(t.receivedAt)
      .where(sql`${t.isTest} = 1`),
    // An offer's leads by date; with test flag, stage, status and owner along, an offer's funnel
    // over a period (its count, its per-status counts), for everyone or for a rep, reads the index
    // alone (three filters: 38 -> 14 ms; a rep's offer filter: 62 -> ~5 ms).
    index('leads_offer_received_idx').on(t.offerRef, t.receivedAt, t.isTest, t.stage, t.status, t.ownerId),
    // A search's matches (up to 10,000 ids from the search index) with their status and date, read
    // from this index instead of from 10,000 scattered rows (a common name: 30 -> 15 ms). New ids
    // only ever append to it.
    index('leads_search_matches_idx').on(t.id, t.isTest, t.status, t.receivedAt),
    index('leads_status_received_idx').on(t.status, t.receivedAt),
    // The list's per-status counts (capped at 10,000 each) for everyone's leads or a rep's
    // (theirs and the unassigned): index-only walks, where the index above reads each row to
    // leave test leads out. `IS 0`, not `= 0`: only queries spelling it so (the counts, in
    // lib/leads/queries) can use it, so it never draws the plan of a list or dashboard query.
    index('leads_status_owner_idx')
      .on(t.status, t.ownerId)
      .where(sql`${t.isTest} is 0`),
    index('leads_owner_received_idx').on(t.ownerId, t.receivedAt),
    // Text sorts order by coalesce(column, '') so a missing value sorts like an empty one and
    // keyset paging (lib/leads/queries) compares plain row values; these indexes match exactly.
    index('leads_stage_received_idx').on(sql`coalesce(${t.stage}, '')`, t.receivedAt),
    index('leads_country_received_idx').on(sql`coalesce(${t.country}, '')`, t.receivedAt),
    index('leads_name_received_idx').on(
      sql`coalesce(${t.lastName}, '')`,
      sql`coalesce(${t.firstName}, '')`,
      t.receivedAt,
    ),
    index('leads_company_received_idx').on(sql`coalesce(${t.company}, '')`, t.receivedAt),
    index('leads_activity_idx').on(t.lastActivityAt, t.receivedAt),
    // Carries what the follow-up filters and a rep's scope check: a page of due follow-ups, newest
    // first, is gathered and sorted from the index alone, however many new leads (which have no
    // follow-up yet) came in since (lib/leads/queries pageFromIndex).
    index('leads_follow_up_idx')
      .on(t.nextFollowUpAt, t.receivedAt, t.status, t.doNotContact, t.isTest, t.ownerId)
      .where(sql`${t.nextFollowUpAt} is not null`),
    index('leads_untouched_idx')
      .on(t.receivedAt)
      .where(sql`${t.firstTouchAt} is null`),
    index('leads_dnc_received_idx')
      .on(t.receivedAt)
      .where(sql`${t.doNotContact} = 1`),
    // The dashboard's filtered views read this instead of the wide rows: every column a filter,
    // a grouping or a measure needs, in received order (a range is one stretch of the index).
    index('leads_dashboard_idx')
      .on(
        t.receivedAt,
        t.offerRef,
        t.country,
        t.ownerId,
        t.status,
        t.stage,
        t.doNotContact,
        t.firstTouchAt,
        t.contactedAt,
        t.qualifiedAt,
        t.wonAt,
        t.journeySources,
        t.journeyActions,
      )
      .where(sql`${t.isTest} = 0`),
    // Leads breaching the 24-hour first-touch rule (once their window has passed): the dashboard
    // counts and lists them from this index alone.
    index('leads_first_touch_waiting_idx')
      .on(t.receivedAt)
      .where(
        sql`${t.firstTouchAt} is null and ${t.isTest} = 0 and ${t.doNotContact} = 0 and ${t.status} in ('new', 'contacted', 'qualified', 'nurturing')`,
      ),
    // A rep's queue (lib/leads/queue-queries): the leads waiting for their first touch by owner,
    // in received order, so each section (mine or unassigned, inside or past the 24-hour window)
    // is one seek, its page a walk and its exact count read from the index alone.
    index('leads_queue_first_touch_idx')
      .on(t.ownerId, t.receivedAt)
      .where(
        sql`${t.firstTouchAt} is null and ${t.isTest} = 0 and ${t.doNotContact} = 0 and ${t.status} in ('new', 'contacted', 'qualified', 'nurturing')`,
      ),
    // The queue's follow-ups: a person's touched, open leads by due date, so "due by tonight" is
    // one seek in the section's order and its count reads no row.
    index('leads_queue_follow_up_idx')
      .on(t.ownerId, t.nextFollowUpAt, t.receivedAt)
      .where(
        sql`${t.nextFollowUpAt} is not null and ${t.firstTouchAt} is not null and ${t.isTest} = 0 and ${t.doNotContact} = 0 and ${t.status} in ('new', 'contacted', 'qualified', 'nurturing')`,
      ),
    // The dashboard's medians walk these in order of the duration, to the middle position (the
    // rollup gives the count): exact medians without collecting and sorting every value.
    index('leads_ttft_idx')
      .on(sql`${t.firstTouchAt} - ${t.receivedAt}`, t.receivedAt)
      .where(sql`${t.isTest} = 0 and ${t.firstTouchAt} is not null`),
    index('leads_owner_ttft_idx')
      .on(t.ownerId, sql`${t.firstTouchAt} - ${t.receivedAt}`, t.receivedAt)
      .where(sql`${t.isTest} = 0 and ${t.firstTouchAt} is not null and ${t.ownerId} is not null`),
    index('leads_new_time_idx')
      .on(sql`${t.contactedAt} - ${t.receivedAt}`, t.receivedAt)
      .where(sql`${t.isTest} = 0 and ${t.contactedAt} is not null`),
    index('leads_contacted_time_idx')
      .on(sql`${t.qualifiedAt} - ${t.contactedAt}`, t.receivedAt)
      .where(sql`${t.isTest} = 0 and ${t.qualifiedAt} is not null`),
    index('leads_qualified_time_idx')
      .on(sql`${t.wonAt} - ${t.qualifiedAt}`, t.receivedAt)
      .where(sql`${t.isTest} = 0 and ${t.wonAt} is not null`),
  ],
);

/**
 * The dashboard's daily rollup: for each UTC day of receipt and each dimension value, additive
 * counts over the real (non-test) leads received that day, as they are now. Kept in step by
 * triggers on leads (db/migrations/0004); lib/dashboard/rollup rebuilds it from scratch.
 * Dimensions: `all` (value ''), `source` and `action` (a lead counts under every known token of
 * its journey, '' for unknown ones), `offer` (offer_ref), `country`, `owner` ('' = unassigned).
 */
export const leadDailyStats = sqliteTable(
  'lead_daily_stats',
  {
    day: integer('day').notNull(),
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    leads: integer('leads').notNull().default(0),
    /** Leads the first-touch rule applies to (not do-not-contact). */
    slaEligible: integer('sla_eligible').notNull().default(0),
    touchedInSla: integer('touched_in_sla').notNull().default(0),
    touched: integer('touched').notNull().default(0),
    contacted: integer('contacted').notNull().default(0),
    qualified: integer('qualified').notNull().default(0),
    won: integer('won').notNull().default(0),
    /** Leads by furthest acquisition stage. */
    stageContactMe: integer('stage_contact_me').notNull().default(0),
    stageTestDrive: integer('stage_test_drive').notNull().default(0),
    stageAcquired: integer('stage_acquired').notNull().default(0),
    doNotContact: integer('do_not_contact').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.dim, t.value] })],
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

/** Every nurture status change of a lead: who, when, from and to. */
export const leadStatusChanges = sqliteTable(
  'lead_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    fromStatus: text('from_status', { enum: LEAD_STATUSES }),
    toStatus: text('to_status', { enum: LEAD_STATUSES }).notNull(),
    lostReason: text('lost_reason'),
    changedBy: text('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** The actor as shown at the time (a name, or an API key's label). */
    changedByLabel: text('changed_by_label').notNull(),
    changedAt: timestamp('changed_at').notNull(),
  },
  (t) => [index('lead_status_changes_lead_idx').on(t.leadId, t.changedAt)],
);

/** Notes on a lead: plain text with line breaks, never HTML. */
export const leadNotes = sqliteTable(
  'lead_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    body: text('body').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author as shown at the time (a name, or an API key's label). */
    authorLabel: text('author_label').notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('lead_notes_lead_idx').on(t.leadId, t.createdAt)],
);

export const TOUCH_KINDS = ['email', 'call', 'meeting'] as const;

/** A logged contact with the customer. */
export const leadTouches = sqliteTable(
  'lead_touches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    kind: text('kind', { enum: TOUCH_KINDS }).notNull(),
    note: text('note'),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    touchedAt: timestamp('touched_at').notNull(),
  },
  (t) => [index('lead_touches_lead_idx').on(t.leadId, t.touchedAt)],
);

/** The qualification checklist admins keep (defaults: budget, authority, need, timeline). */
export const qualificationItems = sqliteTable('qualification_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull(),
  hint: text('hint'),
  /** A lead can be marked qualified only when every required item is checked. */
  required: integer('required', { mode: 'boolean' }).notNull().default(true),
  position: integer('position').notNull().default(0),
  /** Archived items no longer show or count; checks already made are kept. */
  archivedAt: timestamp('archived_at'),
  createdAt: timestamp('created_at').notNull(),
});

/** A checked qualification item on a lead (unchecking deletes the row). */
export const leadQualifications = sqliteTable(
  'lead_qualifications',
  {
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => qualificationItems.id),
    checkedBy: text('checked_by').references(() => users.id, { onDelete: 'set null' }),
    checkedByLabel: text('checked_by_label').notNull(),
    checkedAt: timestamp('checked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.leadId, t.itemId] })],
);

export type User = typeof users.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type IntakeKey = typeof intakeKeys.$inferSelect;
export type Offer = typeof offers.$inferSelect;
export type Lead = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;
export type LeadEvent = typeof leadEvents.$inferSelect;
export type IntakeDelivery = typeof intakeDeliveries.$inferSelect;
export type NewLeadEvent = typeof leadEvents.$inferInsert;
