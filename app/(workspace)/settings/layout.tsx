import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SettingsNav } from '@/components/settings/settings-nav';
import { requirePageViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: { default: 'Settings', template: '%s · Settings · Leadline' } };

/** Admins only. Each page checks again: a layout is not re-run on every navigation between its pages. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePageViewer('workspace:admin');
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Who can sign in, the keys that let Microsoft and your integrations in, every delivery the webhook received,
          the qualification checklist, a record of what happened, and how long data is kept.
        </p>
      </div>
      <SettingsNav />
      {children}
    </div>
  );
}
