// How a dashboard cell reads, by its kind (lib/dashboard/panels.ts): one place for the KPI
// cards, the chart labels, the tooltips and the "view as table" tables, so they always agree.
import type { Cell, CellKind, PanelColumn, PanelRow } from '@/lib/dashboard/panels';
import { formatCalendarDay, formatCount, formatDateTime } from '@/lib/format';

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const signedPercent = new Intl.NumberFormat('en', {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const signedPoints = new Intl.NumberFormat('en', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** `45 m`, `2 h 05 m`, `3 d 4 h`: the two largest units, minutes padded after hours. */
export function formatMinutes(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return `${total} m`;
  const hours = Math.floor(total / 60);
  if (hours < 24) return `${hours} h ${String(total % 60).padStart(2, '0')} m`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A fraction 0..1 as `42.5%`. */
export const formatShare = (share: number): string => percent.format(share);

/** A relative change as `+25%` / `−10%` (a true minus sign). */
export const formatChange = (change: number): string => signedPercent.format(change).replace('-', '−');

/** A difference of two shares in percentage points: `+3.2 pts`. */
export const formatPoints = (points: number): string => `${signedPoints.format(points * 100).replace('-', '−')} pts`;

/** `2026-11-23` as `23 Nov 2026`. */
export const formatDay = (iso: string): string => formatCalendarDay(iso);

/** The text of one cell; `—` when there is nothing to show. Instants read in `timeZone`. */
export function formatCell(value: Cell | undefined, kind: CellKind, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (kind === 'date') {
      // A whole day (a bucket's start) reads as a day; an instant as date and time.
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : formatDateTime(date, timeZone);
    }
    return value;
  }
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'share':
      return formatShare(value);
    case 'minutes':
      return formatMinutes(value);
    case 'change':
      return formatChange(value);
    case 'points':
      return formatPoints(value);
    case 'date':
      return formatDateTime(new Date(value), timeZone);
    case 'text':
      return String(value);
  }
}

/** A column's kind on one row (the summary's value column reads differently per metric). */
export const kindOf = (column: PanelColumn, row: PanelRow): CellKind => row.kinds?.[column.key] ?? column.kind;

/** The raw value as an attribute: what end-to-end tests compare against. */
export const rawValue = (value: Cell | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** Numeric cell or 0: what a bar is drawn from. */
export const numberOf = (value: Cell | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** Shortens a label for an axis; the full text goes in a title. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…` : text;
}
