import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/utils';

// Form pieces for the settings screens. Text inputs use components/auth/field.tsx; these match it.

export const controlClass =
  'h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm aria-[invalid]:border-red-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-950';

/** A labelled select with its error message tied to it for screen readers. */
export function SelectField({
  label,
  name,
  error,
  hint,
  className,
  children,
  ...props
}: ComponentProps<'select'> & { label: string; name: string; error?: string; hint?: string }) {
  const id = props.id ?? `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={controlClass}
        {...props}
      >
        {children}
      </select>
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

/** A failure the person must read: announced at once. */
export function FormError({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={cn('rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300', className)}>
      {children}
    </p>
  );
}

/** A confirmation, announced politely. */
export function FormSuccess({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p
      role="status"
      className={cn('rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300', className)}
    >
      {children}
    </p>
  );
}

/** Classes that turn a Button into a destructive one (the design system has no danger variant). */
export const dangerButtonClass = 'bg-rose-600 text-white hover:bg-rose-700 dark:bg-rose-600 dark:hover:bg-rose-500';
/** A secondary Button that leads to a destructive action. */
export const dangerOutlineClass = 'text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-500/10';
