// The lead list's columns: their labels and their plain-text values, shared by the table's
// header and column menu and by the CSV export (which writes exactly the visible columns).
import { formatDuration } from '@/lib/format';
import { actionLabel, stageLabel, STATUS_LABELS } from '@/lib/marketplace/vocabulary';
import type { LeadSummary } from './queries';
import { FOLDED_COLUMNS, type LeadColumn } from './list-contract';
import { slaBadge, type SlaBadge } from './sla';

export const COLUMN_LABELS: Record<LeadColumn, string> = {
  name: 'Name',
  company: 'Company',
  title: 'Title',
  email: 'Email',
  country: 'Country',
  offer: 'Offer',
  action: 'Latest action',
  stage: 'Stage',
  status: 'Status',
  owner: 'Owner',
  receivedAt: 'Received',
  lastActivityAt: 'Last activity',
  nextFollowUpAt: 'Next follow-up',
  sla: 'SLA',
};

/** The sort key a column header sorts by, when it sorts. */
export const COLUMN_SORT = {
  name: 'name',
  company: 'company',
  country: 'country',
  stage: 'stage',
  status: 'status',
  receivedAt: 'receivedAt',
  lastActivityAt: 'lastActivityAt',
  nextFollowUpAt: 'nextFollowUpAt',
} as const satisfies Partial<Record<LeadColumn, string>>;

/** Visible columns the table draws inside another visible column's cell (see FOLDED_COLUMNS). */
export function foldedColumns(visible: readonly LeadColumn[]): Set<LeadColumn> {
  return new Set(
    (Object.entries(FOLDED_COLUMNS) as [LeadColumn, LeadColumn][])
      .filter(([column, host]) => visible.includes(column) && visible.includes(host))
      .map(([column]) => column),
  );
}

/** A person's name in little room: "Rita Rep" → "Rita R.", a single name as it is. */
export function shortName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return name.trim();
  return `${words[0]} ${[...words[words.length - 1]!][0]!.toUpperCase()}.`;
}

export function fullName(lead: Pick<LeadSummary, 'firstName' | 'lastName'>): string {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ');
}

export function slaText(badge: SlaBadge | null, now = new Date()): string {
  if (!badge) return '';
  const distance = formatDuration(Math.abs(badge.dueAt.getTime() - now.getTime()));
  switch (badge.kind) {
    case 'first_touch_overdue':
      return `First touch overdue by ${distance}`;
    case 'first_touch_due':
      return `First touch due in ${distance}`;
    case 'follow_up_overdue':
      return `Follow-up overdue by ${distance}`;
    case 'follow_up_today':
      return `Follow-up due in ${distance}`;
  }
}

const iso = (value: Date | null) => (value ? value.toISOString() : '');

/** A column's value as plain text (CSV cells; times in ISO 8601 UTC). */
export function columnText(column: LeadColumn, lead: LeadSummary, now = new Date(), timeZone = 'UTC'): string {
  switch (column) {
    case 'name':
      return fullName(lead);
    case 'company':
      return lead.company ?? '';
    case 'title':
      return lead.title ?? '';
    case 'email':
      return lead.email ?? '';
    case 'country':
      return lead.country ?? '';
    case 'offer':
      return lead.offerTitle ?? lead.offerId ?? '';
    case 'action':
      return lead.action ? actionLabel(lead.action) : '';
    case 'stage':
      return lead.stage ? stageLabel(lead.stage) : '';
    case 'status':
      return STATUS_LABELS[lead.status];
    case 'owner':
      return lead.ownerName ?? '';
    case 'receivedAt':
      return iso(lead.receivedAt);
    case 'lastActivityAt':
      return iso(lead.lastActivityAt);
    case 'nextFollowUpAt':
      return iso(lead.nextFollowUpAt);
    case 'sla':
      return slaText(slaBadge(lead, now, timeZone), now);
  }
}
