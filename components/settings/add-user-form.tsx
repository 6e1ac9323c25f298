'use client';
import { addUser } from '@/app/(workspace)/settings/users/actions';
import { Button } from '@/components/ui/button';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/limits';
import { USER_ROLE_LABELS, USER_ROLES } from '@/lib/auth/roles';
import { useFormAction } from '@/lib/actions/use-form-action';
import { Field, FormError, FormSuccess, SelectField } from '@/components/ui/form';

const ROLE_HINTS = {
  rep: 'works their own and unassigned leads',
  manager: 'sees and assigns every lead, and the dashboard',
  admin: 'also manages users, keys and the audit log',
} as const;

export function AddUserForm() {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(addUser);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-user-title" className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" autoComplete="off" required error={fieldErrors.name} />
        <Field label="Email" name="email" type="email" autoComplete="off" required error={fieldErrors.email} />
        <SelectField label="Role" name="role" defaultValue="rep" error={fieldErrors.role}>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {USER_ROLE_LABELS[role]}: {ROLE_HINTS[role]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to them privately.`}
          error={fieldErrors.password}
        />
      </div>
      {state && !state.ok ? <FormError>{state.message}</FormError> : null}
      {state?.ok ? (
        <FormSuccess>
          Added {state.data.name} ({state.data.email}). They can sign in now.
        </FormSuccess>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding user…' : 'Add user'}
        </Button>
      </div>
    </form>
  );
}
