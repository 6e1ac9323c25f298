import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ApiKeysSection } from '@/components/settings/api-keys-section';
import { IntakeKeysSection } from '@/components/settings/intake-keys-section';
import { getDb } from '@/db';
import { listApiKeys } from '@/lib/api-keys/service';
import { requirePageViewer } from '@/lib/auth/viewer';
import { getIntakeKeysForDisplay } from '@/lib/intake-keys/queries';
import {
  DEFAULT_GRACE_HOURS,
  GRACE_PERIOD_LABELS,
  INTAKE_KEY_GRACE_HOURS,
  INTAKE_KEY_LABEL_MAX_LENGTH,
} from '@/lib/intake-keys/service';

export const metadata: Metadata = { title: 'Keys' };

const GRACE_OPTIONS = INTAKE_KEY_GRACE_HOURS.map((hours) => ({ hours, label: GRACE_PERIOD_LABELS[hours] }));

export default async function KeysSettingsPage() {
  await requirePageViewer('workspace:admin');
  const db = getDb();
  const now = new Date();
  const intakeKeys = getIntakeKeysForDisplay(db, await headers(), now);
  const apiKeys = listApiKeys(db);

  return (
    <div className="flex flex-col gap-6">
      <IntakeKeysSection
        keys={intakeKeys}
        graceOptions={GRACE_OPTIONS}
        defaultGraceHours={DEFAULT_GRACE_HOURS}
        labelMaxLength={INTAKE_KEY_LABEL_MAX_LENGTH}
      />
      <ApiKeysSection keys={apiKeys} />
    </div>
  );
}
