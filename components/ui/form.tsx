import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/utils';

// Form primitives: labelled controls whose hint and error are tied to them for screen readers,
// and the two message boxes every form uses.

export const controlClass =
  'h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm placeholder:text-slate-400 aria-[invalid]:border-red-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-950';

type FieldProps = { label: ReactNode; name: string; error?: string; hint?: string };

/** Label above, the control, then the hint or the error. */
function FieldShell({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function a11y(id: string, error?: string, hint?: string) {
  const describedBy = [error ? `${id}-error` : null, hint && !error ? `${id}-hint` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined };
}

export function Field({ label, name, error, hint, className, ...props }: ComponentProps<'input'> & FieldProps) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} name={name} className={controlClass} {...a11y(id, error, hint)} {...props} />
    </FieldShell>
  );
}

export function TextareaField({
  label,
  name,
  error,
  hint,
  className,
  ...props
}: ComponentProps<'textarea'> & FieldProps) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <textarea
        id={id}
        name={name}
        className={cn(controlClass, 'h-auto min-h-20 py-2')}
        {...a11y(id, error, hint)}
        {...props}
      />
    </FieldShell>
  );
}

/** A label's "(optional)" suffix. */
export function Optional() {
  return <span className="font-normal text-slate-500 dark:text-slate-400">(optional)</span>;
}

export function SelectField({
  label,
  name,
  error,
  hint,
  className,
  children,
  ...props
}: ComponentProps<'select'> & FieldProps) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} name={name} className={controlClass} {...a11y(id, error, hint)} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}

/** A failure the person must read: announced at once. */
export function FormError({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p
      role="alert"
      className={cn('rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300', className)}
    >
      {children}
    </p>
  );
}

/** A confirmation, announced politely. */
export function FormSuccess({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p
      role="status"
      className={cn(
        'rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300',
        className,
      )}
    >
      {children}
    </p>
  );
}

/** The select or input inside a FilterField. */
export const filterControlClass =
  'h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

/** A compact filter control with its label above it (filter bars of the lead table and dashboard). */
export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      {children}
    </label>
  );
}
