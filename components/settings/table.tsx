import type { ComponentProps, ReactNode } from 'react';
import { LocalTime, RelativeTime as LiveRelativeTime } from '@/components/time/time';
import { cn } from '@/lib/utils';

/**
 * A table that scrolls sideways on narrow screens instead of squeezing its columns. The scroll
 * area is focusable and named, so keyboard users can scroll it too.
 */
export function ScrollTable({
  label,
  className,
  minWidth = 'min-w-[48rem]',
  children,
}: {
  label: string;
  className?: string;
  /** A Tailwind min-width class: below it the table scrolls rather than wraps. */
  minWidth?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto">
      <table className={cn('w-full text-left text-sm', minWidth, className)}>
        <caption className="sr-only">{label}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return (
    <thead
      className={cn(
        'bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800/50 dark:text-slate-400',
        className,
      )}
      {...props}
    />
  );
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope="col"
      className={cn('px-4 py-2 font-medium whitespace-nowrap first:pl-5 last:pr-5', className)}
      {...props}
    />
  );
}

export function TBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-slate-100 dark:divide-slate-800', className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-3 align-top first:pl-5 last:pr-5', className)} {...props} />;
}

/** A point in time in the viewer's zone, with the full time and zone on hover and for machines. */
export function TimeCell({ date }: { date: Date | null }) {
  if (!date) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return <LocalTime date={date} className="whitespace-nowrap tabular-nums" />;
}

/** "3 h ago" (counting on while the page is open) with the full time on hover, or "Never". */
export function RelativeTime({ date }: { date: Date | null }) {
  if (!date) return <span className="text-slate-500 dark:text-slate-400">Never</span>;
  return <LiveRelativeTime date={date} className="tabular-nums" />;
}
