// The delivery log's URL contract: ?outcome=&offer=&from=&to=&page=. A parameter that does not
// parse is dropped and named, so a bad link still shows the log.
import { z } from 'zod';
import { parseEachParam, type RawSearchParams } from '@/lib/http/search-params';
import type { DeliveryFilters } from './queries';
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from './vocabulary';

export const DELIVERY_PAGE_SIZE = 50;
export const DELIVERIES_PATH = '/settings/deliveries';

export type DeliverySearch = { outcome?: DeliveryOutcome; offer?: string; from?: string; to?: string; page: number };
export type DeliveryParam = keyof DeliverySearch;

const DAY_MS = 86_400_000;
const daySchema = z.iso.date();

const PARAM_SCHEMAS = {
  outcome: z.enum(DELIVERY_OUTCOMES),
  offer: z.string().trim().min(1).max(200),
  from: daySchema,
  to: daySchema,
  page: z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number)
    .pipe(z.number().int().min(1)),
} satisfies Record<DeliveryParam, z.ZodType>;

export const DELIVERY_PARAM_LABELS: Record<DeliveryParam, string> = {
  outcome: 'outcome',
  offer: 'offer',
  from: 'from date',
  to: 'to date',
  page: 'page number',
};

export function parseDeliverySearch(raw: RawSearchParams): { search: DeliverySearch; ignored: DeliveryParam[] } {
  const { values, ignored } = parseEachParam(raw, PARAM_SCHEMAS);
  const search: DeliverySearch = { page: 1, ...values };
  if (search.from && search.to && search.from > search.to) {
    delete search.to;
    ignored.push('to');
  }
  return { search, ignored };
}

/** Dates are whole UTC days (the log shows UTC), `to` inclusive. */
export function deliveryFiltersOf(search: DeliverySearch): DeliveryFilters {
  return {
    outcome: search.outcome,
    offer: search.offer,
    from: search.from ? new Date(`${search.from}T00:00:00Z`) : undefined,
    to: search.to ? new Date(new Date(`${search.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
    page: search.page,
    pageSize: DELIVERY_PAGE_SIZE,
  };
}

export function hasDeliveryFilters(search: DeliverySearch): boolean {
  return Boolean(search.outcome || search.offer || search.from || search.to);
}

export function deliveriesHref(search: DeliverySearch): string {
  const params = new URLSearchParams();
  if (search.outcome) params.set('outcome', search.outcome);
  if (search.offer) params.set('offer', search.offer);
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  if (search.page > 1) params.set('page', String(search.page));
  const query = params.toString();
  return query ? `${DELIVERIES_PATH}?${query}` : DELIVERIES_PATH;
}
