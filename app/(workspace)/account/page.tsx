import type { Metadata } from 'next';
import { PasswordForm } from '@/components/account/password-form';
import { PreferencesForm } from '@/components/account/preferences-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { USER_ROLE_LABELS } from '@/lib/auth/roles';
import { requirePageViewer } from '@/lib/auth/viewer';
import { getPreferences } from '@/lib/preferences/queries';
import { listTimeZones } from '@/lib/preferences/time-zones';

export const metadata: Metadata = { title: 'Your account' };

/** Everyone's own page, whatever their role: display preferences and their password. */
export default async function AccountPage() {
  const viewer = await requirePageViewer('leads:read');
  const preferences = getPreferences(getDb(), viewer.id);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Signed in as <span className="font-medium text-slate-900 dark:text-slate-100">{viewer.name}</span> (
          {viewer.email}), {USER_ROLE_LABELS[viewer.role].toLowerCase()}. An admin changes names, emails and roles.
        </p>
      </div>
      <Card aria-labelledby="preferences-title">
        <CardHeader>
          <CardTitle id="preferences-title">Preferences</CardTitle>
          <CardDescription>How Leadline looks for you, on every device you sign in on.</CardDescription>
        </CardHeader>
        <CardContent>
          <PreferencesForm saved={preferences} zones={listTimeZones()} />
        </CardContent>
      </Card>
      <Card aria-labelledby="password-title">
        <CardHeader>
          <CardTitle id="password-title">Password</CardTitle>
          <CardDescription>
            Changing it signs you out on every other browser and device; you stay signed in here.
          </CardDescription>
        </CardHeader>
        <CardContent className="max-w-md">
          <PasswordForm email={viewer.email} />
        </CardContent>
      </Card>
    </div>
  );
}
