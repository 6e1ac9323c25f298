'use server';
// Retention settings, purging and erasure. Admins only; each action checks that itself. The
// person's email travels in the request body only, never in a URL.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { AppError } from '@/lib/errors';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { invalidInput } from '@/lib/auth/users';
import { requireActionViewer } from '@/lib/auth/viewer';
import { runRetention, type PurgeCounts } from '@/lib/ops/retention';
import {
  eraseLeads,
  findPersonLeads,
  personEmailSchema,
  type ErasureCounts,
  type PersonLead,
} from '@/lib/privacy/service';
import { setRetention, type Retention } from '@/lib/settings/service';

export async function saveRetentionAction(
  _previous: ActionResult<Retention> | null,
  form: FormData,
): Promise<ActionResult<Retention>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    const saved = setRetention(getDb(), actor, {
      deliveryLogDays: form.get('deliveryLogDays'),
      testLeadDays: form.get('testLeadDays'),
    });
    revalidatePath('/settings', 'layout');
    return saved;
  }, 'Retention saved. Older records go at the next hourly run, or now with “Purge now”.');
}

export async function purgeNowAction(): Promise<ActionResult<PurgeCounts>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    const counts = runRetention(getDb(), new Date(), actor);
    revalidatePath('/settings', 'layout');
    return counts;
  });
}

export type PersonSearch = { leads: PersonLead[] };

export async function findPersonAction(
  _previous: ActionResult<PersonSearch> | null,
  form: FormData,
): Promise<ActionResult<PersonSearch>> {
  return runAction(async () => {
    await requireActionViewer('workspace:admin');
    const parsed = personEmailSchema.safeParse(form.get('email'));
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'Enter the person’s email address.';
      throw new AppError('invalid_input', message, { details: [{ field: 'email', message }] });
    }
    return { leads: findPersonLeads(getDb(), parsed.data) };
  });
}

const leadIdsSchema = z.array(z.number().int().positive()).min(1, 'Choose at least one lead.').max(1000);

export async function eraseLeadsAction(ids: number[]): Promise<ActionResult<ErasureCounts>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    const parsed = leadIdsSchema.safeParse(ids);
    if (!parsed.success) throw invalidInput(parsed.error);
    const counts = eraseLeads(getDb(), actor, parsed.data);
    revalidatePath('/', 'layout');
    return counts;
  });
}
