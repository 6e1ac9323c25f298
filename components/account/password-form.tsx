'use client';
import { changePassword } from '@/app/(workspace)/account/actions';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSuccess } from '@/components/ui/form';
import { useFormAction } from '@/lib/actions/use-form-action';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/limits';

/** Current password, then the new one twice. Used on the account page and after a reset. */
export function PasswordForm({ email, submitLabel = 'Change password' }: { email: string; submitLabel?: string }) {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(changePassword);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={fieldErrors.newPassword}
      />
      <Field
        label="New password again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrors.confirm}
      />
      {state && !state.ok ? <FormError>{state.message}</FormError> : null}
      {state?.ok ? <FormSuccess>{state.message}</FormSuccess> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Changing…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
