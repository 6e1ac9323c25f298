'use client';
import { useState, useTransition } from 'react';
import {
  changeUserRole,
  disableUserAccount,
  enableUserAccount,
  resetUserPassword,
  type ResetResult,
} from '@/app/(workspace)/settings/users/actions';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
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

/**
 * Reset someone's password (after a confirmation): the temporary password is shown once, in a
 * dialog with a copy button, and is gone when the dialog closes.
 */
export function ResetPasswordControl({ user, isSelf }: { user: RowUser; isSelf: boolean }) {
  const [fresh, setFresh] = useState<ResetResult | null>(null);
  if (isSelf) return null;
  return (
    <>
      <ActionDialog
        triggerLabel="Reset password"
        triggerAriaLabel={`Reset password of ${user.name}`}
        title={`Reset the password of ${user.name}?`}
        description={
          <>
            <p>
              {user.name} ({user.email}) gets a temporary password and is signed out everywhere at once. Their current
              password stops working.
            </p>
            <p>At their next sign-in they must choose a new password before they can use Leadline.</p>
          </>
        }
        confirmLabel="Reset password"
        pendingLabel="Resetting…"
        danger
        onConfirm={() => resetUserPassword(user.id)}
        onSuccess={setFresh}
      />
      <Dialog open={fresh !== null} onOpenChange={(open) => (open ? null : setFresh(null))}>
        <DialogContent
          // Closing forgets the password: it cannot be shown again.
          onInteractOutside={(event) => event.preventDefault()}
        >
          <DialogTitle>Temporary password for {fresh?.name}</DialogTitle>
          <DialogDescription>
            Give it to them privately. It is shown only now; it lets them sign in once, to choose their own password.
          </DialogDescription>
          <div className="flex flex-col items-stretch gap-2">
            <code
              aria-label="Temporary password"
              className="overflow-x-auto whitespace-nowrap rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-center font-mono text-base tracking-wide dark:border-slate-700 dark:bg-slate-950"
            >
              {fresh?.temporaryPassword}
            </code>
          </div>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-end">
            <CopyButton value={fresh?.temporaryPassword ?? ''} label="Copy password" />
            <DialogClose asChild>
              <Button type="button">Done</Button>
            </DialogClose>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}
