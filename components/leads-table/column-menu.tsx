'use client';
import { Columns3 } from 'lucide-react';
import { buttonVariants } from '@/components/ui/button';
import { COLUMN_LABELS } from '@/lib/leads/columns';
import { LEAD_COLUMNS, type LeadColumn } from '@/lib/leads/list-contract';
import { cn } from '@/lib/utils';

/** Which columns show (and so which the export writes); at least one stays. */
export function ColumnMenu({
  visible,
  onChange,
}: {
  visible: readonly LeadColumn[];
  onChange: (columns: LeadColumn[]) => void;
}) {
  const toggle = (column: LeadColumn) => {
    const next = visible.includes(column)
      ? visible.filter((item) => item !== column)
      : LEAD_COLUMNS.filter((item) => item === column || visible.includes(item));
    if (next.length) onChange(next);
  };
  return (
    <details className="relative">
      <summary className={cn(buttonVariants({ variant: 'secondary', size: 'sm' }), 'cursor-pointer list-none')}>
        <Columns3 aria-hidden />
        Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">Visible columns</legend>
        {LEAD_COLUMNS.map((column) => (
          <label
            key={column}
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={visible.includes(column)}
              onChange={() => toggle(column)}
            />
            {COLUMN_LABELS[column]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
