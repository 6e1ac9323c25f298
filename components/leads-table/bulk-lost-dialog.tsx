'use client';
import { useState, useTransition, type FormEvent } from 'react';
import type { BulkResult } from '@/app/(workspace)/leads/actions';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { FormError, TextareaField } from '@/components/ui/form';
import type { ActionResult } from '@/lib/actions/result';
import { MIN_TOUCHES_BEFORE_LOST } from '@/lib/leads/nurture';

const REASON_MAX = 500;

/**
 * Closing the selection as lost: one reason for all of them, and an explicit choice about leads
 * that had fewer than three touches (the server refuses those unless it is made). Cancel sends
 * nothing.
 */
export function BulkLostDialog({
  open,
  count,
  onOpenChange,
  onConfirm,
}: {
  open: boolean;
  count: number;
  onOpenChange: (open: boolean) => void;
  /** Runs the change; the dialog closes unless it answers with a field error. */
  onConfirm: (input: { lostReason: string; confirmFewTouches: boolean }) => Promise<ActionResult<BulkResult>>;
}) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const noun = count === 1 ? 'lead' : 'leads';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lostReason = String(form.get('lostReason') ?? '').trim();
    const confirmFewTouches = form.get('confirmFewTouches') === 'on';
    if (!lostReason) {
      setErrors({ lostReason: `Say why the ${noun} ${count === 1 ? 'was' : 'were'} lost.` });
      return;
    }
    setErrors({});
    setFailure(null);
    startTransition(async () => {
      const result = await onConfirm({ lostReason, confirmFewTouches });
      if (!result.ok && result.fieldErrors && Object.keys(result.fieldErrors).length) {
        setErrors(result.fieldErrors);
        setFailure(result.fieldErrors.lostReason ? null : result.message);
        return;
      }
      onOpenChange(false);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setErrors({});
          setFailure(null);
        }
        onOpenChange(next);
      }}
    >
      <DialogContent aria-describedby="bulk-lost-description">
        <DialogTitle>
          Mark {count} {noun} as lost
        </DialogTitle>
        <DialogDescription id="bulk-lost-description">
          The reason goes into each lead’s status history.
        </DialogDescription>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <TextareaField
            id="bulk-lost-reason"
            name="lostReason"
            label={`Why ${count === 1 ? 'was it' : 'were they'} lost?`}
            rows={3}
            maxLength={REASON_MAX}
            required
            error={errors.lostReason}
            autoFocus
          />
          <label className="flex gap-2 text-sm">
            <input type="checkbox" name="confirmFewTouches" className="mt-0.5 size-4 shrink-0 accent-brand-600" />
            <span>
              Also close leads with fewer than {MIN_TOUCHES_BEFORE_LOST} touches
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                Microsoft suggests emailing a lead a few times before closing it. Unchecked, those leads stay open.
              </span>
            </span>
          </label>
          {failure ? <FormError>{failure}</FormError> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button type="button" variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : `Mark ${count} as lost`}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
