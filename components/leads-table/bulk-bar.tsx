'use client';
import { Download } from 'lucide-react';
import { useState, useTransition } from 'react';
import { bulkAssignAction, bulkClaimAction, bulkStatusAction, type BulkResult } from '@/app/(workspace)/leads/actions';
import { Button, buttonVariants } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import { LEAD_STATUSES, STATUS_LABELS } from '@/lib/marketplace/vocabulary';
import { BulkLostDialog } from './bulk-lost-dialog';
import type { Person, TablePermissions } from './leads-view';

const selectClass =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Actions on the selected rows; each lead is checked on the server as on its own page. */
export function BulkBar({
  ids,
  permissions,
  people,
  exportQuery,
  onDone,
}: {
  ids: number[];
  permissions: TablePermissions;
  people: Person[];
  exportQuery: string;
  onDone: (message: string) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [status, setStatus] = useState('');
  const [owner, setOwner] = useState('');

  const [losing, setLosing] = useState(false);

  const report = (result: ActionResult<BulkResult>) => {
    if (!result.ok) return setMessage({ tone: 'error', text: result.message });
    const { done, failed } = result.data;
    const text = `${done} of ${done + failed.length} updated.${failed.length ? ` ${failed.length} not: ${failed[0]?.message}` : ''}`;
    if (failed.length) setMessage({ tone: 'error', text });
    else onDone(text);
  };

  const run = (action: () => Promise<ActionResult<BulkResult>>) => startTransition(async () => report(await action()));

  const changeStatus = () => {
    if (!status) return;
    // Lost needs a reason and a choice about barely touched leads: asked in a dialog.
    if (status === 'lost') return setLosing(true);
    run(() => bulkStatusAction(ids, { status }));
  };

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm dark:border-brand-700/40 dark:bg-brand-700/10"
    >
      <strong className="mr-2">{ids.length} selected</strong>
      {permissions.claim ? (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run(() => bulkClaimAction(ids))}>
          Claim
        </Button>
      ) : null}
      {permissions.assign ? (
        <span className="flex items-center gap-1">
          <label className="sr-only" htmlFor="bulk-owner">
            Assign to
          </label>
          <select
            id="bulk-owner"
            className={selectClass}
            value={owner}
            onChange={(event) => setOwner(event.target.value)}
          >
            <option value="">Assign to…</option>
            <option value="-">Nobody (unassign)</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            variant="secondary"
            disabled={pending || !owner}
            onClick={() => run(() => bulkAssignAction(ids, owner === '-' ? null : owner))}
          >
            Assign
          </Button>
        </span>
      ) : null}
      {permissions.work ? (
        <span className="flex items-center gap-1">
          <label className="sr-only" htmlFor="bulk-status">
            New status
          </label>
          <select
            id="bulk-status"
            className={selectClass}
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">Set status…</option>
            {LEAD_STATUSES.map((item) => (
              <option key={item} value={item}>
                {STATUS_LABELS[item]}
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" disabled={pending || !status} onClick={changeStatus}>
            Apply
          </Button>
        </span>
      ) : null}
      {permissions.export ? (
        <a href={exportQuery} className={buttonVariants({ variant: 'secondary', size: 'sm' })} download>
          <Download aria-hidden />
          Export selected
        </a>
      ) : null}
      <BulkLostDialog
        open={losing}
        count={ids.length}
        onOpenChange={setLosing}
        onConfirm={async (input) => {
          const result = await bulkStatusAction(ids, { status: 'lost', ...input });
          // Field errors stay in the dialog; everything else is reported here.
          if (result.ok || !result.fieldErrors) report(result);
          return result;
        }}
      />
      {message ? (
        <p
          role="status"
          className={
            message.tone === 'ok' ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'
          }
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
