'use client';
// Times as people read them, in the viewer's zone: `<LocalTime>` for an instant, `<RelativeTime>`
// for "2 d ago" / "in 3 h 12 min" that keeps counting while the page is open. Both carry the full
// date, time and zone in their title, where "14:05" alone would be ambiguous.
import { formatDate, formatDateTime, formatDateTimeFull, formatRelative } from '@/lib/format';
import { cn } from '@/lib/utils';
import { useNow, useTimeZone } from './time-provider';

type TimeProps = { date: Date; className?: string };

/** "3 Dec 2026, 14:05" (or "3 Dec 2026" with `dateOnly`) in the viewer's zone. */
export function LocalTime({ date, dateOnly = false, className }: TimeProps & { dateOnly?: boolean }) {
  const timeZone = useTimeZone();
  return (
    <time dateTime={date.toISOString()} title={formatDateTimeFull(date, timeZone)} className={className}>
      {dateOnly ? formatDate(date, timeZone) : formatDateTime(date, timeZone)}
    </time>
  );
}

/** "2 d ago", "in 3 h 12 min": ticks with the page's clock. */
export function RelativeTime({ date, className }: TimeProps) {
  const timeZone = useTimeZone();
  const now = useNow();
  return (
    <time
      dateTime={date.toISOString()}
      title={formatDateTimeFull(date, timeZone)}
      className={cn('whitespace-nowrap', className)}
    >
      {formatRelative(date, now, timeZone)}
    </time>
  );
}
