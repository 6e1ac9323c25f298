import 'server-only';
// A person changing their own password. better-auth checks the current password and swaps the
// hash (its changePassword, ending every other session); the rules and the audit are ours.
import { isAPIError } from 'better-auth/api';
import { z } from 'zod';
import type { Db } from '@/db';
import type { AuditActor } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import type { Auth } from './auth';
import { PASSWORD_MAX_LENGTH } from './limits';
import { invalidInput, passwordSchema, recordPasswordChanged } from './users';

export const passwordChangeSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password.' })
      .min(1, { error: 'Enter your current password.' })
      .max(PASSWORD_MAX_LENGTH, { error: 'That is not your current password.' }),
    newPassword: passwordSchema,
    confirm: z.string({ error: 'Type the new password again.' }),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword === value.currentPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'Choose a password different from the current one.',
      });
    }
    if (value.confirm !== value.newPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'Type the same new password twice.' });
    }
  });
export type PasswordChange = z.input<typeof passwordChangeSchema>;

/**
 * Changes the signed-in person's password. Their other sessions end; this one is replaced by a
 * fresh session (better-auth sets its cookie), so the person stays signed in here.
 */
export async function changeOwnPassword(
  db: Db,
  auth: Pick<Auth, 'api'>,
  headers: Headers,
  actor: AuditActor & { id: string },
  input: PasswordChange,
): Promise<void> {
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { currentPassword, newPassword } = parsed.data;
  try {
    await auth.api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers });
  } catch (error) {
    if (isAPIError(error) && (error.body as { code?: string } | undefined)?.code === 'INVALID_PASSWORD') {
      throw new AppError('invalid_input', 'Your current password is not right.', {
        details: [{ field: 'currentPassword', message: 'That is not your current password.' }],
      });
    }
    if (isAPIError(error) && error.statusCode === 401) {
      throw new AppError('unauthorized', 'Your session has ended. Sign in again.');
    }
    throw error;
  }
  recordPasswordChanged(db, actor, actor.id);
}
