'use client';
import { purgeNowAction, saveRetentionAction } from '@/app/(workspace)/settings/privacy/actions';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSuccess } from '@/components/ui/form';
import { useState, useTransition } from 'react';
import { useFormAction } from '@/lib/actions/use-form-action';
import type { Retention } from '@/lib/settings/service';
import { MAX_RETENTION_DAYS } from '@/lib/settings/constants';

/** The two retention periods, and a button that applies them now instead of at the next hourly run. */
export function RetentionForm({ retention }: { retention: Retention }) {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(saveRetentionAction);
  const [purge, setPurge] = useState<string | null>(null);
  const [purgeError, setPurgeError] = useState<string | null>(null);
  const [purging, startPurge] = useTransition();

  function purgeNow() {
    setPurge(null);
    setPurgeError(null);
    startPurge(async () => {
      const result = await purgeNowAction();
      if (!result.ok) return setPurgeError(result.message);
      const { deliveries, testLeads } = result.data;
      setPurge(
        deliveries || testLeads
          ? `Purged ${deliveries} ${deliveries === 1 ? 'delivery' : 'deliveries'} and ${testLeads} test ${testLeads === 1 ? 'lead' : 'leads'}.`
          : 'Nothing was past its retention period.',
      );
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={onSubmit}
        noValidate
        className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2"
        aria-label="Retention"
      >
        <Field
          id="retention-deliveries"
          label="Keep delivery receipts for (days)"
          name="deliveryLogDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_RETENTION_DAYS}
          required
          defaultValue={retention.deliveryLogDays}
          error={fieldErrors.deliveryLogDays}
          hint="Rejected bodies go with their receipts."
        />
        <Field
          id="retention-test-leads"
          label="Keep Partner Center test leads for (days)"
          name="testLeadDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_RETENTION_DAYS}
          required
          defaultValue={retention.testLeadDays}
          error={fieldErrors.testLeadDays}
          hint="Deleted with their journey, notes and touches."
        />
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save retention'}
          </Button>
          <Button type="button" variant="secondary" onClick={purgeNow} disabled={purging}>
            {purging ? 'Purging…' : 'Purge now'}
          </Button>
        </div>
      </form>
      {state && !state.ok ? <FormError>{state.message}</FormError> : null}
      {state?.ok ? <FormSuccess>{state.message}</FormSuccess> : null}
      {purgeError ? <FormError>{purgeError}</FormError> : null}
      {purge ? <FormSuccess>{purge}</FormSuccess> : null}
    </div>
  );
}
