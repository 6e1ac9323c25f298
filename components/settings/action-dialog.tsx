'use client';
import { AlertDialog } from 'radix-ui';
import { useRef, useState, useTransition, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import { cn } from '@/lib/utils';
import { dangerButtonClass, dangerOutlineClass } from './form-controls';
import { FormError } from '@/components/ui/form';

type Props<T> = {
  /** The text of the button that opens the dialog. */
  triggerLabel: string;
  /** A fuller name for screen readers when the visible text is short ("Revoke" → "Revoke key Production"). */
  triggerAriaLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<ActionResult<T>>;
  /** Called after a success; the caller then decides where focus goes (e.g. to a notice it shows). */
  onSuccess?: (data: T) => void;
  /** Extra inputs, such as a grace period. */
  children?: ReactNode;
};

/**
 * A button that asks before it acts. The dialog stays open while the action runs and shows its
 * error, so nothing fails silently; it closes once the action succeeds.
 */
export function ActionDialog<T>({
  triggerLabel,
  triggerAriaLabel,
  title,
  description,
  confirmLabel,
  pendingLabel,
  danger = false,
  onConfirm,
  onSuccess,
  children,
}: Props<T>) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const succeeded = useRef(false);

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await onConfirm();
      if (result.ok) {
        succeeded.current = true;
        setOpen(false);
        onSuccess?.(result.data);
      } else {
        setError(result.message);
      }
    });
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          aria-label={triggerAriaLabel}
          className={danger ? dangerOutlineClass : undefined}
        >
          {triggerLabel}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-slate-950/50 backdrop-blur-[1px]" />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            // Focus goes back to the trigger, unless a success handler has put it somewhere better.
            if (succeeded.current && onSuccess) event.preventDefault();
            succeeded.current = false;
          }}
          className="fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-xl border border-slate-200 bg-white p-6 shadow-lg dark:border-slate-800 dark:bg-slate-900"
        >
          <AlertDialog.Title className="text-base font-semibold tracking-tight">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="flex flex-col gap-2 text-sm text-slate-600 dark:text-slate-400">{description}</div>
          </AlertDialog.Description>
          {children}
          {error ? <FormError>{error}</FormError> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button type="button" variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button type="button" onClick={confirm} disabled={pending} className={cn(danger && dangerButtonClass)}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
