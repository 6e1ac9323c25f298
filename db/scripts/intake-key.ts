// npm run intake-key -- [--label NAME] [--revoke-others] — make a new webhook key and print its URL.
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '../index';
import { getAppSecret } from '@/lib/config/app-secret';
import { createIntakeKey } from '@/lib/intake-keys/service';
import { publicBaseUrl, webhookUrl } from '@/lib/intake-keys/webhook-url';

const { values } = parseArgs({
  options: {
    label: { type: 'string' },
    'revoke-others': { type: 'boolean', default: false },
  },
});

const label = values.label?.trim() || `Created ${new Date().toISOString().slice(0, 10)}`;
if (label.length > 100) {
  console.error('--label must be at most 100 characters.');
  process.exit(2);
}

const file = databasePath();
const db = openDatabase(file);
const { key } = createIntakeKey(db, {
  label,
  secret: getAppSecret(file),
  revokeOthers: values['revoke-others'],
});
db.$client.close();

console.log(`New webhook key "${label}". Paste this URL into Partner Center (HTTPS endpoint):`);
console.log(`  ${webhookUrl(publicBaseUrl(), key)}`);
console.log(
  values['revoke-others']
    ? 'Every other key was revoked: deliveries using them now get 401.'
    : 'Existing keys keep working; run again with --revoke-others once Partner Center uses the new URL.',
);
