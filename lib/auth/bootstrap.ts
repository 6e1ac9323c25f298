import { getDb } from '@/db';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import { countUsers, createUser } from './users';

/**
 * Scripted installs: with ADMIN_EMAIL and ADMIN_PASSWORD set and no user yet, create that admin at
 * start-up. Never logs the password; a bad value stops the start with the reason.
 */
export async function bootstrapAdmin(): Promise<void> {
  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const db = getDb();
  if (countUsers(db) > 0) return;
  try {
    await createUser(
      db,
      { email, password, name: process.env.ADMIN_NAME?.trim() || 'Admin', role: 'admin' },
      SYSTEM_ACTOR,
      { setup: true },
    );
    process.stdout.write(`Created the first admin (${email}) from ADMIN_EMAIL.\n`);
  } catch (error) {
    if (error instanceof AppError) {
      const reasons = error.details?.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
      throw new Error(`ADMIN_EMAIL/ADMIN_PASSWORD: ${reasons || error.message}`);
    }
    throw error;
  }
}
