'use client';
import { Mail, Phone, Users, type LucideIcon } from 'lucide-react';
import { useOptimistic, useRef, useState, useTransition, type FormEvent } from 'react';
import { logTouchAction } from '@/app/(workspace)/leads/[id]/actions';
import { DateTimeField } from '@/components/time/date-time-field';
import { LocalTime } from '@/components/time/time';
import { useTimeZone } from '@/components/time/time-provider';
import { Button } from '@/components/ui/button';
import { FormError, FormSuccess, Optional, TextareaField } from '@/components/ui/form';
import type { ActionResult } from '@/lib/actions/result';
import { TOUCH_KIND_LABELS, TOUCH_KIND_OPTIONS, TOUCH_NOTE_MAX_LENGTH, type TouchKind } from '@/lib/leads/nurture';
import type { LeadTouch } from '@/lib/leads/nurture-queries';
import { STATUS_LABELS } from '@/lib/marketplace/vocabulary';
import { parseZonedInput } from '@/lib/time/zone';
import { cn } from '@/lib/utils';

const KIND_ICONS: Record<TouchKind, LucideIcon> = { email: Mail, call: Phone, meeting: Users };

type PendingTouch = LeadTouch & { pending?: boolean };

/**
 * Log an email, call or meeting, and the lead's touches newest first. Notes are plain text with
 * line breaks, never HTML. `disabledReason` explains a form that is shown but turned off
 * (do-not-contact); `canLog` false hides the form (the viewer does not work this lead).
 */
export function LeadTouches({
  leadId,
  touches,
  canLog,
  disabledReason,
  authorLabel,
}: {
  leadId: number;
  touches: LeadTouch[];
  canLog: boolean;
  disabledReason: string | null;
  authorLabel: string;
}) {
  const [optimistic, addOptimistic] = useOptimistic<PendingTouch[], PendingTouch>(touches, (current, touch) => [
    touch,
    ...current,
  ]);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const disabled = Boolean(disabledReason);
  const timeZone = useTimeZone();
  const [whenErrors, setWhenErrors] = useState<{ day?: string; time?: string }>({});
  const serverWhenError = fieldErrors.touchedAt;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kind = String(form.get('kind') ?? 'email') as TouchKind;
    const note = String(form.get('note') ?? '').trim();
    const day = String(form.get('touchedAtDay') ?? '').trim();
    const time = String(form.get('touchedAtTime') ?? '').trim();
    // Typed on the viewer's clock; the server takes an instant. Both empty means now.
    const parsed = day || time ? parseZonedInput(day, time, timeZone) : null;
    if (parsed && !parsed.ok) {
      setResult(null);
      setWhenErrors({ [parsed.field]: parsed.message });
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const when = parsed?.at ?? null;
    setResult(null);
    setWhenErrors({});
    startTransition(async () => {
      addOptimistic({
        id: -Date.now(),
        kind,
        note: note || null,
        authorLabel,
        touchedAt: when ?? new Date(),
        pending: true,
      });
      const outcome = await logTouchAction(leadId, {
        kind,
        note: note || null,
        touchedAt: when ? when.toISOString() : null,
      });
      if (outcome.ok) {
        formRef.current?.reset();
        const moved = outcome.data.touchCount === 1 && outcome.data.status === 'contacted';
        setResult({
          ...outcome,
          message: moved ? `Touch logged. The lead is now ${STATUS_LABELS.contacted}.` : outcome.message,
        });
      } else {
        setResult(outcome);
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      }
    });
  }

  return (
    <div className="flex flex-col gap-4">
      {canLog ? (
        <form id="log-touch" ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
          {disabledReason ? <p className="text-sm text-slate-600 dark:text-slate-400">{disabledReason}</p> : null}
          <fieldset disabled={disabled || pending} className="flex flex-col gap-3 disabled:opacity-60">
            <legend className="mb-1.5 text-sm font-medium">Log a touch</legend>
            <div role="radiogroup" aria-label="Kind of touch" className="flex flex-wrap gap-2">
              {TOUCH_KIND_OPTIONS.map((kind, index) => {
                const Icon = KIND_ICONS[kind];
                return (
                  <label
                    key={kind}
                    className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium shadow-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-700 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 dark:border-slate-700 dark:bg-slate-950 dark:has-[:checked]:bg-brand-700/20 dark:has-[:checked]:text-brand-100"
                  >
                    <input type="radio" name="kind" value={kind} defaultChecked={index === 0} className="sr-only" />
                    <Icon className="size-4" aria-hidden />
                    {TOUCH_KIND_LABELS[kind]}
                  </label>
                );
              })}
            </div>
            <TextareaField
              id="touch-note"
              label={
                <>
                  Note <Optional />
                </>
              }
              name="note"
              rows={2}
              maxLength={TOUCH_NOTE_MAX_LENGTH}
              error={fieldErrors.note}
            />
            <DateTimeField
              id="touch-when"
              name="touchedAt"
              legend="When (optional)"
              subject="Touch"
              hint="Leave both empty for now. Not in the future."
              errors={serverWhenError ? { time: serverWhenError } : whenErrors}
            />
            <Button type="submit" className="self-start">
              {pending ? 'Logging…' : 'Log touch'}
            </Button>
          </fieldset>
          {result && !result.ok && !Object.keys(fieldErrors).some((field) => ['note', 'touchedAt'].includes(field)) ? (
            <FormError>{result.message}</FormError>
          ) : null}
          {result?.ok && result.message ? <FormSuccess>{result.message}</FormSuccess> : null}
        </form>
      ) : disabledReason ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{disabledReason}</p>
      ) : null}

      {optimistic.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No touches yet. Microsoft expects a first email or call within 24 hours of a lead arriving.
        </p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Touches">
          {optimistic.map((touch) => {
            const Icon = KIND_ICONS[touch.kind];
            return (
              <li
                key={touch.id}
                aria-busy={touch.pending ? true : undefined}
                className={cn(
                  'flex gap-3 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800',
                  touch.pending && 'opacity-60',
                )}
              >
                <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100">
                  <Icon className="size-4" aria-hidden />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{TOUCH_KIND_LABELS[touch.kind]}</p>
                  {touch.note ? <p className="mt-1 whitespace-pre-wrap break-words">{touch.note}</p> : null}
                  <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                    {touch.authorLabel} · {touch.pending ? 'Saving…' : <LocalTime date={touch.touchedAt} />}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
