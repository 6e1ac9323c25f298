'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { requireActionViewer } from '@/lib/auth/viewer';
import { parseLeadId } from '@/lib/leads/lead-id';
import type { LeadStatus } from '@/lib/marketplace/vocabulary';
import {
  addLeadNote,
  assignLead,
  claimLead,
  logTouch,
  releaseLead,
  setFollowUp,
  setLeadStatus,
  setQualificationCheck,
} from '@/lib/leads/work';

// Each action re-checks the session and permission, and the work service re-checks the lead's
// scope and validates the input: a lead the person may not see is "not found" here too.

const leadIdOf = (value: unknown) => parseLeadId(String(value ?? ''));

export async function claimLeadAction(leadId: number): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:claim');
    const id = leadIdOf(leadId);
    claimLead(getDb(), viewer, actor, id);
    revalidatePath(`/leads/${id}`);
  }, 'You now work this lead.');
}

export async function assignLeadAction(leadId: number, ownerId: string | null): Promise<ActionResult> {
  return runAction(
    async () => {
      const { viewer, actor } = await requireActionViewer('leads:assign');
      const id = leadIdOf(leadId);
      assignLead(getDb(), viewer, actor, id, ownerId);
      revalidatePath(`/leads/${id}`);
    },
    ownerId ? 'Lead assigned.' : 'Lead unassigned.',
  );
}

export async function releaseLeadAction(leadId: number): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:work');
    const id = leadIdOf(leadId);
    releaseLead(getDb(), viewer, actor, id);
    revalidatePath(`/leads/${id}`);
  }, 'Lead released: anyone can claim it now.');
}

export async function setLeadStatusAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:work');
    const id = leadIdOf(form.get('leadId'));
    const lostReason = String(form.get('lostReason') ?? '').trim();
    setLeadStatus(getDb(), viewer, actor, id, {
      status: form.get('status'),
      lostReason: lostReason || undefined,
      confirmFewTouches: form.get('confirmFewTouches') === 'true',
    });
    revalidatePath(`/leads/${id}`);
  }, 'Status saved.');
}

export async function addNoteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireActionViewer('leads:work');
    const id = leadIdOf(form.get('leadId'));
    addLeadNote(getDb(), viewer, id, { body: form.get('body') });
    revalidatePath(`/leads/${id}`);
  }, 'Note added.');
}

export type TouchActionInput = { kind: string; note?: string | null; touchedAt?: string | null };

export async function logTouchAction(
  leadId: number,
  input: TouchActionInput,
): Promise<ActionResult<{ touchCount: number; status: LeadStatus }>> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:work');
    const id = leadIdOf(leadId);
    const { touchCount, status } = logTouch(getDb(), viewer, actor, id, input);
    revalidatePath(`/leads/${id}`);
    return { touchCount, status };
  }, 'Touch logged.');
}

/** `at` is an ISO date-time made in the browser (the viewer's time zone), or null to clear. */
export async function setFollowUpAction(leadId: number, at: string | null): Promise<ActionResult> {
  return runAction(
    async () => {
      const { viewer, actor } = await requireActionViewer('leads:work');
      const id = leadIdOf(leadId);
      setFollowUp(getDb(), viewer, actor, id, { nextFollowUpAt: at });
      revalidatePath(`/leads/${id}`);
    },
    at ? 'Follow-up set.' : 'Follow-up cleared.',
  );
}

export async function setQualificationAction(leadId: number, itemId: number, checked: boolean): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:work');
    const id = leadIdOf(leadId);
    setQualificationCheck(getDb(), viewer, actor, id, { itemId, checked });
    revalidatePath(`/leads/${id}`);
  });
}
