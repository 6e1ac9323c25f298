import crypto from 'node:crypto';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { intakeKeys, leadEvents, leads, offers } from '@/db/schema';
import { AppError } from '@/lib/errors';
import {
  normaliseEmail,
  normaliseMarketplacePayload,
  type NormalisedLead,
} from '@/lib/marketplace/payload';
import { higherStage } from '@/lib/marketplace/vocabulary';

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

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

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
export function dedupeHash(lead: NormalisedLead): string {
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
  return crypto.createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Parses, validates and stores one webhook delivery; returns only after the commit. */
export function receiveDelivery(db: Db, delivery: Delivery): IngestResult {
  const lead = normaliseMarketplacePayload(parseDeliveryBody(delivery.rawBody));
  return db.transaction(
    (tx) => {
      const result = ingestLead(tx, lead, delivery);
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

function offerKeyFor(tx: Writer, lead: NormalisedLead): string | null {
  if (lead.publisherId && lead.offerId) return `${lead.publisherId}.${lead.offerId}`.toLowerCase();
  if (lead.offerTitle) {
    // No offer id (Microsoft's source-only LeadSource): join the offer already known by this title.
    const titleKey = lead.offerTitle.toLowerCase();
    const known = tx
      .select({ key: offers.key })
      .from(offers)
      .where(eq(offers.titleKey, titleKey))
      .orderBy(offers.id)
      .limit(1)
      .get();
    return known?.key ?? `title:${titleKey}`;
  }
  return lead.offerId ? lead.offerId.toLowerCase() : null;
}

/** Adds the delivery's offer to the catalog or updates it; test leads only mark the connection. */
function upsertOffer(tx: Writer, lead: NormalisedLead, at: Date): { id: number; key: string } | null {
  const key = offerKeyFor(tx, lead);
  if (!key) return null;
  const title = lead.offerTitle;
  const real = !lead.isTest;
  const ms = at.getTime();
  const row = tx
    .insert(offers)
    .values({
      key,
      publisherId: lead.publisherId,
      offerId: lead.offerId,
      title,
      titleKey: title?.toLowerCase() ?? null,
      firstLeadAt: real ? at : null,
      lastLeadAt: real ? at : null,
      lastTestLeadAt: real ? null : at,
      createdAt: at,
    })
    .onConflictDoUpdate({
      target: offers.key,
      set: real
        ? {
            title: sql`coalesce(excluded.title, ${offers.title})`,
            titleKey: sql`coalesce(excluded.title_key, ${offers.titleKey})`,
            publisherId: sql`coalesce(${offers.publisherId}, excluded.publisher_id)`,
            offerId: sql`coalesce(${offers.offerId}, excluded.offer_id)`,
            firstLeadAt: sql`min(coalesce(${offers.firstLeadAt}, ${ms}), ${ms})`,
            lastLeadAt: sql`max(coalesce(${offers.lastLeadAt}, ${ms}), ${ms})`,
          }
        : {
            // A test lead's title is Partner Center's, but never overrides a real one.
            title: sql`coalesce(${offers.title}, excluded.title)`,
            titleKey: sql`coalesce(${offers.titleKey}, excluded.title_key)`,
            lastTestLeadAt: sql`max(coalesce(${offers.lastTestLeadAt}, ${ms}), ${ms})`,
          },
    })
    .returning({ id: offers.id })
    .get();
  return { id: row.id, key };
}

/**
 * Stores one normalised delivery inside the caller's transaction: a retry within 24 hours is
 * recognised and stores nothing; otherwise the delivery becomes an event of the lead for this
 * person (normalised email) and offer, created on first sight. Deliveries without an email are
 * never merged.
 */
export function ingestLead(tx: Writer, lead: NormalisedLead, delivery: Delivery): IngestResult {
  const at = delivery.receivedAt;
  const hash = dedupeHash(lead);
  const retry = tx
    .select({ leadId: leadEvents.leadId, eventId: leadEvents.id })
    .from(leadEvents)
    .where(
      and(
        eq(leadEvents.dedupeHash, hash),
        gte(leadEvents.receivedAt, new Date(at.getTime() - DUPLICATE_WINDOW_MS)),
      ),
    )
    .orderBy(desc(leadEvents.id))
    .limit(1)
    .get();
  if (retry) return { ...retry, duplicate: true, merged: false };

  const offer = upsertOffer(tx, lead, at);
  const emailNormalized = normaliseEmail(lead.email);
  const mergeKey = emailNormalized ? `${emailNormalized}\u0000${offer?.key ?? ''}` : null;
  const existing = mergeKey
    ? tx.select().from(leads).where(eq(leads.mergeKey, mergeKey)).get()
    : undefined;
  const doNotContact = lead.action === 'DNC';

  let leadId: number;
  if (existing) {
    // Replayed deliveries may be older than what we hold: only the newest delivery sets
    // the "latest" fields, but any delivery fills a gap.
    const newest = at.getTime() >= existing.lastEventAt.getTime();
    const pick = <T>(incoming: T | null, current: T | null): T | null =>
      newest ? (incoming ?? current) : (current ?? incoming);
    tx.update(leads)
      .set({
        email: pick(lead.email, existing.email),
        firstName: pick(lead.firstName, existing.firstName),
        lastName: pick(lead.lastName, existing.lastName),
        phone: pick(lead.phone, existing.phone),
        country: pick(lead.country, existing.country),
        company: pick(lead.company, existing.company),
        title: pick(lead.title, existing.title),
        description: pick(lead.description, existing.description),
        publisherId: pick(lead.publisherId, existing.publisherId),
        offerId: pick(lead.offerId, existing.offerId),
        offerTitle: pick(lead.offerTitle, existing.offerTitle),
        source: pick(lead.source, existing.source),
        action: pick(lead.action, existing.action),
        stage: higherStage(existing.stage, lead.stage),
        doNotContact: existing.doNotContact || doNotContact,
        eventCount: sql`${leads.eventCount} + 1`,
        receivedAt: at < existing.receivedAt ? at : existing.receivedAt,
        lastEventAt: newest ? at : existing.lastEventAt,
        updatedAt: new Date(),
      })
      .where(eq(leads.id, existing.id))
      .run();
    leadId = existing.id;
  } else {
    leadId = tx
      .insert(leads)
      .values({
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
        offerRef: offer?.id ?? null,
        publisherId: lead.publisherId,
        offerId: lead.offerId,
        offerTitle: lead.offerTitle,
        source: lead.source,
        action: lead.action,
        stage: lead.stage,
        isTest: lead.isTest,
        doNotContact,
        receivedAt: at,
        lastEventAt: at,
        updatedAt: at,
      })
      .returning({ id: leads.id })
      .get().id;
  }

  const eventId = tx
    .insert(leadEvents)
    .values({
      leadId,
      receivedAt: at,
      rawBody: delivery.rawBody,
      contentType: delivery.contentType,
      dedupeHash: hash,
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
      isTest: lead.isTest,
    })
    .returning({ id: leadEvents.id })
    .get().id;

  return { leadId, eventId, duplicate: false, merged: Boolean(existing) };
}
