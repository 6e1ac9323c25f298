import { z } from 'zod';
import { parseQuery } from '@/lib/http/query';
import { DEFAULT_TIME_ZONE, zonedDayRange } from '@/lib/time/zone';
import { LEAD_STAGES, LEAD_STATUSES } from '@/lib/marketplace/vocabulary';
import { QUEUE_SECTIONS } from './queue';
import { SLA_FILTERS } from './sla';
import {
  DEFAULT_COLUMNS,
  DEFAULT_PAGE_SIZE,
  DNC_FILTERS,
  LEAD_COLUMNS,
  LEAD_SORT_KEYS,
  MAX_PAGE_SIZE,
  MAX_WINDOW,
  MIN_SEARCH_LENGTH,
  REACHED_STEPS,
  RECEIVED_PRESETS,
  searchTerms,
  type LeadColumn,
  type LeadSortKey,
} from './list-contract';

export * from './list-contract';

// The read API's query contract: one schema, used by GET /api/leads and the pages.
const freeText = z.string().max(200, 'at most 200 characters');

/** A comma-separated list: `status=new,contacted`. */
const list = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50, 'at most 50 values'))
    .optional();

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** `YYYY-MM-DD` (a whole day: `from` its start, `to` its end; UTC here, see parseLeadListParams) or a full ISO date-time. */
const dateParam = (edge: 'start' | 'end') =>
  z
    .string()
    .trim()
    .refine((value) => DATE_ONLY.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success, {
      message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time',
    })
    .transform((value) => {
      if (!DATE_ONLY.test(value)) return new Date(value);
      const start = new Date(`${value}T00:00:00.000Z`);
      // JavaScript rolls 2026-02-30 over to March; a calendar date must survive the round trip.
      if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== value) return new Date(NaN);
      return edge === 'start' ? start : new Date(start.getTime() + 86_400_000 - 1);
    })
    .refine((date) => !Number.isNaN(date.getTime()), { message: 'is not a real date' })
    .optional();

const booleanParam = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1')
  .optional();

const sortParam = z
  .string()
  .refine((value) => (LEAD_SORT_KEYS as readonly string[]).includes(value.replace(/^-/, '')), {
    message: `must be one of ${LEAD_SORT_KEYS.join(', ')}, optionally prefixed with - for descending`,
  })
  .transform((value) => ({
    key: value.replace(/^-/, '') as LeadSortKey,
    direction: value.startsWith('-') ? ('desc' as const) : ('asc' as const),
  }))
  .optional();

const pageNumber = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(max, `must be at most ${max}`))
    .optional();

export const leadListParamsSchema = z
  .strictObject(
    {
      source: list(freeText),
      action: list(freeText),
      offer: list(freeText),
      status: list(z.enum(LEAD_STATUSES, { error: `must be one of ${LEAD_STATUSES.join(', ')}` })),
      stage: list(z.enum(LEAD_STAGES, { error: `must be one of ${LEAD_STAGES.join(', ')}` })),
      owner: z
        .string()
        .trim()
        .min(1, 'must be me, unassigned, anyone or a user id')
        .max(100, 'at most 100 characters')
        .optional(),
      country: list(freeText),
      dnc: z.enum(DNC_FILTERS, { error: `must be one of ${DNC_FILTERS.join(', ')}` }).optional(),
      reached: z.enum(REACHED_STEPS, { error: `must be one of ${REACHED_STEPS.join(', ')}` }).optional(),
      sla: z.enum(SLA_FILTERS, { error: `must be one of ${SLA_FILTERS.join(', ')}` }).optional(),
      q: freeText
        .trim()
        .refine((value) => value === '' || searchTerms(value).length > 0, {
          message: `needs a word of at least ${MIN_SEARCH_LENGTH} characters`,
        })
        .optional(),
      received: z.enum(RECEIVED_PRESETS, { error: `must be one of ${RECEIVED_PRESETS.join(', ')}` }).optional(),
      from: dateParam('start'),
      to: dateParam('end'),
      includeTest: booleanParam,
      sort: sortParam,
      page: pageNumber(MAX_WINDOW),
      pageSize: pageNumber(MAX_PAGE_SIZE),
      cols: list(z.enum(LEAD_COLUMNS, { error: `must be one of ${LEAD_COLUMNS.join(', ')}` })),
      /** Only these leads (the table's selection, for exporting it). */
      ids: z
        .string()
        .transform((value) => value.split(',').filter(Boolean))
        .pipe(
          z
            .array(
              z
                .string()
                .regex(/^\d{1,15}$/, 'must be lead ids')
                .transform(Number),
            )
            .max(1000, 'at most 1000 ids'),
        )
        .optional(),
      /** The page's tab (a rep's queue or the whole list); the list query ignores it. */
      view: z.enum(['queue', 'all'], { error: 'must be queue or all' }).optional(),
      /** One section of the queue, paged (the list query ignores it). */
      section: z.enum(QUEUE_SECTIONS, { error: `must be one of ${QUEUE_SECTIONS.join(', ')}` }).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'is not a known parameter' : undefined) },
  )
  .refine((params) => !params.from || !params.to || params.from <= params.to, {
    message: 'must not be after `to`',
    path: ['from'],
  })
  .refine((params) => !params.received || (!params.from && !params.to), {
    message: 'use either a preset or from/to, not both',
    path: ['received'],
  })
  .refine(
    (params) =>
      (params.page ?? 1) * (params.pageSize ?? DEFAULT_PAGE_SIZE) <=
      MAX_WINDOW + (params.pageSize ?? DEFAULT_PAGE_SIZE) - 1,
    {
      message: `pages reach the first ${MAX_WINDOW.toLocaleString('en')} matches; sort the other way or narrow the filters`,
      path: ['page'],
    },
  );

export type LeadListParams = z.output<typeof leadListParamsSchema>;

export type LeadListQuery = Omit<LeadListParams, 'sort' | 'page' | 'pageSize' | 'includeTest' | 'cols'> & {
  includeTest: boolean;
  sort: { key: LeadSortKey; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
  /** Visible columns in order (the export writes these). */
  cols: readonly LeadColumn[];
};

/**
 * Parses a query string into a list query, or throws a 400 naming every bad parameter. A whole
 * day (`from=2026-12-03`) is that day in `timeZone`: the viewer's on pages, UTC in the API.
 */
export function parseLeadListParams(
  searchParams: URLSearchParams,
  timeZone: string = DEFAULT_TIME_ZONE,
): LeadListQuery {
  const params = parseQuery(leadListParamsSchema, searchParams, 'Some query parameters are invalid.');
  const day = (key: 'from' | 'to') => {
    const value = searchParams.get(key)?.trim() ?? '';
    return DATE_ONLY.test(value) ? value : undefined;
  };
  const days = zonedDayRange(day('from'), day('to'), timeZone);
  return {
    ...params,
    from: days.from ?? params.from,
    // `to` is inclusive here: the last millisecond of that day.
    to: days.to ? new Date(days.to.getTime() - 1) : params.to,
    q: params.q || undefined,
    includeTest: params.includeTest ?? false,
    sort: params.sort ?? { key: 'receivedAt', direction: 'desc' },
    page: params.page ?? 1,
    pageSize: params.pageSize ?? DEFAULT_PAGE_SIZE,
    cols: params.cols?.length ? [...new Set(params.cols)] : DEFAULT_COLUMNS,
  };
}
