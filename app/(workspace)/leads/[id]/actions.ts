'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { requireActionViewer } from '@/lib/auth/viewer';
import { parseLeadId } from '@/lib/leads/lead-id';
import { addLeadNote, assignLead, claimLead, setLeadStatus } from '@/lib/leads/work';

// Each action re-checks the session and permission, and the work service re-checks the lead's
// scope: a lead the person may not see is "not found" here too.

export async function claimLeadAction(leadId: number): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:claim');
    const id = parseLeadId(String(leadId));
    claimLead(getDb(), viewer, actor, id);
    revalidatePath(`/leads/${id}`);
  }, 'You now work this lead.');
}

export async function assignLeadAction(leadId: number, ownerId: string | null): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:assign');
    const id = parseLeadId(String(leadId));
    assignLead(getDb(), viewer, actor, id, ownerId);
    revalidatePath(`/leads/${id}`);
  }, ownerId ? 'Lead assigned.' : 'Lead unassigned.');
}

export async function setLeadStatusAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:work');
    const id = parseLeadId(String(form.get('leadId') ?? ''));
    const lostReason = String(form.get('lostReason') ?? '').trim();
    setLeadStatus(getDb(), viewer, actor, id, { status: form.get('status'), lostReason: lostReason || undefined });
    revalidatePath(`/leads/${id}`);
  }, 'Status saved.');
}

export async function addNoteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireActionViewer('leads:work');
    const id = parseLeadId(String(form.get('leadId') ?? ''));
    addLeadNote(getDb(), viewer, id, { body: form.get('body') });
    revalidatePath(`/leads/${id}`);
  }, 'Note added.');
}
