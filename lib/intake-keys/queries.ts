import 'server-only';
import { databasePath, type Db } from '@/db';
import { getAppSecret } from '@/lib/config/app-secret';
import { keyPrefix } from './crypto';
import { getDisplayableIntakeKey } from './service';
import { publicBaseUrl, webhookUrl } from './webhook-url';

export type WebhookForDisplay = { url: string; maskedUrl: string; label: string };

/** The webhook URL to paste into Partner Center, and a masked form for the screen. */
export function getWebhookForDisplay(db: Db, requestHeaders?: Headers): WebhookForDisplay | null {
  const key = getDisplayableIntakeKey(db, {
    envKey: process.env.INTAKE_KEY,
    secret: getAppSecret(databasePath()),
  });
  if (!key) return null;
  const base = publicBaseUrl(requestHeaders);
  return {
    url: webhookUrl(base, key.key),
    maskedUrl: webhookUrl(base, `${keyPrefix(key.key)}${'•'.repeat(8)}`).replace(/%E2%80%A2/g, '•'),
    label: key.label,
  };
}
