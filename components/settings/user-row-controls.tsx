'use client';
import { useState, useTransition } from 'react';
import { changeUserRole, disableUserAccount, enableUserAccount } from '@/app/(workspace)/settings/users/actions';
import { Button } from '@/components/ui/button';
import { USER_ROLE_LABELS, USER_ROLES, type UserRole } from '@/lib/auth/roles';
import { ActionDialog } from './action-dialog';
import { controlClass } from '@/components/ui/form';

type RowUser = { id: string; name: string; email: string; role: UserRole };

/** The role of one user: pick another, then save. Nothing changes on a stray arrow key. */
export function UserRoleControl({ user, isSelf }: { user: RowUser; isSelf: boolean }) {
  const [role, setRole] = useState<UserRole>(user.role);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const dirty = role !== user.role;
  const selectId = `role-${user.id}`;

  function save() {
    setError(null);
    startTransition(async () => {
      const result = await changeUserRole({ userId: user.id, role });
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {user.name}
        </label>
        <select
          id={selectId}
          value={role}
          disabled={pending}
          onChange={(event) => {
            setRole(event.target.value as UserRole);
            setError(null);
          }}
          className={controlClass}
        >
          {USER_ROLES.map((value) => (
            <option key={value} value={value}>
              {USER_ROLE_LABELS[value]}
            </option>
          ))}
        </select>
        {dirty ? (
          <Button type="button" size="sm" onClick={save} disabled={pending} aria-label={`Save role of ${user.name}`}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
        ) : null}
      </div>
      {dirty && isSelf && user.role === 'admin' ? (
        <p className="text-xs text-amber-700 dark:text-amber-300">You will lose access to Settings.</p>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-64 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Disable (after a confirmation) or enable one user. */
export function UserStatusControl({ user, disabled, isSelf }: { user: RowUser; disabled: boolean; isSelf: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (isSelf) return <span className="text-xs text-slate-500 dark:text-slate-400">This is you</span>;

  if (disabled) {
    return (
      <div className="flex flex-col items-start gap-1">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={pending}
          aria-label={`Enable ${user.name}`}
          onClick={() => {
            setError(null);
            startTransition(async () => {
              const result = await enableUserAccount(user.id);
              if (!result.ok) setError(result.message);
            });
          }}
        >
          {pending ? 'Enabling…' : 'Enable'}
        </Button>
        {error ? (
          <p role="alert" className="max-w-64 text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <ActionDialog
      triggerLabel="Disable"
      triggerAriaLabel={`Disable ${user.name}`}
      title={`Disable ${user.name}?`}
      description={
        <>
          <p>
            {user.name} ({user.email}) is signed out everywhere at once and cannot sign in until an admin enables them
            again.
          </p>
          <p>Their leads stay assigned to them; managers can reassign them.</p>
        </>
      }
      confirmLabel="Disable user"
      pendingLabel="Disabling…"
      danger
      onConfirm={() => disableUserAccount(user.id)}
    />
  );
}
