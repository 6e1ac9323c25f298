// Nurture rules and wording shared by the work service, the lead page and their tests. Nothing
// here touches the database, so the page's client components import it as well.
import type { TOUCH_KINDS } from '@/db/schema';
import { FIRST_TOUCH_WINDOW_MS } from './sla';

export type TouchKind = (typeof TOUCH_KINDS)[number];

export const TOUCH_KIND_LABELS: Record<TouchKind, string> = { email: 'Email', call: 'Call', meeting: 'Meeting' };
/** The kinds in schema order, without importing the drizzle schema into the browser. */
export const TOUCH_KIND_OPTIONS = Object.keys(TOUCH_KIND_LABELS) as TouchKind[];

export const NOTE_MAX_LENGTH = 5000;
export const TOUCH_NOTE_MAX_LENGTH = 2000;

/**
 * Microsoft's advice for marketplace leads: email a lead a few times before closing it out.
 * Closing as lost with fewer touches than this asks for a confirmation.
 */
export const MIN_TOUCHES_BEFORE_LOST = 3;

export function fewTouchesMessage(touchCount: number): string {
  return `Only ${touchCount} ${touchCount === 1 ? 'touch' : 'touches'} so far. Microsoft suggests a few emails before closing. Close anyway?`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 h 20 min", "2 d 4 h", "45 min", "less than a minute": two units at most. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / MINUTE));
  if (total < 1) return 'less than a minute';
  const days = Math.floor(total / (DAY / MINUTE));
  const hours = Math.floor((total % (DAY / MINUTE)) / 60);
  const minutes = total % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

export type FirstTouchSummary =
  | { kind: 'touched'; elapsedMs: number; missed: boolean; text: string }
  | { kind: 'untouched'; dueAt: Date; missed: boolean; text: string };

/** Time to first touch (first touch − arrival) against the 24-hour window. */
export function firstTouchSummary(receivedAt: Date, firstTouchAt: Date | null, now = new Date()): FirstTouchSummary {
  const dueAt = new Date(receivedAt.getTime() + FIRST_TOUCH_WINDOW_MS);
  if (firstTouchAt) {
    const elapsedMs = firstTouchAt.getTime() - receivedAt.getTime();
    const missed = elapsedMs > FIRST_TOUCH_WINDOW_MS;
    return {
      kind: 'touched',
      elapsedMs,
      missed,
      text: `First touch ${formatElapsed(elapsedMs)} after the lead arrived${missed ? ', outside the 24-hour window' : ''}.`,
    };
  }
  const missed = now > dueAt;
  return {
    kind: 'untouched',
    dueAt,
    missed,
    text: missed
      ? `Not touched yet: the 24-hour window closed ${formatElapsed(now.getTime() - dueAt.getTime())} ago.`
      : `Not touched yet: ${formatElapsed(dueAt.getTime() - now.getTime())} left of the 24-hour window.`,
  };
}

export type FollowUpPreset = { key: 'tomorrow' | 'in_3_days' | 'next_week'; label: string; at: Date };

/** 9:00 on the day `days` after `now`'s day, in the runtime's (the viewer's browser's) time zone. */
function nineOClock(now: Date, days: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0, 0, 0);
}

/** The quick picks: tomorrow 9:00, in 3 days 9:00, next Monday 9:00 (local time). */
export function followUpPresets(now = new Date()): FollowUpPreset[] {
  // Monday is 1; a Monday's "next week" is the Monday after.
  const toMonday = (8 - now.getDay()) % 7 || 7;
  return [
    { key: 'tomorrow', label: 'Tomorrow 9:00', at: nineOClock(now, 1) },
    { key: 'in_3_days', label: 'In 3 days', at: nineOClock(now, 3) },
    { key: 'next_week', label: 'Next week (Mon 9:00)', at: nineOClock(now, toMonday) },
  ];
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A `<input type="datetime-local">` value (local time, minutes). */
export function toDateTimeLocalValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Reads a `datetime-local` value as local time; null when empty or not a real time. */
export function fromDateTimeLocalValue(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi, s);
  // Reject dates JavaScript rolls over (31 June → 1 July).
  return date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}
