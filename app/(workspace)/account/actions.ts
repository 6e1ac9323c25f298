'use server';
// The signed-in person's own account: password and display preferences. Each action checks the
// session itself and only ever touches the viewer's own row.
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { getAuth } from '@/lib/auth/auth';
import { changeOwnPassword } from '@/lib/auth/password';
import { requireActionViewer } from '@/lib/auth/viewer';
import { updatePreferences } from '@/lib/preferences/service';
import type { Preferences } from '@/lib/preferences/queries';

export async function changePassword(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  let forced = false;
  const result = await runAction(async () => {
    // Allowed while a reset's new password is pending: this is how it gets chosen.
    const { viewer, actor } = await requireActionViewer('leads:read', { passwordChange: true });
    forced = viewer.mustChangePassword;
    await changeOwnPassword(
      getDb(),
      getAuth(),
      await headers(),
      { ...actor, id: viewer.id },
      {
        currentPassword: String(form.get('currentPassword') ?? ''),
        newPassword: String(form.get('newPassword') ?? ''),
        confirm: String(form.get('confirm') ?? ''),
      },
    );
  }, 'Password changed. You were signed out everywhere else.');
  // After a reset, the app opens once the new password is set.
  if (result.ok && forced) redirect('/');
  return result;
}

export async function savePreferences(
  _previous: ActionResult<Preferences> | null,
  form: FormData,
): Promise<ActionResult<Preferences>> {
  return runAction(async () => {
    const { viewer } = await requireActionViewer('leads:read');
    const saved = updatePreferences(getDb(), viewer.id, {
      timeZone: String(form.get('timeZone') ?? ''),
      theme: String(form.get('theme') ?? '') as Preferences['theme'],
    });
    // The theme is applied by the root layout, so every page renders again.
    revalidatePath('/', 'layout');
    return saved;
  }, 'Preferences saved.');
}
