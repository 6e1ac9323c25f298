// The dashboard's time: which whole UTC days a range covers, the period before it, and the
// buckets a trend is drawn in. Pure functions; SQL receives day numbers (days since the epoch).

export const DAY_MS = 86_400_000;

export const RANGE_PRESETS = ['7d', '30d', '90d', 'quarter', 'year', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABELS: Record<RangePreset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  quarter: 'This quarter',
  year: 'This year',
  custom: 'Custom range',
};

export const BUCKETS = ['day', 'week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** A run of whole UTC days: `fromDay` inclusive, `toDay` exclusive (days since 1970-01-01). */
export type DayRange = { fromDay: number; toDay: number };

export type ResolvedRange = DayRange & {
  preset: RangePreset;
  /** The period of the same length just before. */
  previous: DayRange;
  days: number;
};

/** Days since the epoch of the UTC day holding `ms`. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** `YYYY-MM-DD` of a day number. */
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The day number of a `YYYY-MM-DD` string, or null when it is not a real calendar date. */
export function parseIsoDay(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) return null;
  return dayOf(ms);
}

/**
 * The days a preset covers, ending with today (UTC): rolling presets count back from today,
 * "this quarter" and "this year" start on their first day. Custom ranges are inclusive of both
 * dates. The previous period is the same number of days just before.
 */
export function resolveRange(preset: RangePreset, now: Date, custom?: { from: number; to: number }): ResolvedRange {
  const today = dayOf(now.getTime());
  let fromDay: number;
  let toDay = today + 1;
  switch (preset) {
    case '7d':
    case '30d':
    case '90d':
      fromDay = toDay - Number.parseInt(preset, 10);
      break;
    case 'quarter':
      fromDay = dayOf(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
      break;
    case 'year':
      fromDay = dayOf(Date.UTC(now.getUTCFullYear(), 0, 1));
      break;
    case 'custom':
      if (!custom) throw new Error('A custom range needs its from and to days.');
      fromDay = custom.from;
      toDay = custom.to + 1;
      break;
  }
  const days = toDay - fromDay;
  return { preset, fromDay, toDay, days, previous: { fromDay: fromDay - days, toDay: fromDay } };
}

/** Bars read well up to about 5 weeks of days and 26 weeks of weeks. */
export function autoBucket(days: number): Bucket {
  if (days <= 35) return 'day';
  if (days <= 182) return 'week';
  return 'month';
}

/** The first day of the bucket holding `day`: weeks start on Monday, months on the 1st (UTC). */
export function bucketStart(bucket: Bucket, day: number): number {
  switch (bucket) {
    case 'day':
      return day;
    case 'week':
      // 1970-01-01 was a Thursday: day + 3 counts from the Monday before it.
      return day - ((((day + 3) % 7) + 7) % 7);
    case 'month': {
      const date = new Date(day * DAY_MS);
      return dayOf(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
    }
  }
}

/** The SQL expression (over an integer day column) giving the same bucket start as bucketStart. */
export function bucketStartSql(bucket: Bucket, dayExpr: string): string {
  switch (bucket) {
    case 'day':
      return dayExpr;
    case 'week':
      return `(${dayExpr} - ((${dayExpr} + 3) % 7))`;
    case 'month':
      return `(unixepoch(date(${dayExpr} * 86400, 'unixepoch', 'start of month')) / 86400)`;
  }
}

/** Every bucket the range touches, in order (first and last may be partial). */
export function bucketsOf(bucket: Bucket, range: DayRange): { start: number; label: string }[] {
  const buckets: { start: number; label: string }[] = [];
  let start = bucketStart(bucket, range.fromDay);
  while (start < range.toDay) {
    buckets.push({ start, label: bucketLabel(bucket, start) });
    start = nextBucket(bucket, start);
  }
  return buckets;
}

function nextBucket(bucket: Bucket, start: number): number {
  if (bucket === 'day') return start + 1;
  if (bucket === 'week') return start + 7;
  const date = new Date(start * DAY_MS);
  return dayOf(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
}

/** `2026-11-23` for days, `Week of 2026-11-23` for weeks, `2026-11` for months. */
export function bucketLabel(bucket: Bucket, start: number): string {
  const day = isoDay(start);
  if (bucket === 'month') return day.slice(0, 7);
  if (bucket === 'week') return `Week of ${day}`;
  return day;
}
