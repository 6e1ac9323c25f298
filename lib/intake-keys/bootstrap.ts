import { databasePath, getDb } from '@/db';
import { getAppSecret } from '@/lib/config/app-secret';
import { ensureIntakeKey } from './service';
import { publicBaseUrl, webhookUrl } from './webhook-url';

/**
 * Run once when the server starts: migrate, and make sure the webhook has a key. A newly
 * generated key is printed once, as the full URL to paste into Partner Center; it is never logged
 * again (admins see it on the home screen).
 */
export function bootstrapIntake(): void {
  const db = getDb();
  const { generatedKey } = ensureIntakeKey(db, {
    envKey: process.env.INTAKE_KEY,
    secret: getAppSecret(databasePath()),
  });
  if (generatedKey) {
    const url = webhookUrl(publicBaseUrl(), generatedKey);
    process.stdout.write(
      [
        '',
        'A webhook key was generated for this installation.',
        'Paste this URL into Partner Center → your offer → Customer leads → HTTPS endpoint:',
        `  ${url}`,
        'It is shown here once; the home screen shows it again.',
        '',
      ].join('\n') + '\n',
    );
  }
}
