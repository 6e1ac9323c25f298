// Display formatting shared by pages and client components: one home for how a time reads.
// Every date and time is shown in the viewer's zone (see components/time/time-zone.tsx), so each
// formatter takes that zone; the server and the browser format with the same zone and `now`.
const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

const dayOptions = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const timeOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** "3 Dec 2026" in `timeZone`. */
export function formatDate(date: Date | null | undefined, timeZone: string): string {
  if (!date) return '—';
  return cached(`d|${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { ...dayOptions, timeZone })).format(date);
}

/** "14:05" in `timeZone`. */
export function formatTime(date: Date, timeZone: string): string {
  return cached(`t|${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { ...timeOptions, timeZone })).format(date);
}

/** "3 Dec 2026, 14:05" in `timeZone`. */
export function formatDateTime(date: Date | null | undefined, timeZone: string): string {
  if (!date) return '—';
  return `${formatDate(date, timeZone)}, ${formatTime(date, timeZone)}`;
}

/** "3 Dec" in `timeZone`: chart axes, where the year is in the title. */
export function formatDayMonth(date: Date, timeZone: string): string {
  return cached(
    `dm|${timeZone}`,
    () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }),
  ).format(date);
}

/** "Dec 2026" in `timeZone`. */
export function formatMonth(date: Date, timeZone: string): string {
  return cached(
    `m|${timeZone}`,
    () => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone }),
  ).format(date);
}

/**
 * The zone's short name at `date`: "PST", "CEST", "UTC"; "GMT+9" where neither English locale
 * has a name (Tokyo). American names come from en-US, European ones from en-GB.
 */
export function formatZoneName(date: Date, timeZone: string): string {
  const nameIn = (locale: string) =>
    cached(`z|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }))
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const american = nameIn('en-US');
  if (!american.startsWith('GMT')) return american;
  const european = nameIn('en-GB');
  return european.startsWith('GMT') ? american : european;
}

/** "Thu 3 Dec 2026, 14:05 PST": the unambiguous form for titles and tooltips. */
export function formatDateTimeFull(date: Date | null | undefined, timeZone: string): string {
  if (!date) return '—';
  const weekday = cached(
    `w|${timeZone}`,
    () => new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone }),
  ).format(date);
  return `${weekday} ${formatDateTime(date, timeZone)} ${formatZoneName(date, timeZone)}`;
}

/** A span of time in its two largest units: `45 min`, `3 h 20 min`, `2 d 4 h`. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/**
 * "in 3 h 12 min", "2 d ago", "just now" (under a minute either way). Beyond 60 days a date says
 * more than a distance: "on 3 Dec 2026".
 */
export function formatRelative(date: Date | null | undefined, now: Date, timeZone: string): string {
  if (!date) return 'never';
  const diff = date.getTime() - now.getTime();
  if (Math.abs(diff) < 60_000) return 'just now';
  if (Math.abs(diff) >= 60 * 86_400_000) return `on ${formatDate(date, timeZone)}`;
  // Whole units only: "2 d ago", not "2 d 3 h ago", once a distance is a day or more.
  const distance =
    Math.abs(diff) >= 86_400_000 ? `${Math.floor(Math.abs(diff) / 86_400_000)} d` : formatDuration(Math.abs(diff));
  return diff > 0 ? `in ${distance}` : `${distance} ago`;
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat('en').format(value);
}

export function personName(lead: { firstName: string | null; lastName: string | null; email: string | null }): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  return name || lead.email || 'Unnamed lead';
}

/** A size in bytes as people read it: `512 B`, `1.5 KiB`, `64 KiB`, `2.3 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** A calendar day written `YYYY-MM-DD` as "3 Dec 2026": a day, not an instant, so no zone applies. */
export function formatCalendarDay(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : formatDate(date, 'UTC');
}
