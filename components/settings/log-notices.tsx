import Link from 'next/link';
import type { ReactNode } from 'react';

/** Says which filters in the address were dropped, and which page is shown instead of a missing one. */
export function FilterNotice({
  ignored,
  clearHref,
  pageNote,
}: {
  ignored: string[];
  clearHref: string;
  pageNote: string | null;
}) {
  if (!ignored.length && !pageNote) return null;
  return (
    <div
      role="status"
      className="flex flex-col gap-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
    >
      {ignored.length ? (
        <p>
          Some filters in the address were not understood and were left out: {ignored.join(', ')}.{' '}
          <Link href={clearHref} className="font-medium underline underline-offset-2">
            Clear all filters
          </Link>
        </p>
      ) : null}
      {pageNote ? <p>{pageNote}</p> : null}
    </div>
  );
}

/** A log with nothing to show: either nothing matches the filters, or nothing happened yet. */
export function LogEmpty({
  icon,
  filtered,
  clearHref,
  filteredTitle,
  emptyTitle,
  emptyText,
}: {
  icon: ReactNode;
  filtered: boolean;
  clearHref: string;
  filteredTitle: string;
  emptyTitle: string;
  emptyText: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-2 px-5 py-12 text-center">
      {icon}
      <p className="font-medium">{filtered ? filteredTitle : emptyTitle}</p>
      <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">
        {filtered ? (
          <>
            Try a wider date range, or{' '}
            <Link
              href={clearHref}
              className="font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100"
            >
              clear the filters
            </Link>
            .
          </>
        ) : (
          emptyText
        )}
      </p>
    </div>
  );
}
