// Working a lead: claim, assign, change nurture status. Every function checks the viewer's
// permission and scope itself; a lead outside the scope is "not found", never "forbidden".
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { leadNotes, leads, leadStatusChanges, users } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { can, leadScope, viewerLabel, type Permission, type Viewer } from '@/lib/auth/permissions';
import { invalidInput } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/marketplace/vocabulary';
import { scopeCondition } from './queries';

type LeadRow = { id: number; ownerId: string | null; status: LeadStatus };

function require(viewer: Viewer, permission: Permission): void {
  if (!can(viewer, permission)) throw new AppError('forbidden', 'Your role does not allow this.');
}

function findVisibleLead(db: Db, viewer: Viewer, id: number): LeadRow {
  const lead = db
    .select({ id: leads.id, ownerId: leads.ownerId, status: leads.status })
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

/** Takes an unassigned lead for oneself. */
export function claimLead(db: Db, viewer: Viewer, actor: AuditActor, id: number): { ownerId: string } {
  require(viewer, 'leads:claim');
  if (viewer.kind !== 'user') throw new AppError('forbidden', 'Only people can claim leads.');
  const lead = findVisibleLead(db, viewer, id);
  if (lead.ownerId === viewer.id) return { ownerId: viewer.id };
  if (lead.ownerId) throw new AppError('conflict', 'Someone else already works this lead.');
  return db.transaction((tx) => {
    // Only an unassigned lead can be claimed, even when two reps click at once.
    const claimed = tx
      .update(leads)
      .set({ ownerId: viewer.id, assignedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(leads.id, id), isNull(leads.ownerId)))
      .run();
    if (claimed.changes === 0) throw new AppError('conflict', 'Someone else claimed this lead a moment ago.');
    recordAudit(tx, actor, 'lead.claimed', { type: 'lead', id });
    return { ownerId: viewer.id };
  });
}

/** Gives a lead to an active person, or unassigns it (ownerId null). Managers only. */
export function assignLead(db: Db, viewer: Viewer, actor: AuditActor, id: number, ownerId: string | null): { ownerId: string | null } {
  require(viewer, 'leads:assign');
  const lead = findVisibleLead(db, viewer, id);
  if (ownerId !== null) {
    const owner = db.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, ownerId)).get();
    if (!owner || owner.disabledAt) {
      throw new AppError('invalid_input', 'Choose an active user.', { details: [{ field: 'ownerId', message: 'No active user has this id.' }] });
    }
  }
  if (lead.ownerId === ownerId) return { ownerId };
  db.transaction((tx) => {
    tx.update(leads)
      .set({ ownerId, assignedAt: ownerId ? new Date() : null, updatedAt: new Date() })
      .where(eq(leads.id, id))
      .run();
    recordAudit(tx, actor, 'lead.assigned', { type: 'lead', id }, { from: lead.ownerId, to: ownerId });
  });
  return { ownerId };
}

export const statusChangeSchema = z
  .object({
    status: z.enum(LEAD_STATUSES, { error: `Use one of: ${LEAD_STATUSES.join(', ')}.` }),
    lostReason: z.string().trim().max(500, { error: 'Use at most 500 characters.' }).optional(),
  })
  .refine((value) => value.status !== 'lost' || Boolean(value.lostReason), {
    error: 'Say why the lead was lost.',
    path: ['lostReason'],
  });

/** Moves a lead's nurture status and records who did it, when, from and to. */
export function setLeadStatus(db: Db, viewer: Viewer, actor: AuditActor, id: number, input: unknown): { status: LeadStatus } {
  const parsed = statusChangeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const lead = findVisibleLead(db, viewer, id);
  requireWorkable(viewer, lead);
  const { status, lostReason } = parsed.data;
  if (lead.status === status) return { status };
  const now = new Date();
  db.transaction((tx) => {
    tx.update(leads).set({ status, updatedAt: now }).where(eq(leads.id, id)).run();
    tx.insert(leadStatusChanges)
      .values({
        leadId: id,
        fromStatus: lead.status,
        toStatus: status,
        lostReason: status === 'lost' ? (lostReason ?? null) : null,
        changedBy: viewer.kind === 'user' ? viewer.id : null,
        changedByLabel: viewer.kind === 'user' ? viewer.name : viewerLabel(viewer),
        changedAt: now,
      })
      .run();
    recordAudit(tx, actor, 'lead.status_changed', { type: 'lead', id }, { from: lead.status, to: status });
  });
  return { status };
}

export const NOTE_MAX_LENGTH = 5000;

const noteSchema = z.object({
  body: z
    .string({ error: 'Write a note.' })
    .trim()
    .min(1, { error: 'Write a note.' })
    .max(NOTE_MAX_LENGTH, { error: `Use at most ${NOTE_MAX_LENGTH} characters.` }),
});

/** Adds a plain-text note to a lead the viewer works. */
export function addLeadNote(db: Db, viewer: Viewer, id: number, input: unknown): { noteId: number } {
  const parsed = noteSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const lead = findVisibleLead(db, viewer, id);
  requireWorkable(viewer, lead);
  const row = db
    .insert(leadNotes)
    .values({
      leadId: id,
      // Line endings normalised; the text is stored and shown as text, never as HTML.
      body: parsed.data.body.replace(/\r\n?/g, '\n'),
      authorId: viewer.kind === 'user' ? viewer.id : null,
      authorLabel: viewer.kind === 'user' ? viewer.name : viewerLabel(viewer),
      createdAt: new Date(),
    })
    .returning({ id: leadNotes.id })
    .get();
  return { noteId: row.id };
}
