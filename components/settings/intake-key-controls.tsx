'use client';
import { useEffect, useState } from 'react';
import {
  createIntakeKeyAction,
  revokeIntakeKeyAction,
  rotateIntakeKeyAction,
} from '@/app/(workspace)/settings/keys/actions';
import { Button } from '@/components/ui/button';
import { ActionDialog } from './action-dialog';
import { useFreshWebhook } from './fresh-webhook';
import { useFormAction } from '@/lib/actions/use-form-action';
import { Field, FormError, SelectField } from '@/components/ui/form';

export type GraceOption = { hours: number; label: string };

/** Rotate (with a grace period) and revoke for one generated key that still works. */
export function IntakeKeyActions({
  id,
  label,
  expiring,
  graceOptions,
  defaultGraceHours,
}: {
  id: number;
  label: string;
  /** Already rotated: it can only be stopped sooner. */
  expiring: boolean;
  graceOptions: GraceOption[];
  defaultGraceHours: number;
}) {
  const { show } = useFreshWebhook();
  const [graceHours, setGraceHours] = useState(defaultGraceHours);

  return (
    <div className="flex flex-wrap gap-2">
      {expiring ? null : (
        <ActionDialog
          triggerLabel="Rotate"
          triggerAriaLabel={`Rotate key ${label}`}
          title={`Rotate “${label}”?`}
          description={
            <p>
              A new key with the same label replaces this one, and you get its URL to paste into Partner Center. The
              current key keeps working for the grace period you choose, so no lead is refused in the meantime.
            </p>
          }
          confirmLabel="Rotate key"
          pendingLabel="Rotating…"
          onConfirm={() => rotateIntakeKeyAction({ id, graceHours })}
          onSuccess={show}
        >
          <SelectField
            id={`grace-${id}`}
            label="The current key keeps working for"
            name="graceHours"
            value={graceHours}
            onChange={(event) => setGraceHours(Number(event.target.value))}
          >
            {graceOptions.map((option) => (
              <option key={option.hours} value={option.hours}>
                {option.label}
              </option>
            ))}
          </SelectField>
        </ActionDialog>
      )}
      <ActionDialog
        triggerLabel={expiring ? 'Stop now' : 'Revoke'}
        triggerAriaLabel={`${expiring ? 'Stop now' : 'Revoke'}: key ${label}`}
        title={expiring ? `Stop “${label}” now?` : `Revoke “${label}”?`}
        description={
          <p>
            Deliveries that use this key are refused from now on (HTTP 401). Make sure Partner Center already uses
            another key&apos;s URL. This cannot be undone.
          </p>
        }
        confirmLabel={expiring ? 'Stop key' : 'Revoke key'}
        pendingLabel="Revoking…"
        danger
        onConfirm={() => revokeIntakeKeyAction(id)}
      />
    </div>
  );
}

/** A new key with a label; its URL appears in the section's notice. */
export function CreateIntakeKeyForm({ maxLength }: { maxLength: number }) {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(createIntakeKeyAction);
  const { show } = useFreshWebhook();

  useEffect(() => {
    if (state?.ok) show(state.data);
  }, [state, show]);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="new-intake-key-title" className="flex flex-col gap-3">
      <h3 id="new-intake-key-title" className="text-sm font-semibold">
        Add a webhook key
      </h3>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          id="intake-key-label"
          label="Label"
          name="label"
          required
          maxLength={maxLength}
          autoComplete="off"
          hint="For example the offer’s name, or Production / Staging."
          error={fieldErrors.label}
          className="sm:max-w-sm sm:flex-1"
        />
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? 'Creating…' : 'Create key'}
        </Button>
      </div>
      {state && !state.ok ? <FormError>{state.message}</FormError> : null}
    </form>
  );
}
