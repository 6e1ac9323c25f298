import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AuthShell } from '@/components/auth/auth-shell';
import { SetupForm } from '@/components/auth/setup-form';
import { getDb } from '@/db';
import { countUsers, hasUsableAdmin } from '@/lib/auth/users';

export const metadata: Metadata = { title: 'Set up' };

/** Open only while no admin can sign in (an empty database, or one with seeded reps only). */
export default async function SetupPage() {
  await connection();
  const db = getDb();
  if (hasUsableAdmin(db)) redirect('/sign-in');
  const description =
    countUsers(db) === 0
      ? 'Create the first admin account. This page disappears once it exists.'
      : 'Nobody can sign in as an admin yet. Create the first admin account; this page disappears once it exists.';
  return (
    <AuthShell title="Welcome to Leadline" description={description}>
      <SetupForm />
    </AuthShell>
  );
}
