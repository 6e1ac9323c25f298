// Reads of a person's display preferences (time zone, theme). The time display and the root
// layout read them here; writes live in ./service.ts.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { Theme } from './vocabulary';

export type Preferences = { timeZone: string | null; theme: Theme };

/** Defaults for someone not signed in (or unknown): the browser's zone and the system theme. */
export const DEFAULT_PREFERENCES: Preferences = { timeZone: null, theme: 'system' };

/** The person's saved preferences; an unknown user gets the defaults. */
export function getPreferences(db: Db, userId: string): Preferences {
  const row = db.select({ timeZone: users.timeZone, theme: users.theme }).from(users).where(eq(users.id, userId)).get();
  return row ?? { ...DEFAULT_PREFERENCES };
}
