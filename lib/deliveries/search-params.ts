// The delivery log's URL contract: ?outcome=&offer=&from=&to=&page=. A parameter that does not
// parse is dropped and named, so a bad link still shows the log.
import { z } from 'zod';
import {
  dayParam,
  dropReversedRange,
  logHref,
  pageParam,
  parseEachParam,
  type RawSearchParams,
} from '@/lib/http/search-params';
import { zonedDayRange } from '@/lib/time/zone';
import type { DeliveryFilters } from './queries';
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from './vocabulary';

export const DELIVERY_PAGE_SIZE = 50;
export const DELIVERIES_PATH = '/settings/deliveries';

export type DeliverySearch = { outcome?: DeliveryOutcome; offer?: string; from?: string; to?: string; page: number };
export type DeliveryParam = keyof DeliverySearch;

const PARAM_SCHEMAS = {
  outcome: z.enum(DELIVERY_OUTCOMES),
  offer: z.string().trim().min(1).max(200),
  from: dayParam(),
  to: dayParam(),
  page: pageParam(),
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
  dropReversedRange(search, ignored);
  return { search, ignored };
}

/** Dates are whole days in the viewer's zone (the log shows times in it), `to` inclusive. */
export function deliveryFiltersOf(search: DeliverySearch, timeZone: string): DeliveryFilters {
  return {
    outcome: search.outcome,
    offer: search.offer,
    ...zonedDayRange(search.from, search.to, timeZone),
    page: search.page,
    pageSize: DELIVERY_PAGE_SIZE,
  };
}

export function hasDeliveryFilters(search: DeliverySearch): boolean {
  return Boolean(search.outcome || search.offer || search.from || search.to);
}

export function deliveriesHref(search: DeliverySearch): string {
  const { outcome, offer, from, to, page } = search;
  return logHref(DELIVERIES_PATH, { outcome, offer, from, to, page });
}
