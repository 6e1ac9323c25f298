'use client';
import { TriangleAlert } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { createApiKeyAction, revokeApiKeyAction } from '@/app/(workspace)/settings/keys/actions';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import type { ActionResult } from '@/lib/actions/result';
import { API_KEY_ROLE_LABELS, API_KEY_ROLES } from '@/lib/auth/roles';
import { ActionDialog } from './action-dialog';
import { useFormAction } from '@/lib/actions/use-form-action';
import { Field, FormError, SelectField } from '@/components/ui/form';

const ROLE_HINTS = {
  reader: 'reads and exports leads',
  manager: 'also changes and assigns leads',
} as const;

/** Creates an API key and shows it once, with a warning that it will not be shown again. */
export function CreateApiKeyForm() {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(createApiKeyAction);
  const [dismissed, setDismissed] = useState<ActionResult<unknown> | null>(null);
  const created = state?.ok && state !== dismissed ? state.data : null;
  const noticeRef = useRef<HTMLDivElement>(null);

  // The key appears above the form: take focus there so it is seen and read out.
  useEffect(() => {
    if (created) noticeRef.current?.focus();
  }, [created]);

  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <div
          ref={noticeRef}
          tabIndex={-1}
          role="region"
          aria-labelledby="new-api-key-title"
          className="flex flex-col gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 dark:border-amber-500/30 dark:bg-amber-500/10"
        >
          <h3 id="new-api-key-title" className="flex items-center gap-2 font-semibold">
            <TriangleAlert className="size-4 text-amber-600 dark:text-amber-300" aria-hidden />
            Copy the key “{created.label}” now
          </h3>
          <p className="text-sm text-amber-900 dark:text-amber-200">
            It will not be shown again: only a fingerprint of it is kept. If it is lost, revoke it and create another.
          </p>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <code className="min-w-0 flex-1 break-all rounded-md border border-slate-200 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-950">
              {created.key}
            </code>
            <div className="flex gap-2">
              <CopyButton value={created.key} label="Copy key" />
              <Button type="button" variant="ghost" size="sm" onClick={() => setDismissed(state)}>
                Done
              </Button>
            </div>
          </div>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate aria-labelledby="new-api-key-form-title" className="flex flex-col gap-3">
        <h3 id="new-api-key-form-title" className="text-sm font-semibold">
          Add an API key
        </h3>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
          <Field
            id="api-key-label"
            label="Label"
            name="label"
            required
            autoComplete="off"
            hint="The integration that will use it, such as “Dynamics sync”."
            error={fieldErrors.label}
          />
          <SelectField id="api-key-role" label="Role" name="role" defaultValue="reader" error={fieldErrors.role}>
            {API_KEY_ROLES.map((role) => (
              <option key={role} value={role}>
                {API_KEY_ROLE_LABELS[role]}: {ROLE_HINTS[role]}
              </option>
            ))}
          </SelectField>
          <Button type="submit" disabled={pending} className="sm:mt-7">
            {pending ? 'Creating…' : 'Create API key'}
          </Button>
        </div>
        {state && !state.ok ? <FormError>{state.message}</FormError> : null}
      </form>
    </div>
  );
}

export function RevokeApiKeyButton({ id, label }: { id: number; label: string }) {
  return (
    <ActionDialog
      triggerLabel="Revoke"
      triggerAriaLabel={`Revoke API key ${label}`}
      title={`Revoke the API key “${label}”?`}
      description={<p>Requests that use it are refused at once (HTTP 401). This cannot be undone.</p>}
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      danger
      onConfirm={() => revokeApiKeyAction(id)}
    />
  );
}
