'use client';
// The frame every dashboard panel shares: title, "View as table", "Download CSV", loading
// skeleton, error, empty state and the server's timing. The panel only draws its chart.
import { AlertTriangle, Download, Loader2, RotateCw, Table2 } from 'lucide-react';
import { createContext, use, useState, type ReactNode } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { PanelData } from '@/lib/dashboard/panels';
import { cn } from '@/lib/utils';
import { PanelTable } from './panel-table';
import { panelUrl, usePanel } from './use-panel';

/** What an empty panel offers: clearing the filters, when any are set. */
export const DashboardActions = createContext<{ clearFilters: (() => void) | null }>({ clearFilters: null });

export type SkeletonShape = 'kpis' | 'bars' | 'chart' | 'table';

type Props<T extends PanelData> = {
  panel: T['panel'];
  /** Shown until the panel's own title arrives. */
  title: string;
  description?: string;
  /** The dashboard query string this panel is fetched with. */
  query: string;
  skeleton: SkeletonShape;
  /** Whether the answer has anything to draw (otherwise the empty state shows). */
  hasData?: (data: T) => boolean;
  emptyMessage?: string;
  /** Controls beside the title that need the data (the trend's series and bucket). */
  toolbar?: (data: T | null) => ReactNode;
  /** What the panel holds beside its table (the SLA's breaching leads): shown in both views. */
  extra?: (data: T) => ReactNode;
  children: (data: T) => ReactNode;
  className?: string;
};

export function PanelCard<T extends PanelData>({
  panel,
  title,
  description,
  query,
  skeleton,
  hasData = anyCount,
  emptyMessage = NO_LEADS,
  toolbar,
  extra,
  children,
  className,
}: Props<T>) {
  const { data, error, loading, retry } = usePanel<T>(panel, query);
  const [asTable, setAsTable] = useState(false);
  const empty = data ? !hasData(data) : false;

  return (
    // No aria-labelledby: a card named "By offer" would also answer to the "Offer" filter's label.
    <Card data-panel-card={panel} aria-busy={loading} className={cn('flex min-w-0 flex-col', className)}>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2 border-b border-slate-100 px-5 py-3 dark:border-slate-800">
        <div className="min-w-0">
          <h2 className="text-base font-semibold tracking-tight">{data?.title ?? title}</h2>
          {description ? <p className="text-xs text-slate-600 dark:text-slate-400">{description}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-1">
          {toolbar?.(data)}
          <Button
            type="button"
            variant="ghost"
            size="sm"
            aria-pressed={asTable}
            onClick={() => setAsTable((value) => !value)}
            className={cn('px-2', asTable && 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100')}
          >
            <Table2 aria-hidden />
            View as table
          </Button>
          <a
            href={panelUrl(panel, query, 'csv')}
            download
            className={cn(buttonVariants({ variant: 'ghost', size: 'sm' }), 'px-2')}
          >
            <Download aria-hidden />
            Download CSV
          </a>
        </div>
      </div>

      <div className={cn('relative flex-1 px-5 py-4 transition-opacity', loading && data && 'opacity-60')}>
        {error ? (
          <div
            role="alert"
            className="flex flex-col items-start gap-2 rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800 dark:border-rose-500/30 dark:bg-rose-500/10 dark:text-rose-200"
          >
            <p className="flex items-center gap-2 font-medium">
              <AlertTriangle className="size-4 shrink-0" aria-hidden />
              This panel could not be loaded.
            </p>
            <p>{error}</p>
            <Button type="button" variant="secondary" size="sm" onClick={retry}>
              <RotateCw aria-hidden />
              Try again
            </Button>
          </div>
        ) : !data ? (
          <PanelSkeleton shape={skeleton} />
        ) : (
          <div className="flex flex-col gap-4">
            {asTable ? (
              <div>
                <PanelTable data={data} />
                {empty ? <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">{emptyMessage}</p> : null}
              </div>
            ) : empty ? (
              <EmptyState message={emptyMessage} />
            ) : (
              children(data)
            )}
            {extra?.(data)}
          </div>
        )}
      </div>

      <p className="flex items-center gap-1.5 px-5 pb-2 text-[11px] text-slate-500 dark:text-slate-500">
        {loading ? (
          <>
            <Loader2 className="size-3 animate-spin" aria-hidden />
            {data ? 'Updating…' : 'Loading…'}
          </>
        ) : data ? (
          `Computed in ${formatMs(data.serverMs)}`
        ) : (
          '\u00a0'
        )}
      </p>
    </Card>
  );
}

const NO_LEADS = 'No leads in this range — widen the range or clear filters.';

function EmptyState({ message }: { message: string }) {
  const { clearFilters } = use(DashboardActions);
  return (
    <div className="flex flex-col items-center gap-2 py-8 text-center text-sm text-slate-600 dark:text-slate-400">
      <p>{message}</p>
      {clearFilters ? (
        <button
          type="button"
          onClick={clearFilters}
          className="font-medium text-brand-700 underline dark:text-brand-100"
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

function PanelSkeleton({ shape }: { shape: SkeletonShape }) {
  const block = 'animate-pulse rounded-md bg-slate-100 dark:bg-slate-800';
  return (
    <div role="status" aria-label="Loading" className="flex flex-col gap-3">
      {shape === 'kpis' ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 6 }, (_, index) => (
            <div key={index} className={cn(block, 'h-24')} />
          ))}
        </div>
      ) : shape === 'bars' ? (
        Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="flex items-center gap-3">
            <div className={cn(block, 'h-4 w-24')} />
            <div className={cn(block, 'h-6')} style={{ width: `${80 - index * 16}%` }} />
          </div>
        ))
      ) : shape === 'chart' ? (
        <div className={cn(block, 'h-64')} />
      ) : (
        Array.from({ length: 5 }, (_, index) => <div key={index} className={cn(block, 'h-6')} />)
      )}
    </div>
  );
}

/** Some count above zero: otherwise the range (with these filters) has no leads to draw. */
export function anyCount(data: PanelData): boolean {
  return data.rows.some((row) =>
    data.columns.some(
      (column) =>
        (row.kinds?.[column.key] ?? column.kind) === 'count' &&
        typeof row.cells[column.key] === 'number' &&
        (row.cells[column.key] as number) > 0,
    ),
  );
}

const formatMs = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);
