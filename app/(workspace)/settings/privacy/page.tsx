import type { Metadata } from 'next';
import { ErasePerson } from '@/components/privacy/erase-person';
import { RetentionForm } from '@/components/privacy/retention-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requirePageViewer } from '@/lib/auth/viewer';
import { getRetention } from '@/lib/settings/service';

export const metadata: Metadata = { title: 'Data & privacy' };

export default async function PrivacySettingsPage() {
  await requirePageViewer('workspace:admin');
  const retention = getRetention(getDb());
  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="retention-title">
        <CardHeader>
          <CardTitle id="retention-title">Retention</CardTitle>
          <CardDescription>
            How long the delivery log and Partner Center’s test leads are kept. Older ones are deleted every hour. Real
            leads are never deleted by retention.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RetentionForm retention={retention} />
        </CardContent>
      </Card>
      <Card aria-labelledby="erase-title">
        <CardHeader>
          <CardTitle id="erase-title">Erase a person’s data</CardTitle>
          <CardDescription>
            For a request to be forgotten (GDPR article 17). The person’s leads are anonymised rather than deleted, so
            the dashboard’s counts do not change; a new delivery from them starts a new lead.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ErasePerson />
        </CardContent>
      </Card>
    </div>
  );
}
