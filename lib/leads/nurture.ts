// Nurture rules and wording shared by the work service, the lead page and their tests. Nothing
// here touches the database, so the page's client components import it as well.
import type { TOUCH_KINDS } from '@/db/schema';
import { addCalendarDays, fromWallClock, wallClock, type WallClock } from '@/lib/time/zone';
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

export type FollowUpPresetKey = 'later_today' | 'tomorrow' | 'next_monday' | 'in_a_week';
/** `at` is null when the pick does not apply now ("Later today" late in the evening). */
export type FollowUpPreset = { key: FollowUpPresetKey; label: string; at: Date | null };

/** Later today ends here: a follow-up at 22:00 is tomorrow's work. */
const LATEST_LATER_TODAY_HOUR = 21;

/** `hour`:00 on the calendar day `days` after today, on the viewer's clock (DST-correct). */
function atHour(today: WallClock, days: number, hour: number, timeZone: string): Date | null {
  const day = addCalendarDays(today, days);
  // 9:00 is never skipped by real zones' transitions, but an hour later is the safe answer if it were.
  return (
    fromWallClock({ ...day, hour, minute: 0 }, timeZone) ??
    fromWallClock({ ...day, hour: hour + 1, minute: 0 }, timeZone)
  );
}

/**
 * The quick picks, on the viewer's clock in `timeZone`: later today (the whole hour at least two
 * hours away, until 21:00), tomorrow 9:00, next Monday 9:00 (a Monday's is the one after), and
 * 9:00 a week from today.
 */
export function followUpPresets(now: Date, timeZone: string): FollowUpPreset[] {
  const today = wallClock(now, timeZone);
  const laterHour = today.hour + 2 + (today.minute > 0 || today.second > 0 ? 1 : 0);
  const toMonday = (8 - today.weekday) % 7 || 7;
  return [
    {
      key: 'later_today',
      label: 'Later today',
      at: laterHour <= LATEST_LATER_TODAY_HOUR ? atHour(today, 0, laterHour, timeZone) : null,
    },
    { key: 'tomorrow', label: 'Tomorrow 9:00', at: atHour(today, 1, 9, timeZone) },
    { key: 'next_monday', label: 'Next Monday 9:00', at: atHour(today, toMonday, 9, timeZone) },
    { key: 'in_a_week', label: 'In a week', at: atHour(today, 7, 9, timeZone) },
  ];
}
