'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { getAuth } from '@/lib/auth/auth';
import { requestInfo } from '@/lib/auth/request-info';
import { assertSetupOpen, createUser } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';

/** Creates the first admin (refused once an admin can sign in) and signs them in. */
export async function setupFirstAdmin(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const requestHeaders = await headers();
  const input = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    password: String(form.get('password') ?? ''),
    role: 'admin' as const,
  };
  const result = await runAction(async () => {
    const db = getDb();
    // Closed: the same answer for any input, before any checking or hashing.
    assertSetupOpen(db);
    if (input.password !== String(form.get('confirm') ?? '')) {
      throw new AppError('invalid_input', 'The passwords do not match.', {
        details: [{ field: 'confirm', message: 'Type the same password twice.' }],
      });
    }
    const { ip, userAgent } = requestInfo(requestHeaders);
    await createUser(db, input, { type: 'anonymous', id: null, label: 'setup page', ip, userAgent }, { setup: true });
    await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: requestHeaders,
    });
  });
  if (result.ok) redirect('/');
  return result;
}
