// Wall-clock arithmetic in a named IANA time zone, with nothing but Intl (no dependency). Pure and
// safe in client bundles: the server renders and the browser ticks with the same functions.

export const DEFAULT_TIME_ZONE = 'UTC';
/** The cookie the browser's zone is kept in, so the server renders in it too. */
export const TIME_ZONE_COOKIE = 'tz';

const DAY_MS = 86_400_000;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The canonical name of an IANA zone (`asia/tokyo` → `Asia/Tokyo`), or null when Intl does not know it. */
export function normalizeTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isTimeZone(value: string | null | undefined): value is string {
  return normalizeTimeZone(value) !== null;
}

/** A calendar day and a time on the wall clock of some zone; month 1–12, weekday 0 (Sunday)–6. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** What a clock in `timeZone` shows at `date`. */
export function wallClock(date: Date, timeZone: string): WallClock & { second: number; weekday: number } {
  const parts: Record<string, string> = {};
  for (const part of partsFormat(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** The zone's offset from UTC at `ms`, in milliseconds (east positive). */
export function offsetAt(ms: number, timeZone: string): number {
  const wall = wallClock(new Date(ms), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const sameWall = (a: WallClock, b: WallClock) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/**
 * The instant a clock in `timeZone` shows `wall`. A time that occurs twice (clocks going back)
 * is its first occurrence; a time the clocks skip (going forward) does not exist: null. Also null
 * for a date that is not on the calendar (31 June).
 */
export function fromWallClock(wall: WallClock, timeZone: string): Date | null {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const calendar = new Date(local);
  if (
    Number.isNaN(local) ||
    calendar.getUTCFullYear() !== wall.year ||
    calendar.getUTCMonth() !== wall.month - 1 ||
    calendar.getUTCDate() !== wall.day ||
    wall.hour > 23 ||
    wall.minute > 59
  ) {
    return null;
  }
  // The offsets a day either side cover any transition near this time.
  const candidates = [...new Set([offsetAt(local - DAY_MS, timeZone), offsetAt(local + DAY_MS, timeZone)])]
    .map((offset) => local - offset)
    .filter((ms) => sameWall(wallClock(new Date(ms), timeZone), wall))
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}

/** The wall-clock calendar day `days` after the one `date` falls on in `timeZone`. */
export function addCalendarDays(wall: WallClock, days: number): WallClock {
  const shifted = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The first instant of the day `date` falls on in `timeZone` (midnight, or the first minute after a skipped one). */
export function startOfDay(date: Date, timeZone: string, addDays = 0): Date {
  const day = addCalendarDays({ ...wallClock(date, timeZone), hour: 0, minute: 0 }, addDays);
  for (let minute = 0; minute < 24 * 60; minute += 30) {
    const found = fromWallClock({ ...day, hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone);
    if (found) return found;
  }
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

/** The last millisecond of the day `date` falls on in `timeZone`: "due today" means due before this. */
export function endOfDay(date: Date, timeZone: string): Date {
  return new Date(startOfDay(date, timeZone, 1).getTime() - 1);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of the day `date` falls on in `timeZone`. */
export function dayInput(date: Date, timeZone: string): string {
  const wall = wallClock(date, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `HH:mm` of `date` on a clock in `timeZone`. */
export function timeInput(date: Date, timeZone: string): string {
  const wall = wallClock(date, timeZone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** A `YYYY-MM-DD` calendar day, or null when it is not written so or not on the calendar. */
export function parseDay(value: string): Pick<WallClock, 'year' | 'month' | 'day'> | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
    ? { year, month, day }
    : null;
}

/** An `HH:mm` (or `H:mm`) 24-hour time, or null. */
export function parseTime(value: string): Pick<WallClock, 'hour' | 'minute'> | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [hour, minute] = match.slice(1).map(Number) as [number, number];
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/**
 * The instants a from–to range of whole days in `timeZone` covers, `to` inclusive, as [from, to).
 * Days are `YYYY-MM-DD` strings already checked by the caller's schema.
 */
export function zonedDayRange(
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
): { from?: Date; to?: Date } {
  const start = (value: string, addDays: number) => {
    const day = parseDay(value);
    if (!day) return undefined;
    const noon =
      fromWallClock({ ...day, hour: 12, minute: 0 }, timeZone) ??
      new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
    return startOfDay(noon, timeZone, addDays);
  };
  return { from: from ? start(from, 0) : undefined, to: to ? start(to, 1) : undefined };
}

export type ZonedInputResult = { ok: true; at: Date } | { ok: false; field: 'day' | 'time'; message: string };

/**
 * A date (`YYYY-MM-DD`) and a 24-hour time (`HH:mm`) typed by the viewer, read on the clock of
 * `timeZone`. Errors name the part that is wrong and why.
 */
export function parseZonedInput(dayValue: string, timeValue: string, timeZone: string): ZonedInputResult {
  if (!dayValue.trim()) return { ok: false, field: 'day', message: 'Enter a date as yyyy-mm-dd, e.g. 2026-12-03.' };
  const day = parseDay(dayValue);
  if (!day) {
    return /^\d{4}-\d{2}-\d{2}$/.test(dayValue.trim())
      ? { ok: false, field: 'day', message: `${dayValue.trim()} is not on the calendar.` }
      : { ok: false, field: 'day', message: 'Write the date as yyyy-mm-dd, e.g. 2026-12-03.' };
  }
  if (!timeValue.trim()) return { ok: false, field: 'time', message: 'Enter a time as HH:mm (24-hour), e.g. 14:30.' };
  const time = parseTime(timeValue);
  if (!time)
    return { ok: false, field: 'time', message: 'Write the time as HH:mm (24-hour, 00:00–23:59), e.g. 14:30.' };
  const at = fromWallClock({ ...day, ...time }, timeZone);
  if (!at) {
    return { ok: false, field: 'time', message: 'The clocks skip this time that day (daylight saving). Pick another.' };
  }
  return { ok: true, at };
}
