import { getDb, type Db } from '@/db';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { createUser, findUserByEmail, hasUsableAdmin, restoreAdmin } from './users';

export type ScriptedAdmin = { email?: string; password?: string; name?: string };
export type ScriptedAdminOutcome = { result: 'skipped' | 'created' | 'restored'; userId?: string };

/**
 * Scripted installs: with an email and password given and no admin able to sign in (an empty
 * database, or one holding only seeded reps), make that person an admin. A new address becomes a
 * new admin; an existing one is turned into an active admin with this password.
 */
export async function ensureScriptedAdmin(db: Db, input: ScriptedAdmin): Promise<ScriptedAdminOutcome> {
  const email = input.email?.trim();
  const password = input.password;
  if (!email || !password || hasUsableAdmin(db)) return { result: 'skipped' };
  const existing = findUserByEmail(db, email);
  if (existing) {
    await restoreAdmin(db, SYSTEM_ACTOR, existing.id, password);
    return { result: 'restored', userId: existing.id };
  }
  const user = await createUser(
    db,
    { email, password, name: input.name?.trim() || 'Admin', role: 'admin' },
    SYSTEM_ACTOR,
    { setup: true },
  );
  return { result: 'created', userId: user.id };
}

/**
 * At start-up, from ADMIN_EMAIL / ADMIN_PASSWORD / ADMIN_NAME. Never logs the password (nor the
 * address: personal data); a bad value stops the start with the reason.
 */
export async function bootstrapAdmin(): Promise<void> {
  try {
    const outcome = await ensureScriptedAdmin(getDb(), {
      email: process.env.ADMIN_EMAIL,
      password: process.env.ADMIN_PASSWORD,
      name: process.env.ADMIN_NAME,
    });
    if (outcome.result === 'created')
      logger.info({ userId: outcome.userId }, 'created the first admin from ADMIN_EMAIL');
    if (outcome.result === 'restored') {
      logger.info({ userId: outcome.userId }, 'made the existing user named by ADMIN_EMAIL an admin');
    }
  } catch (error) {
    if (error instanceof AppError) {
      const reasons = error.details?.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
      throw new Error(`ADMIN_EMAIL/ADMIN_PASSWORD: ${reasons || error.message}`);
    }
    throw error;
  }
}
