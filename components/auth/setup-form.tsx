'use client';
import { setupFirstAdmin } from '@/app/setup/actions';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/lib/actions/use-form-action';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/limits';
import { Field, FormError } from '@/components/ui/form';

export function SetupForm() {
  // Submitted through onSubmit so a failed attempt keeps what was typed.
  const { state, pending, onSubmit, fieldErrors: errors } = useFormAction(setupFirstAdmin);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
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
      <Field
        label="Password again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
      {state && !state.ok ? <FormError>{state.message}</FormError> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create admin and sign in'}
      </Button>
    </form>
  );
}
