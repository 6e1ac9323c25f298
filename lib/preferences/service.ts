// Writes of a person's display preferences. Only the person themselves changes them (the action
// passes the signed-in id); they are cosmetic, so they are not audited.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { Preferences } from './queries';
import { isKnownTimeZone } from './time-zones';
import { THEMES } from './vocabulary';

const UNKNOWN_ZONE = 'Unknown zone. Choose one from the list.';

export const preferencesSchema = z
  .object({
    // '' and null both mean "follow the browser's zone".
    timeZone: z
      .string({ error: 'Choose a time zone.' })
      .trim()
      .nullable()
      .transform((zone) => zone || null)
      .refine((zone) => zone === null || isKnownTimeZone(zone), { error: UNKNOWN_ZONE }),
    theme: z.enum(THEMES, { error: 'Choose system, light or dark.' }),
  })
  .partial();
export type PreferencesInput = z.input<typeof preferencesSchema>;

/** Saves the given preferences (either or both) and returns the whole set. */
export function updatePreferences(db: Db, userId: string, input: PreferencesInput): Preferences {
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(input)',
      message: issue.message,
    }));
    const zone = details.find((detail) => detail.field === 'timeZone');
    // The message names the field, for callers that show only the message (the API, the CLI).
    throw new AppError(
      'invalid_input',
      zone?.message === UNKNOWN_ZONE ? 'time zone: unknown zone' : 'Some fields need attention.',
      {
        details,
      },
    );
  }
  const changes = parsed.data;
  const row = db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ timeZone: users.timeZone, theme: users.theme })
    .get();
  if (!row) throw new AppError('not_found', 'No such user.');
  return row;
}
