'use client';
import {
  columnVisibilityFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowSelectionState,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ChevronLeft, ChevronRight, Download, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { useMemo, useState, useTransition } from 'react';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { LinkProblems } from '@/components/ui/link-problems';
import { LocalTime, RelativeTime } from '@/components/time/time';
import { SlaCountdown } from '@/components/time/sla-countdown';
import { formatCount } from '@/lib/format';
import { COLUMN_LABELS, COLUMN_SORT, foldedColumns } from '@/lib/leads/columns';
import type { LeadPage, LeadSummary } from '@/lib/leads/queries';
import type { QueueSection } from '@/lib/leads/queue-queries';
import { QUEUE_SECTION_HINTS, QUEUE_SECTION_TITLES, queueSectionHref, type QueueSectionKey } from '@/lib/leads/queue';
import type { ListProblem } from '@/lib/leads/link-problems';
import { DEFAULT_COLUMNS, LEAD_COLUMNS, MAX_WINDOW, type LeadColumn } from '@/lib/leads/list-contract';
import { FILTER_KEYS, leadViewParsers, serializeLeadView, type LeadViewState } from '@/lib/leads/view-state';
import { actionLabel, LEAD_STATUSES, STATUS_LABELS, type LeadStatus } from '@/lib/marketplace/vocabulary';
import type { OfferOption } from '@/lib/offers/options';
import { cn } from '@/lib/utils';
import { BulkBar } from './bulk-bar';
import { ColumnMenu } from './column-menu';
import { LeadFilters } from './filters';
import { LeadCards } from './lead-cards';
import { COLUMN_MIN_REM, COLUMN_WIDTHS, LeadNameCell, leadTitle, OwnerCell, StageCell } from './lead-cells';

export type Person = { id: string; name: string };
export type TablePermissions = { claim: boolean; assign: boolean; work: boolean; export: boolean };

const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
});

type Props = {
  view: 'queue' | 'all';
  isRep: boolean;
  viewerId: string;
  page: LeadPage | null;
  queue: QueueSection[] | null;
  /** The one queue section being paged through, or null for the queue's overview. */
  queueSection: QueueSectionKey | null;
  problems: ListProblem[];
  serverMs: number;
  offers: OfferOption[];
  people: Person[];
  permissions: TablePermissions;
};

/** The query string of the current view without page or tab: what a lead link and the export carry. */
function viewQuery(state: LeadViewState, overrides: Partial<LeadViewState> = {}): string {
  return serializeLeadView({ ...state, page: null, view: null, ids: null, ...overrides }).replace(/^\?/, '');
}

export function LeadsView({
  view,
  isRep,
  page,
  queue,
  queueSection,
  problems,
  serverMs,
  offers,
  people,
  permissions,
}: Props) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(leadViewParsers, { shallow: false, history: 'push', startTransition });
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [bulkMessage, setBulkMessage] = useState<string | null>(null);

  const visible: readonly LeadColumn[] = state.cols?.length ? state.cols : DEFAULT_COLUMNS;
  // Company under the name, latest action under the stage: fewer, denser columns.
  const folded = foldedColumns(visible);
  const foldKey = [...folded].join(',');
  const sortKey = state.sort?.replace(/^-/, '') ?? 'receivedAt';
  const sortDesc = state.sort ? state.sort.startsWith('-') : true;
  const listQuery = viewQuery(state);
  // A lead opened from the queue walks its section (a compact reference, no filters in the URL);
  // one opened from the list walks the list's filters and sort.
  const queueOf = useMemo(
    () => new Map(queue?.flatMap((section) => section.rows.map((row) => [row.id, section.key] as const)) ?? []),
    [queue],
  );
  const leadHref = (id: number) => {
    const section = view === 'queue' ? queueOf.get(id) : undefined;
    if (section) return `/leads/${id}?queue=${section}`;
    return `/leads/${id}${listQuery ? `?${listQuery}` : ''}`;
  };

  const update = (patch: Partial<LeadViewState>) => {
    const filterChanged = Object.keys(patch).some((key) => (FILTER_KEYS as readonly string[]).includes(key));
    setSelection({});
    setBulkMessage(null);
    void setState(filterChanged ? { ...patch, page: null } : patch);
  };

  const columns = useMemo<ColumnDef<typeof features, LeadSummary>[]>(
    () => [
      {
        id: 'select',
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label="Select all leads on this page"
            className="size-4 accent-brand-600"
            checked={table.getIsAllPageRowsSelected()}
            ref={(input) => {
              if (input) input.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
            }}
            onChange={table.getToggleAllPageRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${leadTitle(row.original)}`}
            className="size-4 accent-brand-600"
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
        enableHiding: false,
      },
      ...LEAD_COLUMNS.map((column): ColumnDef<typeof features, LeadSummary> => ({
        id: column,
        header: COLUMN_LABELS[column],
        cell: ({ row }) => (
          <Cell column={column} lead={row.original} href={leadHref(row.original.id)} folded={folded} />
        ),
      })),
    ],
    // leadHref depends on the view's query string and the queue's sections only (folded on foldKey).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [listQuery, foldKey, queueOf, view],
  );

  const rows = useMemo(() => page?.rows ?? queue?.flatMap((section) => section.rows) ?? [], [page, queue]);
  const table = useTable({
    features,
    data: rows,
    columns,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    rowCount: page?.total ?? rows.length,
    state: {
      columnVisibility: Object.fromEntries(
        LEAD_COLUMNS.map((column) => [column, visible.includes(column) && !folded.has(column)]),
      ),
      rowSelection: selection,
      pagination: { pageIndex: (state.page ?? 1) - 1, pageSize: state.pageSize ?? 50 },
    },
    onRowSelectionChange: (updater) =>
      setSelection((current) => (typeof updater === 'function' ? updater(current) : updater)),
  });

  const selectedIds = Object.keys(selection)
    .filter((id) => selection[id])
    .map(Number);
  const pageCount = page ? Math.max(1, Math.ceil(page.total / (state.pageSize ?? 50))) : 1;
  const currentPage = state.page ?? 1;
  // Every page of the view: the export ignores paging, and an absent `cols` means the defaults.
  const exportHref = `/api/leads/export?${viewQuery(state, { pageSize: null })}`;

  const empty =
    rows.length === 0 && !problems.length ? (
      <div className="p-8 text-center text-sm text-slate-600 dark:text-slate-400">
        {view === 'queue' ? (
          <p>Nothing waiting: no first touches or follow-ups due and no new leads to claim.</p>
        ) : (
          <>
            <p>No leads match these filters.</p>
            <button
              type="button"
              className="mt-2 font-medium text-brand-700 underline dark:text-brand-100"
              onClick={() => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}
            >
              Clear all filters
            </button>
          </>
        )}
      </div>
    ) : null;

  const tableMinRem = ['select' as const, ...visible.filter((column) => !folded.has(column))].reduce(
    (sum, column) => sum + COLUMN_MIN_REM[column],
    0,
  );

  const headerFor = (column: LeadColumn) => {
    if (column === 'name' && folded.has('company')) {
      return (
        <span className="inline-flex items-center gap-1">
          {sortButton('name')}
          <span aria-hidden>·</span>
          {sortButton('company')}
        </span>
      );
    }
    if (column === 'stage' && folded.has('action')) {
      return (
        <span className="inline-flex items-center gap-1">
          {sortButton('stage')}
          <span className="font-normal">/ {COLUMN_LABELS.action.toLowerCase()}</span>
        </span>
      );
    }
    return sortButton(column);
  };

  const sortButton = (column: LeadColumn) => {
    const sort = (COLUMN_SORT as Partial<Record<LeadColumn, string>>)[column];
    if (!sort) return COLUMN_LABELS[column];
    const active = sortKey === sort;
    const next = active && !sortDesc ? `-${sort}` : sort;
    return (
      <button
        type="button"
        onClick={() => update({ sort: next === '-receivedAt' ? null : next, page: null })}
        className="inline-flex items-center gap-1 rounded hover:text-slate-900 dark:hover:text-slate-100"
      >
        {COLUMN_LABELS[column]}
        {active ? (
          sortDesc ? (
            <ArrowDown className="size-3.5" aria-hidden />
          ) : (
            <ArrowUp className="size-3.5" aria-hidden />
          )
        ) : null}
      </button>
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Leads</h1>
          <p className="hidden text-sm text-slate-600 sm:block dark:text-slate-400">
            {view === 'queue'
              ? 'Your queue: first touches due inside the 24-hour window, overdue first touches, then follow-ups due today.'
              : 'Every lead you can see. Filters, sort and columns live in the address bar: copy it to share this view.'}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {pending ? <Loader2 className="size-4 animate-spin text-slate-500" aria-label="Loading" /> : null}
          {view === 'all' && !problems.length ? (
            // Phones show cards, which have no columns to choose.
            <div className="hidden md:block">
              <ColumnMenu
                visible={visible}
                onChange={(cols) => update({ cols: sameColumns(cols, DEFAULT_COLUMNS) ? null : [...cols] })}
              />
            </div>
          ) : null}
          {permissions.export && view === 'all' && !problems.length ? (
            <a href={exportHref} className={buttonVariants({ variant: 'secondary', size: 'sm' })} download>
              <Download aria-hidden />
              Export view
            </a>
          ) : null}
        </div>
      </div>

      {permissions.claim ? (
        <div
          role="tablist"
          aria-label="Lead views"
          className="flex gap-1 border-b border-slate-200 dark:border-slate-800"
        >
          {(['queue', 'all'] as const).map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={view === tab}
              onClick={() => {
                setSelection({});
                void setState(tab === 'queue' ? { view: isRep ? null : 'queue' } : { view: isRep ? 'all' : null });
              }}
              className={cn(
                '-mb-px border-b-2 px-3 py-2 text-sm',
                view === tab
                  ? 'border-brand-600 font-medium text-slate-900 dark:text-slate-100'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
              )}
            >
              {tab === 'queue' ? 'My queue' : 'All leads'}
            </button>
          ))}
        </div>
      ) : null}

      {problems.length ? (
        <LinkProblems
          intro={
            problems.length === 1
              ? 'This link has a filter the list cannot use:'
              : 'This link has filters the list cannot use:'
          }
          problems={problems}
          resetHref="/leads?view=all"
          resetLabel="Reset all filters"
        />
      ) : null}

      {view === 'all' && !problems.length ? (
        <>
          <LeadFilters state={state} onChange={update} offers={offers} people={people} />
          {page ? (
            <StatusChips
              counts={page.statusCounts}
              capped={page.cappedStatuses}
              selected={state.status ?? []}
              onSelect={(status) => update({ status: status ? [status] : null })}
            />
          ) : null}
        </>
      ) : null}

      {selectedIds.length ? (
        <BulkBar
          ids={selectedIds}
          permissions={permissions}
          people={people}
          exportQuery={`${exportHref}&ids=${selectedIds.join(',')}`}
          onDone={(message) => {
            setSelection({});
            setBulkMessage(message);
          }}
        />
      ) : null}
      {bulkMessage && !selectedIds.length ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          {bulkMessage}
        </p>
      ) : null}

      {problems.length ? null : (
        <div className={cn('md:hidden', pending && 'opacity-60')} aria-busy={pending}>
          <LeadCards
            groups={
              view === 'queue' && queue
                ? queue.map((section) => ({
                    key: section.key,
                    title: QUEUE_SECTION_TITLES[section.key],
                    rows: section.rows,
                    total: section.total,
                    moreHref:
                      !state.section && section.total > section.rows.length ? queueSectionHref(section.key) : undefined,
                  }))
                : [{ key: 'all', title: '', rows }]
            }
            hrefFor={leadHref}
            cell={(column, lead) => <Cell column={column} lead={lead} href={leadHref(lead.id)} folded={folded} />}
            isSelected={(id) => Boolean(selection[String(id)])}
            onToggle={(id) =>
              setSelection(({ [String(id)]: wasSelected, ...rest }) =>
                wasSelected ? rest : { ...rest, [String(id)]: true },
              )
            }
          />
          {empty}
        </div>
      )}
      {problems.length ? null : (
        <div
          data-testid="leads-table"
          className={cn(
            'hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block dark:border-slate-800 dark:bg-slate-900',
            pending && 'opacity-60',
          )}
        >
          <table
            className="w-full table-fixed text-left text-sm"
            style={{ minWidth: `${tableMinRem}rem` }}
            aria-busy={pending}
          >
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <th
                      key={header.id}
                      scope="col"
                      className={cn(
                        'whitespace-nowrap px-2 py-2 font-medium first:pl-3 last:pr-3',
                        COLUMN_WIDTHS[header.id as LeadColumn | 'select'],
                      )}
                      aria-sort={
                        (COLUMN_SORT as Partial<Record<string, string>>)[header.id] === sortKey
                          ? sortDesc
                            ? 'descending'
                            : 'ascending'
                          : undefined
                      }
                    >
                      {header.id === 'select' ? (
                        <table.FlexRender header={header} />
                      ) : view === 'all' ? (
                        headerFor(header.id as LeadColumn)
                      ) : (
                        COLUMN_LABELS[header.id as LeadColumn]
                      )}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {view === 'queue' && queue
                ? queue.map((section) => (
                    <QueueRows
                      key={section.key}
                      section={section}
                      paged={queueSection !== null}
                      table={table}
                      columnCount={table.getVisibleLeafColumns().length}
                    />
                  ))
                : table.getRowModel().rows.map((row) => (
                    <tr
                      key={row.id}
                      className={cn(
                        'hover:bg-slate-50 dark:hover:bg-slate-800/50',
                        row.getIsSelected() && 'bg-brand-50/60 dark:bg-brand-700/10',
                      )}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <td key={cell.id} className="px-2 py-2 align-top first:pl-3 last:pr-3">
                          <table.FlexRender cell={cell} />
                        </td>
                      ))}
                    </tr>
                  ))}
            </tbody>
          </table>
          {empty}
        </div>
      )}

      {view === 'queue' && queueSection && queue?.[0] ? <QueueSectionPager section={queue[0]} /> : null}

      {view === 'all' && page ? (
        <DataTablePagination
          page={currentPage}
          pageCount={pageCount}
          onPage={(next) => update({ page: next === 1 ? null : next })}
          pageSize={state.pageSize ?? 50}
          pageSizes={[25, 50, 100, 200]}
          onPageSize={(size) => update({ pageSize: size === 50 ? null : size, page: null })}
          summary={
            <p className="truncate sm:whitespace-normal">
              {page.totalCapped
                ? page.totalAtLeast
                  ? `At least ${formatCount(page.totalAtLeast)} leads`
                  : `More than ${formatCount(MAX_WINDOW)} leads`
                : `${formatCount(page.total)} ${page.total === 1 ? 'lead' : 'leads'}`}
              {page.totalCapped ? (
                <span className="hidden sm:inline">
                  {' '}
                  — pages reach the first 10,000; narrow the filters or sort the other way for the rest
                </span>
              ) : null}
              <span className="sr-only"> (answered in {serverMs} ms)</span>
            </p>
          }
        />
      ) : null}
    </div>
  );
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}

const QUEUE_PINNED = 'sticky left-3 max-w-[calc(100vw-4rem)] whitespace-normal';

const QUEUE_EMPTY: Record<QueueSectionKey, string> = {
  first_touch_due: 'No new leads are waiting inside their 24-hour window.',
  first_touch_overdue: 'None of your leads is overdue for a first touch.',
  unclaimed_overdue: 'No unclaimed lead is overdue.',
  follow_up_due: 'No follow-ups due today.',
};

/**
 * One queue section: its title with its exact count, what it holds, its rows, and on the
 * overview a link to page through all of it when it holds more than the rows shown.
 */
function QueueRows({
  section,
  paged,
  table,
  columnCount,
}: {
  section: QueueSection;
  paged: boolean;
  table: ReturnType<typeof useTable<typeof features, LeadSummary>>;
  columnCount: number;
}) {
  const ids = new Set(section.rows.map((row) => String(row.id)));
  const rows = table.getRowModel().rows.filter((row) => ids.has(row.id));
  const headingId = `queue-${section.key}`;
  const more = !paged && section.total > section.rows.length;
  return (
    <>
      <tr className="bg-slate-50 dark:bg-slate-800/40">
        <th colSpan={columnCount} scope="colgroup" className="px-3 py-2 text-left font-normal">
          {/* Pinned to the left edge: on a phone the table scrolls sideways, the title stays readable. */}
          <div className={QUEUE_PINNED}>
            <span
              id={headingId}
              className="text-xs font-semibold uppercase tracking-wide text-slate-700 dark:text-slate-200"
            >
              {QUEUE_SECTION_TITLES[section.key]} <span className="tabular-nums">({formatCount(section.total)})</span>
            </span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">{QUEUE_SECTION_HINTS[section.key]}</span>
          </div>
        </th>
      </tr>
      {rows.map((row) => (
        <tr key={row.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50" aria-describedby={headingId}>
          {row.getVisibleCells().map((cell) => (
            <td key={cell.id} className="px-2 py-2 align-top first:pl-3 last:pr-3">
              <table.FlexRender cell={cell} />
            </td>
          ))}
        </tr>
      ))}
      {rows.length === 0 ? (
        <tr>
          <td colSpan={columnCount} className="px-3 py-3 text-sm text-slate-500 dark:text-slate-400">
            <div className={QUEUE_PINNED}>
              {section.total > 0 ? 'No leads on this page.' : QUEUE_EMPTY[section.key]}
            </div>
          </td>
        </tr>
      ) : null}
      {more ? (
        <tr>
          <td colSpan={columnCount} className="px-3 py-2 text-sm">
            <div className={QUEUE_PINNED}>
              <Link
                href={queueSectionHref(section.key)}
                className="font-medium text-brand-700 hover:underline dark:text-brand-100"
              >
                Show all {formatCount(section.total)}
                <span className="sr-only"> — {QUEUE_SECTION_TITLES[section.key]}</span>
              </Link>
              <span className="text-slate-500 dark:text-slate-400">
                {' '}
                (showing the first {formatCount(section.rows.length)})
              </span>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Pages through one queue section; the section's pages reach its first MAX_WINDOW leads. */
function QueueSectionPager({ section }: { section: QueueSection }) {
  const reachable = Math.min(section.total, MAX_WINDOW);
  const pageCount = Math.max(1, Math.ceil(reachable / section.pageSize));
  const first = Math.min(section.total, (section.page - 1) * section.pageSize + 1);
  const last = Math.min(section.total, section.page * section.pageSize);
  const pageLink = (page: number, label: string, icon: 'previous' | 'next') => {
    const content = (
      <>
        {icon === 'previous' ? <ChevronLeft aria-hidden /> : null}
        {label}
        {icon === 'next' ? <ChevronRight aria-hidden /> : null}
      </>
    );
    const className = buttonVariants({ variant: 'secondary', size: 'sm' });
    return page < 1 || page > pageCount ? (
      <span aria-disabled="true" className={cn(className, 'pointer-events-none opacity-50')}>
        {content}
      </span>
    ) : (
      <Link href={queueSectionHref(section.key, page)} className={className}>
        {content}
      </Link>
    );
  };
  return (
    <nav
      aria-label="Pages of this section"
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
    >
      <p className="flex flex-wrap items-center gap-3">
        <Link href="/leads?view=queue" className="font-medium text-brand-700 hover:underline dark:text-brand-100">
          Back to the whole queue
        </Link>
        <span>
          {section.total
            ? `${formatCount(first)}–${formatCount(last)} of ${formatCount(section.total)}`
            : 'Nothing in this section'}
          {section.total > MAX_WINDOW
            ? ` — pages reach the first ${formatCount(MAX_WINDOW)}; work these and the rest move up`
            : ''}
        </span>
      </p>
      <div className="flex items-center gap-2">
        {pageLink(section.page - 1, 'Previous', 'previous')}
        <span aria-live="polite">
          Page {formatCount(section.page)} of {formatCount(pageCount)}
        </span>
        {pageLink(section.page + 1, 'Next', 'next')}
      </div>
    </nav>
  );
}

function StatusChips({
  counts,
  capped,
  selected,
  onSelect,
}: {
  counts: Record<LeadStatus, number | null>;
  capped: LeadStatus[];
  selected: string[];
  onSelect: (status: LeadStatus | null) => void;
}) {
  return (
    // One scrolling line on a phone, so the first leads stay on the first screen.
    <div
      role="group"
      aria-label="Status"
      className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0"
    >
      <button
        type="button"
        onClick={() => onSelect(null)}
        aria-pressed={selected.length === 0}
        className={chipClass(selected.length === 0)}
      >
        All statuses
      </button>
      {LEAD_STATUSES.map((status) => {
        const count = counts[status];
        const active = selected.length === 1 && selected[0] === status;
        return (
          <button
            key={status}
            type="button"
            onClick={() => onSelect(active ? null : status)}
            aria-pressed={active}
            className={chipClass(active)}
          >
            {STATUS_LABELS[status]}
            {count === null ? null : (
              <span className="tabular-nums text-slate-500 dark:text-slate-400">
                {formatCount(count)}
                {capped.includes(status) ? '+' : ''}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}

function chipClass(active: boolean): string {
  return cn(
    'inline-flex h-8 shrink-0 items-center gap-2 rounded-full border px-3 text-sm',
    active
      ? 'border-brand-600 bg-brand-50 font-medium text-brand-700 dark:bg-brand-700/20 dark:text-brand-100'
      : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800',
  );
}

function Cell({
  column,
  lead,
  href,
  folded,
}: {
  column: LeadColumn;
  lead: LeadSummary;
  href: string;
  /** Columns drawn inside another one's cell (see FOLDED_COLUMNS). */
  folded: ReadonlySet<LeadColumn>;
}) {
  const muted = <span className="text-slate-400">—</span>;
  switch (column) {
    case 'name':
      return <LeadNameCell lead={lead} href={href} withCompany={folded.has('company')} />;
    case 'company':
      return (
        <span className="block truncate" title={lead.company ?? undefined}>
          {lead.company ?? muted}
        </span>
      );
    case 'title':
      return (
        <span className="block truncate" title={lead.title ?? undefined}>
          {lead.title ?? muted}
        </span>
      );
    case 'email':
      return (
        <span className="block truncate" title={lead.email ?? undefined}>
          {lead.email ?? muted}
        </span>
      );
    case 'country':
      return lead.country ?? muted;
    case 'offer':
      return (
        <span className="block truncate" title={lead.offerTitle ?? lead.offerId ?? undefined}>
          {lead.offerTitle ?? lead.offerId ?? muted}
        </span>
      );
    case 'action':
      return lead.action ? actionLabel(lead.action) : muted;
    case 'stage':
      return <StageCell lead={lead} withAction={folded.has('action')} />;
    case 'status':
      return (
        <Badge tone={lead.status === 'won' ? 'success' : lead.status === 'lost' ? 'neutral' : 'brand'}>
          {STATUS_LABELS[lead.status]}
        </Badge>
      );
    case 'owner':
      return <OwnerCell lead={lead} />;
    case 'receivedAt':
      return <RelativeTime date={lead.receivedAt} />;
    case 'lastActivityAt':
      return <LocalTime date={lead.lastActivityAt} className="whitespace-nowrap" />;
    case 'nextFollowUpAt':
      return lead.nextFollowUpAt ? <LocalTime date={lead.nextFollowUpAt} className="whitespace-nowrap" /> : muted;
    case 'sla':
      return <SlaCountdown lead={lead} />;
  }
}
