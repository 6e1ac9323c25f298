'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth/client';
import { Field, FormError } from '@/components/ui/form';

/** better-auth's error, in words a person can act on. */
function signInMessage(error: { status?: number; message?: string; code?: string }): string {
  if (error.status === 401) return 'Wrong email or password.';
  if (error.status === 403) return error.message || 'This account is disabled. Ask an admin to enable it.';
  if (error.status === 429) {
    return error.code === 'SIGN_IN_THROTTLED' && error.message
      ? error.message
      : 'Too many sign-in attempts from here. Wait a minute and try again.';
  }
  if (error.status === 400) return error.message || 'Check the email and password.';
  return 'Sign-in failed. Try again.';
}

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (failure) {
      setError(signInMessage(failure));
      setPending(false);
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      {error ? <FormError>{error}</FormError> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-xs text-slate-500 dark:text-slate-400">
        No account? Ask an admin of your workspace to add you.
      </p>
    </form>
  );
}
