'use client';
import type { ReactNode } from 'react';
import type { LeadColumn } from '@/lib/leads/list-contract';
import type { LeadSummary } from '@/lib/leads/queries';
import { slaBadge } from '@/lib/leads/sla';
import { formatCount } from '@/lib/format';
import { cn } from '@/lib/utils';
import Link from 'next/link';
import { RelativeTime } from '@/components/time/time';
import { LeadNameCell, leadTitle } from './lead-cells';

export type CardGroup = {
  key: string;
  title: string;
  rows: LeadSummary[];
  /** The group's whole size when the rows are its first page (a queue section). */
  total?: number;
  /** Where the rest of the group is listed. */
  moreHref?: string;
};

/**
 * The lead list on a phone: one card per lead, the whole card a link to it; the checkbox (for the
 * bulk actions) sits above the link. Cells are the table's own, so both say the same thing.
 */
export function LeadCards({
  groups,
  hrefFor,
  cell,
  isSelected,
  onToggle,
}: {
  groups: CardGroup[];
  hrefFor: (id: number) => string;
  cell: (column: LeadColumn, lead: LeadSummary) => ReactNode;
  isSelected: (id: number) => boolean;
  onToggle: (id: number) => void;
}) {
  return (
    <div className="flex flex-col gap-4">
      {groups.map((group) => (
        <section key={group.key} aria-label={group.title || 'Leads'} className="flex flex-col gap-2">
          {group.title ? (
            <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
              {group.title}{' '}
              <span className="font-normal tabular-nums">({formatCount(group.total ?? group.rows.length)})</span>
            </h2>
          ) : null}
          <ul className="flex flex-col gap-2">
            {group.rows.map((lead) => {
              const selected = isSelected(lead.id);
              const due = slaBadge(lead) !== null;
              return (
                <li
                  key={lead.id}
                  className={cn(
                    'relative rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm hover:border-slate-300 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-slate-700',
                    selected && 'border-brand-600 bg-brand-50/60 dark:border-brand-500 dark:bg-brand-700/10',
                  )}
                >
                  <div className="flex items-start gap-3">
                    <input
                      type="checkbox"
                      aria-label={`Select ${leadTitle(lead)}`}
                      className="relative z-10 mt-0.5 size-5 shrink-0 accent-brand-600"
                      checked={selected}
                      onChange={() => onToggle(lead.id)}
                    />
                    <div className="flex min-w-0 flex-1 flex-col gap-1">
                      <div className="flex items-start justify-between gap-2">
                        <LeadNameCell lead={lead} href={hrefFor(lead.id)} withCompany stretched />
                        <span className="shrink-0">{cell('status', lead)}</span>
                      </div>
                      <div className="truncate text-slate-700 dark:text-slate-300">{cell('offer', lead)}</div>
                      <div className="flex items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
                        <span className="min-w-0 truncate">
                          {due ? (
                            cell('sla', lead)
                          ) : (
                            <>
                              Received <RelativeTime date={lead.receivedAt} />
                            </>
                          )}
                        </span>
                        <span className="min-w-0 shrink-0 truncate">{cell('owner', lead)}</span>
                      </div>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
          {group.moreHref ? (
            <Link
              href={group.moreHref}
              className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
            >
              Show all {formatCount(group.total ?? group.rows.length)}
              <span className="sr-only"> — {group.title}</span>
            </Link>
          ) : null}
        </section>
      ))}
    </div>
  );
}
