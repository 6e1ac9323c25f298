import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PasswordForm } from '@/components/account/password-form';
import { SignOutButton } from '@/components/account/sign-out-button';
import { AuthShell } from '@/components/auth/auth-shell';
import { requirePageViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Choose a new password' };

/** After an admin's reset: the one page open until the temporary password is replaced. */
export default async function ChangePasswordPage() {
  const viewer = await requirePageViewer('leads:read', { passwordChange: true });
  if (!viewer.mustChangePassword) redirect('/account');
  return (
    <AuthShell
      title="Choose a new password"
      description="An admin reset your password. Enter the temporary password you were given, then your own."
    >
      <PasswordForm email={viewer.email} submitLabel="Set password and continue" />
      <div className="mt-4 flex justify-center border-t border-slate-100 pt-4 dark:border-slate-800">
        <SignOutButton />
      </div>
    </AuthShell>
  );
}
