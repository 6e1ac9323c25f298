// Privacy operations: erasing a person's personal data on request (GDPR art. 17) and purging
// Partner Center test leads after their retention period.
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import {
  intakeDeliveries,
  leadEvents,
  leadNotes,
  leadQualifications,
  leads,
  leadStatusChanges,
  leadTouches,
} from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import { normaliseEmail } from '@/lib/marketplace/payload';

/** What an erased event's raw payload becomes: valid JSON that says what happened. */
export const ERASED_PAYLOAD = Buffer.from('{"erased":"The personal data of this delivery was erased on request."}');
export const ERASED_NOTE = 'This note was erased with the person’s personal data.';

export const personEmailSchema = z
  .string({ error: 'Enter the person’s email address.' })
  .trim()
  .min(3, 'Enter the person’s email address.')
  .max(320, 'An email address is at most 320 characters.')
  .refine((value) => value.includes('@'), 'Enter a full email address, like name@example.com.');

export type PersonLead = {
  id: number;
  offerTitle: string | null;
  status: string;
  receivedAt: Date;
  erasedAt: Date | null;
};

/** Every lead of one person (the same normalised email, any offer): what an erasure request covers. */
export function findPersonLeads(db: Db, email: string): PersonLead[] {
  const normalised = normaliseEmail(personEmailSchema.parse(email));
  if (!normalised) return [];
  return db
    .select({
      id: leads.id,
      offerTitle: leads.offerTitle,
      status: leads.status,
      receivedAt: leads.receivedAt,
      erasedAt: leads.erasedAt,
    })
    .from(leads)
    .where(eq(leads.emailNormalized, normalised))
    .orderBy(asc(leads.receivedAt))
    .all();
}

export type ErasureCounts = { leads: number; events: number; notes: number; touches: number; deliveries: number };

/**
 * Erases the personal data of these leads: names, email, phone, company, title, description,
 * raw payloads, note and touch texts, and rejected deliveries' bodies that name the person. The
 * leads stay (status, stage, offer, country, owner and times), so counts and funnels are unchanged;
 * the erasure is recorded in the audit log by lead id only.
 */
export function eraseLeads(db: Db, actor: AuditActor, ids: number[], now = new Date()): ErasureCounts {
  if (ids.length === 0) throw new AppError('invalid_input', 'Choose at least one lead to erase.');
  return db.transaction(
    (tx) => {
      const found = tx
        .select({ id: leads.id, email: leads.emailNormalized, erasedAt: leads.erasedAt })
        .from(leads)
        .where(inArray(leads.id, ids))
        .all();
      const missing = ids.filter((id) => !found.some((lead) => lead.id === id));
      if (missing.length) throw new AppError('not_found', `There is no lead ${missing[0]}.`);

      // Rejected bodies are not tied to a lead; those that contain the person's email go too.
      let deliveries = 0;
      for (const email of new Set(found.map((lead) => lead.email).filter((email): email is string => Boolean(email)))) {
        deliveries += tx
          .update(intakeDeliveries)
          .set({ body: null, offerTitle: null })
          .where(
            and(
              sql`${intakeDeliveries.body} is not null`,
              sql`instr(lower(cast(${intakeDeliveries.body} as text)), ${email}) > 0`,
            ),
          )
          .run().changes;
      }

      const leadCount = tx
        .update(leads)
        .set({
          mergeKey: null,
          email: null,
          emailNormalized: null,
          firstName: null,
          lastName: null,
          phone: null,
          company: null,
          title: null,
          description: null,
          // Nobody is left to follow up with: a planned follow-up would still show as due.
          nextFollowUpAt: null,
          erasedAt: now,
          updatedAt: now,
        })
        .where(inArray(leads.id, ids))
        .run().changes;
      const events = tx
        .update(leadEvents)
        .set({
          rawBody: ERASED_PAYLOAD,
          contentType: 'application/json',
          // The retry hash was computed from the personal data: a random one matches nothing.
          dedupeHash: sql`randomblob(16)`,
          firstName: null,
          lastName: null,
          email: null,
          phone: null,
          company: null,
          title: null,
          description: null,
        })
        .where(inArray(leadEvents.leadId, ids))
        .run().changes;
      const notes = tx.update(leadNotes).set({ body: ERASED_NOTE }).where(inArray(leadNotes.leadId, ids)).run().changes;
      const touches = tx
        .update(leadTouches)
        .set({ note: null })
        .where(and(inArray(leadTouches.leadId, ids), sql`${leadTouches.note} is not null`))
        .run().changes;

      const counts = { leads: leadCount, events, notes, touches, deliveries };
      for (const lead of found) {
        recordAudit(tx, actor, 'lead.erased', { type: 'lead', id: lead.id }, { again: lead.erasedAt !== null }, now);
      }
      if (deliveries) recordAudit(tx, actor, 'lead.erased', null, { deliveryBodies: deliveries }, now);
      return counts;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Deletes test leads (Partner Center's "Test lead" deliveries) received before `before`, with
 * their events, notes, touches, status history and checks; their receipts stay in the delivery
 * log, unlinked. Returns how many leads went.
 */
export function purgeTestLeads(db: Db, before: Date): number {
  return db.transaction(
    (tx) => {
      const ids = tx
        .select({ id: leads.id })
        .from(leads)
        .where(and(eq(leads.isTest, true), lt(leads.receivedAt, before)))
        .all()
        .map((row) => row.id);
      // Chunks keep each statement's parameter list well under SQLite's limit.
      for (let start = 0; start < ids.length; start += 500) {
        const chunk = ids.slice(start, start + 500);
        tx.update(intakeDeliveries)
          .set({ leadId: null, eventId: null })
          .where(inArray(intakeDeliveries.leadId, chunk))
          .run();
        for (const table of [leadQualifications, leadTouches, leadNotes, leadStatusChanges, leadEvents]) {
          tx.delete(table).where(inArray(table.leadId, chunk)).run();
        }
        tx.delete(leads).where(inArray(leads.id, chunk)).run();
      }
      return ids.length;
    },
    { behavior: 'immediate' },
  );
}
