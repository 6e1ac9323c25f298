// Reads for working a lead: its status history, notes, touches and qualification checklist.
// Call these only for a lead the viewer may see (the page and the API look it up in scope first).
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  leadNotes,
  leadQualifications,
  leadStatusChanges,
  leadTouches,
  qualificationItems,
  type Lead,
} from '@/db/schema';
import type { TouchKind } from './nurture';

export type LeadTouch = { id: number; kind: TouchKind; note: string | null; authorLabel: string; touchedAt: Date };

/** A lead's touches, newest first. */
export function getLeadTouches(db: Db, leadId: number): LeadTouch[] {
  return db
    .select({
      id: leadTouches.id,
      kind: leadTouches.kind,
      note: leadTouches.note,
      authorLabel: leadTouches.authorLabel,
      touchedAt: leadTouches.touchedAt,
    })
    .from(leadTouches)
    .where(eq(leadTouches.leadId, leadId))
    .orderBy(desc(leadTouches.touchedAt), desc(leadTouches.id))
    .all();
}

export type QualificationCheck = {
  itemId: number;
  label: string;
  hint: string | null;
  required: boolean;
  checked: boolean;
  checkedByLabel: string | null;
  checkedAt: Date | null;
};

/** The current (non-archived) checklist in order, with this lead's checks. */
export function getLeadQualification(db: Db, leadId: number): QualificationCheck[] {
  return db
    .select({
      itemId: qualificationItems.id,
      label: qualificationItems.label,
      hint: qualificationItems.hint,
      required: qualificationItems.required,
      checkedByLabel: leadQualifications.checkedByLabel,
      checkedAt: leadQualifications.checkedAt,
    })
    .from(qualificationItems)
    .leftJoin(
      leadQualifications,
      and(eq(leadQualifications.itemId, qualificationItems.id), eq(leadQualifications.leadId, leadId)),
    )
    .where(isNull(qualificationItems.archivedAt))
    .orderBy(asc(qualificationItems.position), asc(qualificationItems.id))
    .all()
    .map((row) => ({ ...row, checked: row.checkedAt !== null }));
}

export type StatusChange = {
  id: number;
  fromStatus: Lead['status'] | null;
  toStatus: Lead['status'];
  lostReason: string | null;
  changedByLabel: string;
  changedAt: Date;
};

/** A lead's nurture status changes, newest first. */
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

/** A lead's notes, newest first. */
export function getLeadNotes(db: Db, leadId: number): LeadNote[] {
  return db
    .select({
      id: leadNotes.id,
      body: leadNotes.body,
      authorLabel: leadNotes.authorLabel,
      createdAt: leadNotes.createdAt,
    })
    .from(leadNotes)
    .where(eq(leadNotes.leadId, leadId))
    .orderBy(desc(leadNotes.createdAt), desc(leadNotes.id))
    .all();
}
