'use client';
import { AlertTriangle } from 'lucide-react';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import {
  assignLeadAction,
  claimLeadAction,
  releaseLeadAction,
  setLeadStatusAction,
} from '@/app/(workspace)/leads/[id]/actions';
import { Button } from '@/components/ui/button';
import { controlClass, Field, FormError, FormSuccess, SelectField } from '@/components/ui/form';
import type { ActionResult } from '@/lib/actions/result';
import { useFormAction } from '@/lib/actions/use-form-action';
import { LEAD_STATUSES, STATUS_LABELS, type LeadStatus } from '@/lib/marketplace/vocabulary';

type Person = { id: string; name: string };

/** Owner (claim, assign, unassign, release) and nurture status of a lead. */
export function LeadWorkPanel({
  leadId,
  status,
  owner,
  viewerId,
  canClaim,
  canAssign,
  canWork,
  people,
}: {
  leadId: number;
  status: LeadStatus;
  owner: Person | null;
  viewerId: string;
  canClaim: boolean;
  canAssign: boolean;
  canWork: boolean;
  people: Person[];
}) {
  return (
    <div className="flex flex-col gap-5">
      <OwnerSection
        leadId={leadId}
        owner={owner}
        viewerId={viewerId}
        canClaim={canClaim}
        canAssign={canAssign}
        people={people}
      />
      <StatusSection
        leadId={leadId}
        status={status}
        canWork={canWork}
        hint={canClaim && !owner ? ' · claim the lead to work it' : ''}
      />
    </div>
  );
}

function OwnerSection({
  leadId,
  owner,
  viewerId,
  canClaim,
  canAssign,
  people,
}: {
  leadId: number;
  owner: Person | null;
  viewerId: string;
  canClaim: boolean;
  canAssign: boolean;
  people: Person[];
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState(owner?.id ?? '');
  const mine = owner?.id === viewerId;

  // After a change lands, the select follows the saved owner (adjusted while rendering, not in an
  // effect, so no frame shows the old choice).
  const [savedOwner, setSavedOwner] = useState(owner?.id ?? '');
  if (savedOwner !== (owner?.id ?? '')) {
    setSavedOwner(owner?.id ?? '');
    setChosen(owner?.id ?? '');
  }

  const run = (action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      setResult(null);
      setResult(await action());
    });

  return (
    <section aria-labelledby="owner-title" className="flex flex-col gap-2">
      <h3 id="owner-title" className="text-sm font-semibold">
        Owner
      </h3>
      <p className="text-sm">
        {owner ? (
          <>
            {owner.name}
            {mine ? <span className="text-slate-500 dark:text-slate-400"> (you)</span> : null}
          </>
        ) : (
          <span className="text-slate-500 dark:text-slate-400">Unassigned</span>
        )}
      </p>
      {canAssign ? (
        <div className="flex flex-col gap-2 sm:flex-row">
          <label htmlFor="assign-owner" className="sr-only">
            Assign to
          </label>
          <select
            id="assign-owner"
            className={controlClass}
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
          >
            <option value="" disabled>
              Choose a person
            </option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <Button
            type="button"
            variant="secondary"
            disabled={pending || !chosen || chosen === owner?.id}
            onClick={() => run(() => assignLeadAction(leadId, chosen))}
          >
            {pending ? 'Saving…' : 'Assign'}
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {!canAssign && canClaim && !owner ? (
          <Button type="button" onClick={() => run(() => claimLeadAction(leadId))} disabled={pending}>
            {pending ? 'Claiming…' : 'Claim this lead'}
          </Button>
        ) : null}
        {owner && (mine || canAssign) ? (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => run(() => (mine ? releaseLeadAction(leadId) : assignLeadAction(leadId, null)))}
            disabled={pending}
          >
            {mine ? 'Release lead' : 'Unassign'}
          </Button>
        ) : null}
      </div>
      {result && !result.ok ? <FormError>{result.message}</FormError> : null}
      {result?.ok && result.message ? <FormSuccess>{result.message}</FormSuccess> : null}
    </section>
  );
}

function StatusSection({
  leadId,
  status,
  canWork,
  hint,
}: {
  leadId: number;
  status: LeadStatus;
  canWork: boolean;
  hint: string;
}) {
  const statusForm = useFormAction(setLeadStatusAction);
  const [nextStatus, setNextStatus] = useState<LeadStatus>(status);
  const [dismissed, setDismissed] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askedToConfirm = statusForm.fieldErrors.confirmFewTouches;
  const confirming = Boolean(askedToConfirm) && !dismissed && nextStatus === 'lost';

  const [savedStatus, setSavedStatus] = useState(status);
  if (savedStatus !== status) {
    setSavedStatus(status);
    setNextStatus(status);
  }
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setDismissed(false);
    statusForm.onSubmit(event);
  }

  if (!canWork) {
    return (
      <section aria-labelledby="status-title" className="flex flex-col gap-2">
        <h3 id="status-title" className="text-sm font-semibold">
          Nurture status
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {STATUS_LABELS[status]}
          {hint}
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="status-title" className="flex flex-col gap-2">
      <h3 id="status-title" className="text-sm font-semibold">
        Nurture status
      </h3>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
        <input type="hidden" name="leadId" value={leadId} />
        <SelectField
          id="lead-status"
          label="Status"
          name="status"
          value={nextStatus}
          onChange={(event) => {
            setNextStatus(event.target.value as LeadStatus);
            setDismissed(true);
          }}
          error={statusForm.fieldErrors.status}
          aria-keyshortcuts="s"
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
        {confirming ? (
          <div
            role="alert"
            className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200"
          >
            <p className="flex gap-2">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>{askedToConfirm}</span>
            </p>
            <input type="hidden" name="confirmFewTouches" value="true" />
            <div className="flex flex-wrap gap-2">
              <Button ref={confirmRef} type="submit" disabled={statusForm.pending}>
                {statusForm.pending ? 'Closing…' : 'Close anyway'}
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={statusForm.pending}
                onClick={() => {
                  setDismissed(true);
                  setNextStatus(status);
                }}
              >
                Keep it open
              </Button>
            </div>
          </div>
        ) : (
          <Button type="submit" disabled={statusForm.pending || nextStatus === status}>
            {statusForm.pending ? 'Saving…' : 'Save status'}
          </Button>
        )}
        {statusForm.state &&
        !statusForm.state.ok &&
        !askedToConfirm &&
        !statusForm.fieldErrors.status &&
        !statusForm.fieldErrors.lostReason ? (
          <FormError>{statusForm.state.message}</FormError>
        ) : null}
        {statusForm.state?.ok && statusForm.state.message ? (
          <FormSuccess>{statusForm.state.message}</FormSuccess>
        ) : null}
      </form>
    </section>
  );
}
