'use client';
import { CalendarClock } from 'lucide-react';
import { useOptimistic, useRef, useState, useTransition, type FormEvent } from 'react';
import { setFollowUpAction } from '@/app/(workspace)/leads/[id]/actions';
import { DateTimeField } from '@/components/time/date-time-field';
import { LocalTime } from '@/components/time/time';
import { useNow, useTimeZone } from '@/components/time/time-provider';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form';
import type { ActionResult } from '@/lib/actions/result';
import { formatDateTimeFull } from '@/lib/format';
import { followUpPresets, type FollowUpPresetKey } from '@/lib/leads/nurture';
import { endOfDay } from '@/lib/leads/sla';
import { parseZonedInput } from '@/lib/time/zone';
import { cn } from '@/lib/utils';

type FollowUpState = 'overdue' | 'today' | 'later' | null;

/** Overdue, due today (the viewer's day) or later: moves on by itself while the page is open. */
function followUpState(at: Date | null, now: Date, timeZone: string): FollowUpState {
  if (!at) return null;
  if (at < now) return 'overdue';
  return at <= endOfDay(now, timeZone) ? 'today' : 'later';
}

/**
 * The next follow-up: quick picks and a custom date and time, both on the viewer's clock (their
 * chosen zone, else the browser's), and clearing. Shows whether it is overdue or due today, and
 * keeps that up to date while the page is open.
 */
export function LeadFollowUp({
  leadId,
  nextFollowUpAt,
  canEdit,
  disabledReason,
}: {
  leadId: number;
  nextFollowUpAt: Date | null;
  canEdit: boolean;
  disabledReason: string | null;
}) {
  const [shown, setShown] = useOptimistic(nextFollowUpAt);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [customErrors, setCustomErrors] = useState<{ day?: string; time?: string }>({});
  const formRef = useRef<HTMLFormElement>(null);
  const timeZone = useTimeZone();
  const now = useNow();
  const serverError = result && !result.ok ? result.fieldErrors?.nextFollowUpAt : undefined;
  const state = followUpState(shown, now, timeZone);

  function save(at: Date | null) {
    setResult(null);
    setCustomErrors({});
    startTransition(async () => {
      setShown(at);
      const outcome = await setFollowUpAction(leadId, at ? at.toISOString() : null);
      setResult(outcome);
      if (outcome.ok) formRef.current?.reset();
    });
  }

  function pick(key: FollowUpPresetKey) {
    // Computed at the click, not at render: a page left open overnight still means tomorrow.
    const at = followUpPresets(new Date(), timeZone).find((preset) => preset.key === key)?.at;
    if (at) save(at);
  }

  function onCustom(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = parseZonedInput(
      String(form.get('followUpDay') ?? ''),
      String(form.get('followUpTime') ?? ''),
      timeZone,
    );
    if (!parsed.ok) {
      setResult(null);
      setCustomErrors({ [parsed.field]: parsed.message });
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    save(parsed.at);
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
          <LocalTime date={shown} className={cn('tabular-nums', pending && 'opacity-60')} />
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
            {followUpPresets(now, timeZone).map((preset) => (
              <Button
                key={preset.key}
                type="button"
                variant="secondary"
                size="sm"
                disabled={pending || blocked || !preset.at}
                title={preset.at ? formatDateTimeFull(preset.at, timeZone) : 'Too late in the day: pick tomorrow.'}
                onClick={() => pick(preset.key)}
              >
                {preset.label}
              </Button>
            ))}
          </div>
          <form ref={formRef} onSubmit={onCustom} className="flex flex-col" noValidate>
            <DateTimeField
              id="follow-up-at"
              name="followUp"
              legend="Custom date and time"
              subject="Follow-up"
              errors={serverError ? { time: serverError } : customErrors}
              disabled={pending || blocked}
              action={
                <Button type="submit" variant="secondary" disabled={pending || blocked}>
                  Set
                </Button>
              }
            />
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
          {result && !result.ok && !serverError ? <FormError>{result.message}</FormError> : null}
        </>
      ) : null}
    </section>
  );
}
