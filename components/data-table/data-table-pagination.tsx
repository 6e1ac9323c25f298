'use client';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/lib/format';

/**
 * A table's pager: what the rows are (`summary`), rows per page, previous/next. One line on a
 * phone: the buttons shrink to their arrows and the rows-per-page choice waits for a wider screen.
 */
export function DataTablePagination({
  page,
  pageCount,
  onPage,
  pageSize,
  pageSizes,
  onPageSize,
  summary,
  label = 'Pages',
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  pageSize: number;
  pageSizes: readonly number[];
  onPageSize: (size: number) => void;
  summary: ReactNode;
  label?: string;
}) {
  return (
    <nav
      aria-label={label}
      className="flex items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
    >
      <div className="min-w-0">{summary}</div>
      <div className="flex shrink-0 items-center gap-2">
        <label className="hidden items-center gap-2 sm:flex">
          <span>Rows</span>
          <select
            className="h-8 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-700 dark:bg-slate-900"
            value={pageSize}
            onChange={(event) => onPageSize(Number(event.target.value))}
          >
            {pageSizes.map((size) => (
              <option key={size}>{size}</option>
            ))}
          </select>
        </label>
        <Button
          variant="secondary"
          size="sm"
          className="px-2 sm:px-3"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          <ChevronLeft aria-hidden />
          <span className="sr-only sm:not-sr-only">Previous</span>
        </Button>
        <span aria-live="polite" className="whitespace-nowrap tabular-nums">
          <span className="sr-only sm:not-sr-only">Page </span>
          {formatCount(page)} of {formatCount(pageCount)}
        </span>
        <Button
          variant="secondary"
          size="sm"
          className="px-2 sm:px-3"
          disabled={page >= pageCount}
          onClick={() => onPage(page + 1)}
        >
          <span className="sr-only sm:not-sr-only">Next</span>
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
