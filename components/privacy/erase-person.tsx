'use client';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { eraseLeadsAction, findPersonAction } from '@/app/(workspace)/settings/privacy/actions';
import { ActionDialog } from '@/components/settings/action-dialog';
import { LocalTime } from '@/components/time/time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSuccess } from '@/components/ui/form';
import { useFormAction } from '@/lib/actions/use-form-action';
import type { ErasureCounts } from '@/lib/privacy/service';

/**
 * A GDPR erasure request: find every lead of one email address, then erase their personal data
 * after a confirmation. The address is posted to a server action, never put in the URL.
 */
export function ErasePerson() {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(findPersonAction);
  const [erased, setErased] = useState<{ ids: number[]; counts: ErasureCounts } | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const found = state?.ok
    ? state.data.leads.map((lead) =>
        !lead.erasedAt && erased?.ids.includes(lead.id) ? { ...lead, erasedAt: new Date() } : lead,
      )
    : null;
  const toErase = found?.filter((lead) => !lead.erasedAt) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={(event) => {
          setErased(null);
          onSubmit(event);
        }}
        noValidate
        aria-label="Find a person’s leads"
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
      >
        <Field
          id="erase-email"
          label="The person’s email address"
          name="email"
          type="email"
          autoComplete="off"
          required
          className="sm:w-96"
          error={fieldErrors.email}
          hint="Every lead with this address, for any offer, is covered."
        />
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? 'Searching…' : 'Find leads'}
        </Button>
      </form>
      {state && !state.ok && !fieldErrors.email ? <FormError>{state.message}</FormError> : null}

      {found ? (
        found.length === 0 ? (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            No lead has this email address. If the person’s data was erased before, it is already gone.
          </p>
        ) : (
          <div className="flex flex-col gap-3" role="status">
            <p className="text-sm">
              {found.length === 1 ? 'One lead has' : `${found.length} leads have`} this email address
              {found.length > toErase.length ? ` (${found.length - toErase.length} already erased)` : ''}:
            </p>
            <ul className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800">
              {found.map((lead) => (
                <li key={lead.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                  <Link
                    href={`/leads/${lead.id}`}
                    className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
                  >
                    Lead #{lead.id}
                  </Link>
                  <span className="min-w-0 break-words">{lead.offerTitle ?? 'No offer named'}</span>
                  <span className="text-slate-500 dark:text-slate-400">
                    received <LocalTime date={new Date(lead.receivedAt)} dateOnly />
                  </span>
                  {lead.erasedAt ? <Badge>Erased</Badge> : null}
                </li>
              ))}
            </ul>
            {toErase.length ? (
              <ActionDialog
                danger
                triggerLabel={`Erase personal data of ${toErase.length} ${toErase.length === 1 ? 'lead' : 'leads'}`}
                title="Erase this person’s personal data?"
                description={
                  <>
                    <p>
                      Names, email, phone, company, title, description, the raw payloads, note and touch texts, and
                      rejected deliveries that name the address are removed for good. This cannot be undone.
                    </p>
                    <p>
                      The leads stay, anonymised, so counts and funnels stay right. The erasure is recorded in the audit
                      log.
                    </p>
                  </>
                }
                confirmLabel="Erase for good"
                pendingLabel="Erasing…"
                onConfirm={() => eraseLeadsAction(toErase.map((lead) => lead.id))}
                onSuccess={(counts) => {
                  setErased({ ids: toErase.map((lead) => lead.id), counts });
                  requestAnimationFrame(() => notice.current?.focus());
                }}
              />
            ) : null}
          </div>
        )
      ) : null}
      {erased ? (
        <div ref={notice} tabIndex={-1} className="outline-none">
          <FormSuccess>{erasureSummary(erased.counts)}</FormSuccess>
        </div>
      ) : null}
    </div>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function erasureSummary(counts: ErasureCounts): string {
  return (
    `Erased: ${plural(counts.leads, 'lead', 'leads')}, ${plural(counts.events, 'delivery', 'deliveries')} in their journeys, ` +
    `${plural(counts.notes, 'note', 'notes')}, ${plural(counts.touches, 'touch note', 'touch notes')} and ` +
    `${plural(counts.deliveries, 'rejected body', 'rejected bodies')}.`
  );
}
