// A rep's queue: its sections, their order and how they are paged. No database here: the
// table's client components import it (the queries live in queue-queries.ts).

/**
 * The queue's sections in the order to work them. Each lead is in one section at most:
 * first touches inside the 24-hour window (mine and unassigned, least time left first), my
 * overdue first touches and the unassigned overdue ones (most recently overdue first: the
 * freshest are the likeliest to still answer), then my follow-ups due by the end of today.
 */
export const QUEUE_SECTIONS = ['first_touch_due', 'first_touch_overdue', 'unclaimed_overdue', 'follow_up_due'] as const;
export type QueueSectionKey = (typeof QUEUE_SECTIONS)[number];

export const QUEUE_SECTION_TITLES: Record<QueueSectionKey, string> = {
  first_touch_due: 'First touch due within 24 hours',
  first_touch_overdue: 'Your overdue first touches',
  unclaimed_overdue: 'Overdue, unclaimed',
  follow_up_due: 'Follow-ups due today',
};

/** What each section holds, in a sentence (under its title). */
export const QUEUE_SECTION_HINTS: Record<QueueSectionKey, string> = {
  first_touch_due: 'Yours and unassigned, untouched, still inside the 24-hour window — least time left first.',
  first_touch_overdue: 'Assigned to you, untouched, past the 24-hour window — most recently overdue first.',
  unclaimed_overdue: 'Nobody has claimed or touched these — most recently overdue first.',
  follow_up_due: 'Your follow-ups due by the end of today, overdue ones included — earliest first.',
};

/** Rows of each section on the queue's overview; "Show all" pages through one section. */
export const QUEUE_PREVIEW_SIZE = 25;
export const QUEUE_PAGE_SIZE = 50;

export function isQueueSection(value: unknown): value is QueueSectionKey {
  return typeof value === 'string' && (QUEUE_SECTIONS as readonly string[]).includes(value);
}

/** The address of one section's page (page 1 is left out). */
export function queueSectionHref(section: QueueSectionKey, page = 1): string {
  return `/leads?section=${section}${page > 1 ? `&page=${page}` : ''}`;
}
