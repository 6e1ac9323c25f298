'use client';
import { CalendarClock } from 'lucide-react';
import { useOptimistic, useState, useTransition, type FormEvent } from 'react';
import { setFollowUpAction } from '@/app/(workspace)/leads/[id]/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { controlClass, FormError } from '@/components/ui/form';
import type { ActionResult } from '@/lib/actions/result';
import { formatDateTime } from '@/lib/format';
import { followUpPresets, fromDateTimeLocalValue } from '@/lib/leads/nurture';
import { cn } from '@/lib/utils';

export type FollowUpState = 'overdue' | 'today' | 'later' | null;

/**
 * The next follow-up: quick picks (computed in the browser, so "tomorrow 9:00" is the viewer's
 * 9:00), a custom date and time, and clearing. Shows whether it is overdue or due today.
 */
export function LeadFollowUp({
  leadId,
  nextFollowUpAt,
  state,
  canEdit,
  disabledReason,
}: {
  leadId: number;
  nextFollowUpAt: Date | null;
  state: FollowUpState;
  canEdit: boolean;
  disabledReason: string | null;
}) {
  const [shown, setShown] = useOptimistic(nextFollowUpAt);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [custom, setCustom] = useState('');
  const customError = result && !result.ok ? result.fieldErrors?.nextFollowUpAt : undefined;

  function save(at: Date | null) {
    setResult(null);
    startTransition(async () => {
      setShown(at);
      const outcome = await setFollowUpAction(leadId, at ? at.toISOString() : null);
      setResult(outcome);
      if (outcome.ok) setCustom('');
    });
  }

  function onCustom(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = fromDateTimeLocalValue(custom);
    if (!at) {
      setResult({
        ok: false,
        message: 'Some fields need attention.',
        fieldErrors: { nextFollowUpAt: 'Enter a date and time.' },
      });
      return;
    }
    save(at);
  }

  const settled = !pending && shown?.getTime() === nextFollowUpAt?.getTime();
  const blocked = Boolean(disabledReason);

  return (
    <section aria-labelledby="follow-up-title" className="flex flex-col gap-2">
      <h3 id="follow-up-title" className="text-sm font-semibold">
        Next follow-up
      </h3>
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
        <CalendarClock className="size-4 text-slate-500 dark:text-slate-400" aria-hidden />
        {shown ? (
          <time dateTime={shown.toISOString()} className={cn('tabular-nums', pending && 'opacity-60')}>
            {formatDateTime(shown)}
          </time>
        ) : (
          <span className="text-slate-500 dark:text-slate-400">None planned</span>
        )}
        {pending ? <span className="text-xs text-slate-500 dark:text-slate-400">Saving…</span> : null}
        {settled && state === 'overdue' ? <Badge tone="danger">Follow-up overdue</Badge> : null}
        {settled && state === 'today' ? <Badge tone="warning">Due today</Badge> : null}
      </div>
      {canEdit ? (
        <>
          {disabledReason ? <p className="text-sm text-slate-600 dark:text-slate-400">{disabledReason}</p> : null}
          <div className="flex flex-wrap gap-2" role="group" aria-label="Quick picks">
            {followUpPresets().map((preset) => (
              <Button
                key={preset.key}
                type="button"
                variant="secondary"
                size="sm"
                disabled={pending || blocked}
                // Computed at the click, not at render: a page left open overnight still means tomorrow.
                onClick={() => save(followUpPresets().find((fresh) => fresh.key === preset.key)!.at)}
              >
                {preset.label}
              </Button>
            ))}
          </div>
          <form onSubmit={onCustom} className="flex flex-col gap-1.5" noValidate>
            <label htmlFor="follow-up-at" className="text-sm font-medium">
              Custom date and time
            </label>
            <div className="flex flex-col gap-2 sm:flex-row">
              <input
                id="follow-up-at"
                type="datetime-local"
                value={custom}
                onChange={(event) => setCustom(event.target.value)}
                disabled={pending || blocked}
                aria-invalid={customError ? true : undefined}
                aria-describedby={customError ? 'follow-up-at-error' : undefined}
                className={controlClass}
              />
              <Button type="submit" variant="secondary" disabled={pending || blocked || !custom}>
                Set
              </Button>
            </div>
            {customError ? (
              <p id="follow-up-at-error" className="text-xs text-red-600 dark:text-red-400">
                {customError}
              </p>
            ) : null}
          </form>
          {shown ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="self-start"
              disabled={pending}
              onClick={() => save(null)}
            >
              Clear follow-up
            </Button>
          ) : null}
          {result && !result.ok && !customError ? <FormError>{result.message}</FormError> : null}
        </>
      ) : null}
    </section>
  );
}
