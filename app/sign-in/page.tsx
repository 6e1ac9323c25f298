import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AuthShell } from '@/components/auth/auth-shell';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getDb } from '@/db';
import { getSessionViewer } from '@/lib/auth/viewer';
import { hasUsableAccount } from '@/lib/auth/users';
import { safeNextPath } from '@/lib/auth/next-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  await connection();
  if (!hasUsableAccount(getDb())) redirect('/setup');
  const next = safeNextPath((await searchParams).next);
  if (await getSessionViewer(await headers())) redirect(next);
  return (
    <AuthShell title="Sign in to Leadline" description="Your marketplace leads, kept safe.">
      <SignInForm next={next} />
    </AuthShell>
  );
}
