'use client';
import { useState, useTransition } from 'react';
import { assignLeadAction, claimLeadAction, setLeadStatusAction } from '@/app/(workspace)/leads/[id]/actions';
import { Button } from '@/components/ui/button';
import { controlClass, Field, FormError, FormSuccess, SelectField } from '@/components/ui/form';
import type { ActionResult } from '@/lib/actions/result';
import { useFormAction } from '@/lib/actions/use-form-action';
import { LEAD_STATUSES, STATUS_LABELS, type LeadStatus } from '@/lib/marketplace/vocabulary';

type Person = { id: string; name: string };

export function LeadWorkPanel({
  leadId,
  status,
  owner,
  canClaim,
  canAssign,
  canWork,
  people,
}: {
  leadId: number;
  status: LeadStatus;
  owner: Person | null;
  canClaim: boolean;
  canAssign: boolean;
  canWork: boolean;
  people: Person[];
}) {
  const [ownerResult, setOwnerResult] = useState<ActionResult | null>(null);
  const [pendingOwner, startOwner] = useTransition();
  const [chosen, setChosen] = useState(owner?.id ?? '');
  const statusForm = useFormAction(setLeadStatusAction);
  const [nextStatus, setNextStatus] = useState<LeadStatus>(status);

  const run = (action: () => Promise<ActionResult>) =>
    startOwner(async () => {
      setOwnerResult(await action());
    });

  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="owner-title" className="flex flex-col gap-2">
        <h3 id="owner-title" className="text-sm font-semibold">
          Owner
        </h3>
        <p className="text-sm">{owner ? owner.name : <span className="text-slate-500 dark:text-slate-400">Unassigned</span>}</p>
        {canAssign ? (
          <div className="flex flex-col gap-2 sm:flex-row">
            <label htmlFor="assign-owner" className="sr-only">
              Assign to
            </label>
            <select id="assign-owner" className={controlClass} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">Unassigned</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
            <Button
              type="button"
              variant="secondary"
              disabled={pendingOwner || chosen === (owner?.id ?? '')}
              onClick={() => run(() => assignLeadAction(leadId, chosen || null))}
            >
              {pendingOwner ? 'Saving…' : 'Assign'}
            </Button>
          </div>
        ) : canClaim && !owner ? (
          <Button type="button" onClick={() => run(() => claimLeadAction(leadId))} disabled={pendingOwner}>
            {pendingOwner ? 'Claiming…' : 'Claim this lead'}
          </Button>
        ) : null}
        {ownerResult && !ownerResult.ok ? <FormError>{ownerResult.message}</FormError> : null}
        {ownerResult?.ok && ownerResult.message ? <FormSuccess>{ownerResult.message}</FormSuccess> : null}
      </section>

      <section aria-labelledby="status-title" className="flex flex-col gap-2">
        <h3 id="status-title" className="text-sm font-semibold">
          Nurture status
        </h3>
        {canWork ? (
          <form ref={statusForm.formRef} onSubmit={statusForm.onSubmit} className="flex flex-col gap-3" noValidate>
            <input type="hidden" name="leadId" value={leadId} />
            <SelectField
              label="Status"
              name="status"
              value={nextStatus}
              onChange={(event) => setNextStatus(event.target.value as LeadStatus)}
              error={statusForm.fieldErrors.status}
            >
              {LEAD_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
                </option>
              ))}
            </SelectField>
            {nextStatus === 'lost' ? (
              <Field label="Why was it lost?" name="lostReason" maxLength={500} error={statusForm.fieldErrors.lostReason} />
            ) : null}
            <Button type="submit" disabled={statusForm.pending || nextStatus === status}>
              {statusForm.pending ? 'Saving…' : 'Save status'}
            </Button>
            {statusForm.state && !statusForm.state.ok ? <FormError>{statusForm.state.message}</FormError> : null}
          </form>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {STATUS_LABELS[status]}
            {canClaim && !owner ? ' · claim the lead to work it' : ''}
          </p>
        )}
      </section>
    </div>
  );
}
