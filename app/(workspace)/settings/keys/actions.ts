'use server';
// Intake (webhook) keys and API keys: create, rotate, revoke. Admins only; each action checks that itself.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/service';
import type { ApiKeyRole } from '@/lib/auth/roles';
import { invalidInput } from '@/lib/auth/users';
import { requireActionViewer } from '@/lib/auth/viewer';
import { formatDateTimeFull } from '@/lib/format';
import { viewerTimeZone } from '@/lib/preferences/time-zone';
import { intakeKeySecrets, webhookUrlsFor } from '@/lib/intake-keys/queries';
import { createLabelledIntakeKey, revokeIntakeKey, rotateIntakeKey } from '@/lib/intake-keys/service';
import { publicBaseUrl } from '@/lib/intake-keys/webhook-url';

const KEYS_PATH = '/settings/keys';

const keyIdSchema = z.number({ error: 'No key was given.' }).int().positive();

function parseKeyId(input: unknown): number {
  const parsed = keyIdSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** A new webhook URL, returned once so the admin can paste it into Partner Center. */
export type NewWebhook = { label: string; url: string; maskedUrl: string; note?: string };
/** A new API key, returned once: only its hash is kept. */
export type NewApiKey = { label: string; key: string; role: ApiKeyRole };

export async function createIntakeKeyAction(
  _previous: ActionResult<NewWebhook> | null,
  form: FormData,
): Promise<ActionResult<NewWebhook>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    const created = createLabelledIntakeKey(
      getDb(),
      actor,
      { label: form.get('label') },
      { secret: intakeKeySecrets().secret },
    );
    revalidatePath(KEYS_PATH);
    return { label: created.label, ...webhookUrlsFor(publicBaseUrl(await headers()), created.key) };
  });
}

export async function rotateIntakeKeyAction(input: {
  id: number;
  graceHours: number;
}): Promise<ActionResult<NewWebhook>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    const now = new Date();
    const rotated = rotateIntakeKey(getDb(), actor, parseKeyId(input?.id), {
      graceHours: input?.graceHours,
      secret: intakeKeySecrets().secret,
      now,
    });
    revalidatePath(KEYS_PATH);
    const note =
      rotated.oldKeyWorksUntil.getTime() > now.getTime()
        ? `The previous key keeps working until ${formatDateTimeFull(rotated.oldKeyWorksUntil, await viewerTimeZone())}: update Partner Center before then.`
        : 'The previous key has stopped working: deliveries to its URL are refused until Partner Center has the new one.';
    return { label: rotated.label, ...webhookUrlsFor(publicBaseUrl(await headers()), rotated.key), note };
  });
}

export async function revokeIntakeKeyAction(id: number): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    revokeIntakeKey(getDb(), actor, parseKeyId(id));
    revalidatePath(KEYS_PATH);
  }, 'Key revoked.');
}

export async function createApiKeyAction(
  _previous: ActionResult<NewApiKey> | null,
  form: FormData,
): Promise<ActionResult<NewApiKey>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    const created = createApiKey(getDb(), actor, { label: form.get('label'), role: form.get('role') });
    revalidatePath(KEYS_PATH);
    return { label: created.label, key: created.key, role: created.role };
  });
}

export async function revokeApiKeyAction(id: number): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    revokeApiKey(getDb(), actor, parseKeyId(id));
    revalidatePath(KEYS_PATH);
  }, 'API key revoked.');
}
