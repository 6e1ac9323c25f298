'use server';
// Replaying a rejected delivery. Admins only; the action checks that itself.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { invalidInput } from '@/lib/auth/users';
import { requireActionViewer } from '@/lib/auth/viewer';
import { replayDelivery, type ReplayResult } from '@/lib/deliveries/service';
import { DELIVERIES_PATH } from '@/lib/deliveries/search-params';

const deliveryIdSchema = z.number({ error: 'No delivery was given.' }).int().positive();

export async function replayDeliveryAction(id: number): Promise<ActionResult<ReplayResult>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    const parsed = deliveryIdSchema.safeParse(id);
    if (!parsed.success) throw invalidInput(parsed.error);
    const result = replayDelivery(getDb(), actor, parsed.data);
    revalidatePath(DELIVERIES_PATH, 'layout');
    return result;
  });
}
