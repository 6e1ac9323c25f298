// The dashboard's query contract: one zod schema for the page and GET /api/dashboard/{panel},
// and the nuqs parsers the client reads and writes the same keys with.
import { createSerializer, parseAsString, parseAsStringLiteral } from 'nuqs/server';
import { normaliseCountry } from '@/lib/marketplace/country';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { parseQuery } from '@/lib/http/query';
import { serializeLeadView, type LeadViewState } from '@/lib/leads/view-state';
import {
  BUCKETS,
  RANGE_PRESETS,
  autoBucket,
  bucketsOf,
  isoDay,
  parseIsoDay,
  resolveRange,
  type Bucket,
  type ResolvedRange,
} from './range';

export const TREND_SERIES = ['source', 'action'] as const;
export type TrendSeries = (typeof TREND_SERIES)[number];

const text = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters').optional();
const day = z
  .string()
  .trim()
  .refine((value) => parseIsoDay(value) !== null, { message: 'must be a real date (YYYY-MM-DD)' })
  .refine((value) => value >= '1970-01-01', { message: 'must be 1970-01-01 or later' })
  .transform((value) => parseIsoDay(value)!)
  .optional();

export const dashboardParamsSchema = z
  .strictObject(
    {
      range: z.enum(RANGE_PRESETS, { error: `must be one of ${RANGE_PRESETS.join(', ')}` }).optional(),
      from: day,
      to: day,
      source: text,
      action: text,
      /** An offer key (`publisher.offer`), as the leads table takes it. */
      offer: text,
      /** A user id, or `unassigned`. */
      owner: text.refine((value) => value !== 'me' && value !== 'anyone', {
        message: 'must be a user id or unassigned',
      }),
      country: text,
      bucket: z.enum(BUCKETS, { error: `must be one of ${BUCKETS.join(', ')}` }).optional(),
      by: z.enum(TREND_SERIES, { error: `must be one of ${TREND_SERIES.join(', ')}` }).optional(),
      /** `csv` downloads a panel's table (API only). */
      format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'is not a known parameter' : undefined) },
  )
  .superRefine((params, context) => {
    const custom =
      params.range === 'custom' || (!params.range && (params.from !== undefined || params.to !== undefined));
    if (!custom && (params.from !== undefined || params.to !== undefined)) {
      context.addIssue({ code: 'custom', path: ['range'], message: 'from/to need range=custom (or no range)' });
    }
    if (custom && (params.from === undefined || params.to === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [params.from === undefined ? 'from' : 'to'],
        message: 'a custom range needs both from and to',
      });
    }
    if (params.from !== undefined && params.to !== undefined) {
      if (params.from > params.to)
        context.addIssue({ code: 'custom', path: ['from'], message: 'must not be after `to`' });
      else if (params.to - params.from >= MAX_RANGE_DAYS) {
        context.addIssue({ code: 'custom', path: ['to'], message: `a range covers at most ${MAX_RANGE_DAYS} days` });
      }
    }
  });

/** Ten years: enough for any history. */
export const MAX_RANGE_DAYS = 3660;
/** A trend has at most this many bars (a year and a bit of days). */
export const MAX_BUCKETS = 400;

/** The dimension filters: each narrows every panel (test leads are always left out). */
export type DashboardFilters = {
  source?: string;
  action?: string;
  offer?: string;
  owner?: string;
  country?: string;
};
export const FILTER_DIMENSIONS = [
  'source',
  'action',
  'offer',
  'owner',
  'country',
] as const satisfies readonly (keyof DashboardFilters)[];

export type DashboardQuery = {
  range: ResolvedRange;
  filters: DashboardFilters;
  bucket: Bucket;
  /** True when the bucket was chosen from the range rather than asked for. */
  autoBucket: boolean;
  by: TrendSeries;
  format: 'json' | 'csv';
};

/** Parses a query string, or throws a 400 naming every bad parameter. `now` fixes "today". */
export function parseDashboardParams(searchParams: URLSearchParams, now = new Date()): DashboardQuery {
  const params = parseQuery(dashboardParamsSchema, searchParams, 'Some dashboard parameters are invalid.');
  const custom = params.from !== undefined && params.to !== undefined;
  const range = custom
    ? resolveRange('custom', now, { from: params.from!, to: params.to! })
    : resolveRange(params.range ?? '30d', now);
  const bucket = params.bucket ?? autoBucket(range.days);
  if (bucketsOf(bucket, range).length > MAX_BUCKETS) {
    throw new AppError('invalid_query', 'Some dashboard parameters are invalid.', {
      details: [
        { field: 'bucket', message: `gives more than ${MAX_BUCKETS} bars over this range; use a longer bucket` },
      ],
    });
  }
  const filters: DashboardFilters = {};
  for (const key of FILTER_DIMENSIONS) if (params[key]) filters[key] = params[key];
  // Stored countries are codes: `USA` or `United States` in a link means the leads stored as US.
  if (filters.country) filters.country = normaliseCountry(filters.country) ?? filters.country;
  return {
    range,
    filters,
    bucket,
    autoBucket: !params.bucket,
    by: params.by ?? 'source',
    format: params.format ?? 'json',
  };
}

// ── The client's side of the same contract ────────────────────────────────────────────────────

export const dashboardParsers = {
  range: parseAsStringLiteral(RANGE_PRESETS),
  from: parseAsString,
  to: parseAsString,
  source: parseAsString,
  action: parseAsString,
  offer: parseAsString,
  owner: parseAsString,
  country: parseAsString,
  bucket: parseAsStringLiteral(BUCKETS),
  by: parseAsStringLiteral(TREND_SERIES),
};
export type DashboardState = {
  [Key in keyof typeof dashboardParsers]: ReturnType<(typeof dashboardParsers)[Key]['parse']>;
};
export const serializeDashboard = createSerializer(dashboardParsers);

/** The query string of a parsed dashboard query (what panels fetch with). */
export function dashboardQueryString(
  query: Pick<DashboardQuery, 'range' | 'filters'>,
  extra: Partial<DashboardState> = {},
): string {
  const custom = query.range.preset === 'custom';
  return serializeDashboard({
    range: custom ? null : query.range.preset,
    from: custom ? isoDay(query.range.fromDay) : null,
    to: custom ? isoDay(query.range.toDay - 1) : null,
    ...query.filters,
    ...extra,
  });
}

/**
 * The leads table showing exactly the leads behind a number: the dashboard's filters and range,
 * plus what the clicked bar, step or slice adds.
 */
export function leadsHref(
  query: Pick<DashboardQuery, 'range' | 'filters'>,
  extra: Partial<LeadViewState> = {},
): string {
  const { source, action, offer, owner, country } = query.filters;
  return serializeLeadView('/leads', {
    view: 'all',
    from: isoDay(query.range.fromDay),
    to: isoDay(query.range.toDay - 1),
    source: source ? [source] : null,
    action: action ? [action] : null,
    offer: offer ? [offer] : null,
    owner: owner ?? null,
    country: country ? [country] : null,
    ...extra,
  });
}
