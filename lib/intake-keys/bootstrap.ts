import { databasePath, getDb } from '@/db';
import { getAppSecret } from '@/lib/config/app-secret';
import { logger } from '@/lib/log/logger';
import { ensureIntakeKey } from './service';

/**
 * Run once when the server starts: migrate, and make sure the webhook has a key. A newly
 * generated key is announced but never written out: stdout is the log, and logs travel further
 * than secrets should. Admins copy the webhook URL from the home screen or Settings → Keys.
 */
export function bootstrapIntake(): void {
  const db = getDb();
  const { generatedKey } = ensureIntakeKey(db, {
    envKey: process.env.INTAKE_KEY,
    secret: getAppSecret(databasePath()),
  });
  if (generatedKey) {
    logger.info(
      'a webhook key was generated for this installation: an admin copies the webhook URL for Partner Center ' +
        'from the home screen or Settings → Keys',
    );
  }
}
