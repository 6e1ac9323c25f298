// The lead table's denser cells: several facts in one cell where the table would otherwise need
// a column each (the company under the name, the latest action under the stage), a short owner
// name and a relative received time. The card list on phones reuses them.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { fullName, shortName } from '@/lib/leads/columns';
import type { LeadColumn } from '@/lib/leads/list-contract';
import type { LeadSummary } from '@/lib/leads/queries';
import { actionLabel, stageLabel, stageOfAction } from '@/lib/marketplace/vocabulary';
import { cn } from '@/lib/utils';

/**
 * Column widths for the table's fixed layout: name and offer share what is left, the rest are as
 * wide as their usual values. The defaults fit a 1366-pixel window.
 */
export const COLUMN_WIDTHS: Record<LeadColumn | 'select', string> = {
  select: 'w-10',
  name: 'w-auto',
  company: 'w-44',
  title: 'w-40',
  email: 'w-56',
  country: 'w-20',
  offer: 'w-auto',
  action: 'w-32',
  stage: 'w-28',
  status: 'w-24',
  owner: 'w-24',
  receivedAt: 'w-32',
  lastActivityAt: 'w-44',
  nextFollowUpAt: 'w-44',
  sla: 'w-[15.5rem]',
};

/**
 * The width, in rem, each column needs at least (a fixed layout ignores min-width on cells, so the
 * table gets the sum of its columns' as its own min-width, and scrolls sideways beyond that).
 */
export const COLUMN_MIN_REM: Record<LeadColumn | 'select', number> = {
  select: 2.5,
  name: 11,
  company: 11,
  title: 10,
  email: 14,
  country: 5,
  offer: 9,
  action: 8,
  stage: 7,
  status: 6,
  owner: 6,
  receivedAt: 8,
  lastActivityAt: 11,
  nextFollowUpAt: 11,
  sla: 15.5,
};

export const leadTitle = (lead: LeadSummary) => fullName(lead) || lead.email || `Lead ${lead.id}`;

/** Name (the link to the lead), with the company and any do-not-contact or test badge below. */
export function LeadNameCell({
  lead,
  href,
  withCompany,
  stretched = false,
}: {
  lead: LeadSummary;
  href: string;
  withCompany: boolean;
  /** The link covers its whole positioned container (a card). */
  stretched?: boolean;
}) {
  const title = leadTitle(lead);
  return (
    <div className="flex min-w-0 flex-col">
      <Link
        href={href}
        title={title}
        className={cn(
          'truncate font-medium text-slate-900 hover:underline dark:text-slate-100',
          stretched && 'after:absolute after:inset-0 after:rounded-lg',
        )}
      >
        {title}
      </Link>
      {withCompany && lead.company ? (
        <span className="truncate text-xs text-slate-600 dark:text-slate-400" title={lead.company}>
          {lead.company}
        </span>
      ) : null}
      {lead.doNotContact || lead.isTest ? (
        <span className="mt-0.5 flex gap-1">
          {lead.doNotContact ? <Badge tone="danger">Do not contact</Badge> : null}
          {lead.isTest ? <Badge tone="warning">Test</Badge> : null}
        </span>
      ) : null}
    </div>
  );
}

/** The furthest stage; the latest action below it when asked for and when it says something else. */
export function StageCell({ lead, withAction }: { lead: LeadSummary; withAction: boolean }) {
  const stage = lead.stage ? stageLabel(lead.stage) : null;
  const action = lead.action ? actionLabel(lead.action) : null;
  const actionDiffers = action !== null && stageOfAction(lead.action) !== lead.stage;
  return (
    <div className="flex min-w-0 flex-col">
      <span className="whitespace-normal break-words">{stage ?? <span className="text-slate-400">—</span>}</span>
      {withAction && actionDiffers ? (
        <span className="truncate text-xs text-slate-600 dark:text-slate-400" title={`Latest action: ${action}`}>
          Latest: {action}
        </span>
      ) : null}
    </div>
  );
}

export function OwnerCell({ lead }: { lead: LeadSummary }) {
  if (!lead.ownerName) return <span className="text-slate-500 dark:text-slate-400">Unassigned</span>;
  return (
    <span className="block truncate" title={lead.ownerName}>
      {shortName(lead.ownerName)}
    </span>
  );
}
