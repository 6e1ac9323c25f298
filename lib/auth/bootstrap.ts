import { getDb } from '@/db';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
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
    const user = await createUser(
      db,
      { email, password, name: process.env.ADMIN_NAME?.trim() || 'Admin', role: 'admin' },
      SYSTEM_ACTOR,
      { setup: true },
    );
    // By id: the address is personal data and stays out of the logs.
    logger.info({ userId: user.id }, 'created the first admin from ADMIN_EMAIL');
  } catch (error) {
    if (error instanceof AppError) {
      const reasons = error.details?.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
      throw new Error(`ADMIN_EMAIL/ADMIN_PASSWORD: ${reasons || error.message}`);
    }
    throw error;
  }
}
