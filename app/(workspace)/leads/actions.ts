'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { requireActionViewer } from '@/lib/auth/viewer';
import { invalidInput } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { assignLead, claimLead, setLeadStatus, statusChangeSchema } from '@/lib/leads/work';

// Bulk actions on the table's selection. Each lead goes through the same work service as the
// lead page (permission, scope and rules checked per lead); the result says how many succeeded
// and why the others did not.

const idsSchema = z
  .array(z.number().int().positive())
  .min(1, 'Select at least one lead.')
  .max(200, 'Select at most 200 leads.');

export type BulkResult = { done: number; failed: { id: number; message: string }[] };

function eachLead(ids: unknown, work: (id: number) => void): BulkResult {
  const parsed = idsSchema.safeParse(ids);
  if (!parsed.success) throw invalidInput(parsed.error);
  const result: BulkResult = { done: 0, failed: [] };
  for (const id of parsed.data) {
    try {
      work(id);
      result.done += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({ id, message: error.message });
    }
  }
  revalidatePath('/leads');
  return result;
}

export async function bulkClaimAction(ids: number[]): Promise<ActionResult<BulkResult>> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:claim');
    return eachLead(ids, (id) => claimLead(getDb(), viewer, actor, id));
  });
}

export async function bulkAssignAction(ids: number[], ownerId: string | null): Promise<ActionResult<BulkResult>> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:assign');
    return eachLead(ids, (id) => assignLead(getDb(), viewer, actor, id, ownerId));
  });
}

export async function bulkStatusAction(
  ids: number[],
  input: { status: string; lostReason?: string; confirmFewTouches?: boolean },
): Promise<ActionResult<BulkResult>> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('leads:work');
    // A bad reason is one answer naming the field, not the same failure once per lead.
    const parsed = statusChangeSchema.safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error);
    return eachLead(ids, (id) => setLeadStatus(getDb(), viewer, actor, id, parsed.data));
  });
}
