// The service levels a rep works to, in one place: the 24-hour first touch and due follow-ups.
// The table's SLA badge, its SLA filter and the rep's queue all read these definitions.
import type { LeadStatus } from '@/lib/marketplace/vocabulary';
import { DEFAULT_TIME_ZONE, endOfDay as endOfZonedDay } from '@/lib/time/zone';

/** A new lead should be touched (email, call, meeting) within 24 hours of arriving. */
export const FIRST_TOUCH_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Statuses still being worked: the SLAs stop applying once a lead is won or lost. */
export const OPEN_STATUSES = ['new', 'contacted', 'qualified', 'nurturing'] as const satisfies readonly LeadStatus[];

export const SLA_FILTERS = ['first_touch_overdue', 'first_touch_due', 'follow_up_due', 'follow_up_overdue'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

export const SLA_FILTER_LABELS: Record<SlaFilter, string> = {
  first_touch_overdue: 'First touch overdue',
  first_touch_due: 'First touch due (within 24 h)',
  follow_up_due: 'Follow-up due today or overdue',
  follow_up_overdue: 'Follow-up overdue',
};

export type SlaBadge =
  | { kind: 'first_touch_overdue'; dueAt: Date }
  | { kind: 'first_touch_due'; dueAt: Date }
  | { kind: 'follow_up_overdue'; dueAt: Date }
  | { kind: 'follow_up_today'; dueAt: Date };

type SlaFacts = {
  status: LeadStatus;
  isTest: boolean;
  doNotContact: boolean;
  receivedAt: Date;
  firstTouchAt: Date | null;
  nextFollowUpAt: Date | null;
};

/** The end of the viewer's day containing `now`: "due today" means due before this. */
export function endOfDay(now: Date, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return endOfZonedDay(now, timeZone);
}

export function isOpen(status: LeadStatus): boolean {
  return (OPEN_STATUSES as readonly LeadStatus[]).includes(status);
}

/** True when the first-touch rule applies to the lead at all (open, contactable, real, untouched). */
export function awaitsFirstTouch(lead: SlaFacts): boolean {
  return isOpen(lead.status) && !lead.isTest && !lead.doNotContact && lead.firstTouchAt === null;
}

/** The most urgent SLA state of a lead, or null when nothing is due. */
export function slaBadge(lead: SlaFacts, now = new Date(), timeZone: string = DEFAULT_TIME_ZONE): SlaBadge | null {
  if (!isOpen(lead.status) || lead.isTest) return null;
  if (awaitsFirstTouch(lead)) {
    const dueAt = new Date(lead.receivedAt.getTime() + FIRST_TOUCH_WINDOW_MS);
    return { kind: dueAt < now ? 'first_touch_overdue' : 'first_touch_due', dueAt };
  }
  if (lead.nextFollowUpAt && !lead.doNotContact) {
    if (lead.nextFollowUpAt < now) return { kind: 'follow_up_overdue', dueAt: lead.nextFollowUpAt };
    if (lead.nextFollowUpAt <= endOfDay(now, timeZone)) return { kind: 'follow_up_today', dueAt: lead.nextFollowUpAt };
  }
  return null;
}
