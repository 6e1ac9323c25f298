import 'server-only';
import { databasePath, type Db } from '@/db';
import { getAppSecret } from '@/lib/config/app-secret';
import { keyPrefix } from '@/lib/keys/crypto';
import { getDisplayableIntakeKey, listIntakeKeys, revealIntakeKeys, type IntakeKeySummary } from './service';
import { publicBaseUrl, webhookUrl } from './webhook-url';

export type WebhookUrls = { url: string; maskedUrl: string };
export type WebhookForDisplay = WebhookUrls & {
  label: string;
  /** Set when the only key that can be shown is in a rotation's grace period: it stops then. */
  worksUntil: Date | null;
};
export type IntakeKeyForDisplay = IntakeKeySummary & { webhook: WebhookUrls | null };

/** What unseals keys: the app secret, and the environment's key to recognise it. */
export function intakeKeySecrets(): { envKey?: string; secret: Buffer } {
  return { envKey: process.env.INTAKE_KEY, secret: getAppSecret(databasePath()) };
}

/** The full webhook URL for a key, and a form with the key masked for the screen. */
export function webhookUrlsFor(baseUrl: string, key: string): WebhookUrls {
  return {
    url: webhookUrl(baseUrl, key),
    maskedUrl: webhookUrl(baseUrl, `${keyPrefix(key)}${'•'.repeat(8)}`).replace(/%E2%80%A2/g, '•'),
  };
}

/** The webhook URL to paste into Partner Center, and a masked form for the screen. */
export function getWebhookForDisplay(db: Db, requestHeaders?: Headers): WebhookForDisplay | null {
  const key = getDisplayableIntakeKey(db, intakeKeySecrets());
  if (!key) return null;
  return { ...webhookUrlsFor(publicBaseUrl(requestHeaders), key.key), label: key.label, worksUntil: key.revokedAt };
}

/** Every intake key for the settings screen, with the webhook URL of each working key we can show. */
export function getIntakeKeysForDisplay(
  db: Db,
  requestHeaders?: Headers,
  now: Date = new Date(),
): IntakeKeyForDisplay[] {
  const revealed = revealIntakeKeys(db, { ...intakeKeySecrets(), now });
  const base = publicBaseUrl(requestHeaders);
  return listIntakeKeys(db, now).map((row) => {
    const key = revealed.get(row.id);
    return { ...row, webhook: key ? webhookUrlsFor(base, key) : null };
  });
}
