// Working a lead: claim, assign, release, status, notes, touches, follow-ups and qualification.
// Every function checks the viewer's permission and scope itself; a lead outside the scope is
// "not found", never "forbidden". Every change stamps the lead's last activity.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import {
  leadNotes,
  leadQualifications,
  leads,
  leadStatusChanges,
  leadTouches,
  qualificationItems,
  TOUCH_KINDS,
  users,
} from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { can, leadScope, viewerLabel, type Permission, type Viewer } from '@/lib/auth/permissions';
import { invalidInput } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/marketplace/vocabulary';
import { fewTouchesMessage, MIN_TOUCHES_BEFORE_LOST, NOTE_MAX_LENGTH, TOUCH_NOTE_MAX_LENGTH } from './nurture';
import { scopeCondition } from './queries';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type LeadRow = {
  id: number;
  ownerId: string | null;
  status: LeadStatus;
  doNotContact: boolean;
  erasedAt: Date | null;
  touchCount: number;
  receivedAt: Date;
};

function require(viewer: Viewer, permission: Permission): void {
  if (!can(viewer, permission)) throw new AppError('forbidden', 'Your role does not allow this.');
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

function findVisibleLead(db: Db, viewer: Viewer, id: number): LeadRow {
  const lead = db
    .select({
      id: leads.id,
      ownerId: leads.ownerId,
      status: leads.status,
      doNotContact: leads.doNotContact,
      erasedAt: leads.erasedAt,
      touchCount: leads.touchCount,
      receivedAt: leads.receivedAt,
    })
    .from(leads)
    .where(and(eq(leads.id, id), scopeCondition(leadScope(viewer))))
    .get();
  if (!lead) throw new AppError('not_found', `No lead with id ${id}.`);
  return lead;
}

/** Reps work only the leads they own; managers and manager keys work any. */
function requireWorkable(viewer: Viewer, lead: LeadRow): void {
  require(viewer, 'leads:work');
  if (leadScope(viewer).kind !== 'all' && lead.ownerId !== (viewer.kind === 'user' ? viewer.id : null)) {
    throw new AppError('forbidden', 'Claim this lead before working it.');
  }
}

/**
 * No touches and no follow-ups when the customer asked Microsoft not to be contacted, or when
 * their personal data was erased on request (there is nobody left to contact).
 */
function refuseContact(lead: LeadRow, what: string): void {
  if (lead.doNotContact) {
    throw new AppError('conflict', `This customer asked not to be contacted, so ${what} is turned off for this lead.`);
  }
  if (lead.erasedAt) {
    throw new AppError(
      'conflict',
      `This person's personal data was erased on request, so ${what} is turned off for this lead.`,
    );
  }
}

/** Who did it, as history rows keep it: the person's id and name, or the API key's label. */
function authorOf(viewer: Viewer): { id: string | null; label: string } {
  return viewer.kind === 'user' ? { id: viewer.id, label: viewer.name } : { id: null, label: viewerLabel(viewer) };
}

/** Every change to a lead is activity: the list sorts and filters by it. */
function touchLead(tx: Tx, id: number, now: Date, changes: Partial<typeof leads.$inferInsert> = {}): void {
  tx.update(leads)
    .set({ ...changes, lastActivityAt: now, updatedAt: now })
    .where(eq(leads.id, id))
    .run();
}

function recordStatusChange(
  tx: Tx,
  viewer: Viewer,
  id: number,
  from: LeadStatus,
  to: LeadStatus,
  at: Date,
  lostReason?: string,
) {
  const author = authorOf(viewer);
  tx.insert(leadStatusChanges)
    .values({
      leadId: id,
      fromStatus: from,
      toStatus: to,
      lostReason: to === 'lost' ? (lostReason ?? null) : null,
      changedBy: author.id,
      changedByLabel: author.label,
      changedAt: at,
    })
    .run();
}

// ── Owner ────────────────────────────────────────────────────────────────────────────────────

/** Takes an unassigned lead for oneself. */
export function claimLead(db: Db, viewer: Viewer, actor: AuditActor, id: number): { ownerId: string } {
  require(viewer, 'leads:claim');
  if (viewer.kind !== 'user') throw new AppError('forbidden', 'Only people can claim leads.');
  const lead = findVisibleLead(db, viewer, id);
  if (lead.ownerId === viewer.id) return { ownerId: viewer.id };
  if (lead.ownerId) throw new AppError('conflict', 'Someone else already works this lead.');
  return db.transaction((tx) => {
    const now = new Date();
    // Only an unassigned lead can be claimed, even when two reps click at once.
    const claimed = tx
      .update(leads)
      .set({ ownerId: viewer.id, assignedAt: now, lastActivityAt: now, updatedAt: now })
      .where(and(eq(leads.id, id), isNull(leads.ownerId)))
      .run();
    if (claimed.changes === 0) throw new AppError('conflict', 'Someone else claimed this lead a moment ago.');
    recordAudit(tx, actor, 'lead.claimed', { type: 'lead', id });
    return { ownerId: viewer.id };
  });
}

/** Gives a lead to an active person, or unassigns it (ownerId null). Managers only. */
export function assignLead(
  db: Db,
  viewer: Viewer,
  actor: AuditActor,
  id: number,
  ownerId: string | null,
): { ownerId: string | null } {
  require(viewer, 'leads:assign');
  const lead = findVisibleLead(db, viewer, id);
  if (ownerId !== null) {
    const owner = db
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, ownerId))
      .get();
    if (!owner || owner.disabledAt) {
      throw new AppError('invalid_input', 'Choose an active user.', {
        details: [{ field: 'ownerId', message: 'No active user has this id.' }],
      });
    }
  }
  if (lead.ownerId === ownerId) return { ownerId };
  db.transaction((tx) => {
    const now = new Date();
    touchLead(tx, id, now, { ownerId, assignedAt: ownerId ? now : null });
    recordAudit(tx, actor, 'lead.assigned', { type: 'lead', id }, { from: lead.ownerId, to: ownerId });
  });
  return { ownerId };
}

/**
 * Puts a lead back in the unassigned pool: its owner may release it, and so may anyone who
 * assigns leads (managers). Releasing a lead nobody owns changes nothing.
 */
export function releaseLead(db: Db, viewer: Viewer, actor: AuditActor, id: number): { ownerId: null } {
  require(viewer, 'leads:work');
  const lead = findVisibleLead(db, viewer, id);
  if (lead.ownerId === null) return { ownerId: null };
  const isOwner = viewer.kind === 'user' && lead.ownerId === viewer.id;
  if (!isOwner && !can(viewer, 'leads:assign'))
    throw new AppError('forbidden', 'Only the owner or a manager can release this lead.');
  db.transaction((tx) => {
    const now = new Date();
    // Only from the owner we saw: a reassignment in between is not undone by a stale page.
    const released = tx
      .update(leads)
      .set({ ownerId: null, assignedAt: null, lastActivityAt: now, updatedAt: now })
      .where(and(eq(leads.id, id), eq(leads.ownerId, lead.ownerId!)))
      .run();
    if (released.changes === 0) throw new AppError('conflict', 'The owner changed a moment ago. Reload the lead.');
    recordAudit(tx, actor, 'lead.released', { type: 'lead', id }, { from: lead.ownerId });
  });
  return { ownerId: null };
}

// ── Status ───────────────────────────────────────────────────────────────────────────────────

export const statusChangeSchema = z
  .object({
    status: z.enum(LEAD_STATUSES, { error: `Use one of: ${LEAD_STATUSES.join(', ')}.` }),
    lostReason: z.string({ error: 'Use text.' }).trim().max(500, { error: 'Use at most 500 characters.' }).optional(),
    /** Closing as lost with fewer than three touches needs this set to true. */
    confirmFewTouches: z.boolean({ error: 'Use true or false.' }).optional(),
  })
  .refine((value) => value.status !== 'lost' || Boolean(value.lostReason), {
    error: 'Say why the lead was lost.',
    path: ['lostReason'],
  });
export type StatusChangeInput = z.input<typeof statusChangeSchema>;

/** The required, current checklist items not yet checked on a lead. */
function missingRequiredItems(db: Db, leadId: number): string[] {
  return db
    .select({ label: qualificationItems.label })
    .from(qualificationItems)
    .leftJoin(
      leadQualifications,
      and(eq(leadQualifications.itemId, qualificationItems.id), eq(leadQualifications.leadId, leadId)),
    )
    .where(
      and(
        eq(qualificationItems.required, true),
        isNull(qualificationItems.archivedAt),
        isNull(leadQualifications.itemId),
      ),
    )
    .orderBy(asc(qualificationItems.position), asc(qualificationItems.id))
    .all()
    .map((row) => row.label);
}

/**
 * Moves a lead's nurture status and records who did it, when, from and to. Qualified needs every
 * required checklist item; lost with fewer than three touches needs `confirmFewTouches: true`.
 */
export function setLeadStatus(
  db: Db,
  viewer: Viewer,
  actor: AuditActor,
  id: number,
  input: unknown,
): { status: LeadStatus } {
  const { status, lostReason, confirmFewTouches } = parse(statusChangeSchema, input);
  const lead = findVisibleLead(db, viewer, id);
  requireWorkable(viewer, lead);
  if (lead.status === status) return { status };
  if (status === 'lost' && lead.touchCount < MIN_TOUCHES_BEFORE_LOST && confirmFewTouches !== true) {
    const message = fewTouchesMessage(lead.touchCount);
    throw new AppError('confirmation_required', message, { details: [{ field: 'confirmFewTouches', message }] });
  }
  if (status === 'qualified') {
    const missing = missingRequiredItems(db, id);
    if (missing.length) {
      const message = `Check every required qualification item first. Missing: ${missing.join(', ')}.`;
      throw new AppError('conflict', message, { details: [{ field: 'status', message }] });
    }
  }
  db.transaction((tx) => {
    const now = new Date();
    touchLead(tx, id, now, { status });
    recordStatusChange(tx, viewer, id, lead.status, status, now, lostReason);
    recordAudit(tx, actor, 'lead.status_changed', { type: 'lead', id }, { from: lead.status, to: status });
  });
  return { status };
}

// ── Notes ────────────────────────────────────────────────────────────────────────────────────

const noteSchema = z.object({
  body: z
    .string({ error: 'Write a note.' })
    .trim()
    .min(1, { error: 'Write a note.' })
    .max(NOTE_MAX_LENGTH, { error: `Use at most ${NOTE_MAX_LENGTH} characters.` }),
});

/** Line endings normalised; the text is stored and shown as text, never as HTML. */
const plainText = (text: string) => text.replace(/\r\n?/g, '\n');

/** Adds a plain-text note to a lead the viewer works. */
export function addLeadNote(db: Db, viewer: Viewer, id: number, input: unknown): { noteId: number } {
  const { body } = parse(noteSchema, input);
  const lead = findVisibleLead(db, viewer, id);
  requireWorkable(viewer, lead);
  const author = authorOf(viewer);
  return db.transaction((tx) => {
    const now = new Date();
    const row = tx
      .insert(leadNotes)
      .values({ leadId: id, body: plainText(body), authorId: author.id, authorLabel: author.label, createdAt: now })
      .returning({ id: leadNotes.id })
      .get();
    touchLead(tx, id, now);
    return { noteId: row.id };
  });
}

// ── Touches ──────────────────────────────────────────────────────────────────────────────────

/** Clocks disagree a little; a touch "in the future" by less than this is taken as now. */
const CLOCK_SKEW_MS = 5 * 60_000;

const isoDateTime = (message: string) =>
  z.iso.datetime({ offset: true, error: message }).transform((value) => new Date(value));

export const touchSchema = z.object({
  kind: z.enum(TOUCH_KINDS, { error: `Choose one of: ${TOUCH_KINDS.join(', ')}.` }),
  note: z
    .string({ error: 'Use text.' })
    .trim()
    .max(TOUCH_NOTE_MAX_LENGTH, { error: `Use at most ${TOUCH_NOTE_MAX_LENGTH} characters.` })
    .nullish()
    .transform((value) => value || null),
  /** When it happened; now when left out. */
  touchedAt: isoDateTime('Use an ISO 8601 date-time with a time zone, e.g. 2026-05-04T09:30:00Z.').nullish(),
});
export type TouchInput = z.input<typeof touchSchema>;

/**
 * Logs an email, call or meeting. The first touch stamps the time to first touch; a touch on a
 * `new` lead moves it to `contacted`, recorded in the status history like any change.
 */
export function logTouch(
  db: Db,
  viewer: Viewer,
  actor: AuditActor,
  id: number,
  input: unknown,
): { touchId: number; status: LeadStatus; touchCount: number } {
  const { kind, note, touchedAt: when } = parse(touchSchema, input);
  const lead = findVisibleLead(db, viewer, id);
  requireWorkable(viewer, lead);
  refuseContact(lead, 'logging touches');
  const now = new Date();
  const touchedAt = when ?? now;
  if (touchedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('invalid_input', 'Some fields need attention.', {
      details: [{ field: 'touchedAt', message: 'A touch cannot be in the future.' }],
    });
  }
  if (touchedAt < lead.receivedAt) {
    throw new AppError('invalid_input', 'Some fields need attention.', {
      details: [{ field: 'touchedAt', message: 'A touch cannot be before the lead arrived.' }],
    });
  }
  const at = touchedAt > now ? now : touchedAt;
  const status: LeadStatus = lead.status === 'new' ? 'contacted' : lead.status;
  const author = authorOf(viewer);
  return db.transaction((tx) => {
    const row = tx
      .insert(leadTouches)
      .values({
        leadId: id,
        kind,
        note: note === null ? null : plainText(note),
        authorId: author.id,
        authorLabel: author.label,
        touchedAt: at,
      })
      .returning({ id: leadTouches.id })
      .get();
    // A touch logged late may be earlier than one already logged: first and last are min and max.
    const updated = tx
      .update(leads)
      .set({
        status,
        touchCount: sql`${leads.touchCount} + 1`,
        firstTouchAt: sql`min(coalesce(${leads.firstTouchAt}, ${at.getTime()}), ${at.getTime()})`,
        lastTouchAt: sql`max(coalesce(${leads.lastTouchAt}, ${at.getTime()}), ${at.getTime()})`,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(leads.id, id))
      .returning({ touchCount: leads.touchCount })
      .get();
    if (status !== lead.status) {
      recordStatusChange(tx, viewer, id, lead.status, status, now);
      recordAudit(tx, actor, 'lead.status_changed', { type: 'lead', id }, { from: lead.status, to: status });
    }
    recordAudit(tx, actor, 'lead.touch_logged', { type: 'lead', id }, { kind });
    return { touchId: row.id, status, touchCount: updated.touchCount };
  });
}

// ── Follow-up ────────────────────────────────────────────────────────────────────────────────

/** How far ahead a follow-up may be planned. */
const FOLLOW_UP_HORIZON_MS = 2 * 366 * 86_400_000;

export const followUpSchema = z.object({
  /** When to follow up next, or null to clear. */
  nextFollowUpAt: isoDateTime('Use an ISO 8601 date-time with a time zone, or null to clear.').nullable(),
});

/** Sets or clears the next follow-up. A do-not-contact lead takes no new follow-ups. */
export function setFollowUp(
  db: Db,
  viewer: Viewer,
  actor: AuditActor,
  id: number,
  input: unknown,
): { nextFollowUpAt: Date | null } {
  const { nextFollowUpAt } = parse(followUpSchema, input);
  const lead = findVisibleLead(db, viewer, id);
  requireWorkable(viewer, lead);
  const now = new Date();
  if (nextFollowUpAt) {
    refuseContact(lead, 'planning follow-ups');
    const fieldError = (message: string) =>
      new AppError('invalid_input', 'Some fields need attention.', { details: [{ field: 'nextFollowUpAt', message }] });
    if (nextFollowUpAt.getTime() < now.getTime() - 60_000) throw fieldError('Pick a time in the future.');
    if (nextFollowUpAt.getTime() > now.getTime() + FOLLOW_UP_HORIZON_MS)
      throw fieldError('Pick a time within two years.');
  }
  db.transaction((tx) => {
    touchLead(tx, id, now, { nextFollowUpAt });
    recordAudit(tx, actor, nextFollowUpAt ? 'lead.follow_up_set' : 'lead.follow_up_cleared', { type: 'lead', id });
  });
  return { nextFollowUpAt };
}

// ── Qualification ────────────────────────────────────────────────────────────────────────────

export const qualificationCheckSchema = z.object({
  itemId: z.number({ error: 'Choose a checklist item.' }).int().positive({ error: 'Choose a checklist item.' }),
  checked: z.boolean({ error: 'Use true or false.' }),
});

/** Checks or unchecks one qualification item on a lead, keeping who checked it and when. */
export function setQualificationCheck(
  db: Db,
  viewer: Viewer,
  actor: AuditActor,
  id: number,
  input: unknown,
): { checked: boolean } {
  const { itemId, checked } = parse(qualificationCheckSchema, input);
  const lead = findVisibleLead(db, viewer, id);
  requireWorkable(viewer, lead);
  const item = db
    .select({ id: qualificationItems.id, archivedAt: qualificationItems.archivedAt })
    .from(qualificationItems)
    .where(eq(qualificationItems.id, itemId))
    .get();
  if (!item || item.archivedAt) {
    throw new AppError('invalid_input', 'This checklist item no longer exists. Reload the page.', {
      details: [{ field: 'itemId', message: 'No current checklist item has this id.' }],
    });
  }
  const author = authorOf(viewer);
  db.transaction((tx) => {
    const now = new Date();
    const changed = checked
      ? tx
          .insert(leadQualifications)
          .values({ leadId: id, itemId, checkedBy: author.id, checkedByLabel: author.label, checkedAt: now })
          .onConflictDoNothing()
          .run()
      : tx
          .delete(leadQualifications)
          .where(and(eq(leadQualifications.leadId, id), eq(leadQualifications.itemId, itemId)))
          .run();
    if (changed.changes === 0) return;
    touchLead(tx, id, now);
    recordAudit(tx, actor, 'lead.qualification_changed', { type: 'lead', id }, { itemId, checked });
  });
  return { checked };
}
