import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AuthShell } from '@/components/auth/auth-shell';
import { SetupForm } from '@/components/auth/setup-form';
import { getDb } from '@/db';
import { countUsers } from '@/lib/auth/users';

export const metadata: Metadata = { title: 'Set up' };

/** One-time: exists only while there is no user at all. */
export default async function SetupPage() {
  await connection();
  if (countUsers(getDb()) > 0) redirect('/sign-in');
  return (
    <AuthShell
      title="Welcome to Leadline"
      description="Create the first admin account. This page disappears once it exists."
    >
      <SetupForm />
    </AuthShell>
  );
}
