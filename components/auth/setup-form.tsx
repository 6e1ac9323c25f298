'use client';
import { useActionState } from 'react';
import { setupFirstAdmin } from '@/app/setup/actions';
import { Button } from '@/components/ui/button';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/limits';
import { Field, FormError } from '@/components/ui/form';

export function SetupForm() {
  const [state, action, pending] = useActionState(setupFirstAdmin, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field label="Your name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Work email" name="email" type="email" autoComplete="username" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.password}
      />
      <Field label="Password again" name="confirm" type="password" autoComplete="new-password" required error={errors.confirm} />
      {state && !state.ok ? (
        <FormError>{state.message}</FormError>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create admin and sign in'}
      </Button>
    </form>
  );
}
