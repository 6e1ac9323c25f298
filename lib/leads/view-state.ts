// The lead table's view state as nuqs parsers (from nuqs/server: plain parsers, usable on the
// server — route handlers, links — and in client components alike): the client reads and writes the URL with these,
// and the server validates the very same keys with parseLeadListParams (search-params.ts, the
// one contract shared with GET /api/leads). The unit test round-trips one through the other.
import {
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs/server';
import { LEAD_STAGES, LEAD_STATUSES } from '@/lib/marketplace/vocabulary';
import { DNC_FILTERS, LEAD_COLUMNS, REACHED_STEPS, RECEIVED_PRESETS } from './list-contract';
import { QUEUE_SECTIONS } from './queue';
import { SLA_FILTERS } from './sla';

const list = parseAsArrayOf(parseAsString, ',');

export const leadViewParsers = {
  q: parseAsString,
  source: list,
  action: list,
  offer: list,
  status: parseAsArrayOf(parseAsStringLiteral(LEAD_STATUSES), ','),
  stage: parseAsArrayOf(parseAsStringLiteral(LEAD_STAGES), ','),
  owner: parseAsString,
  country: list,
  dnc: parseAsStringLiteral(DNC_FILTERS),
  sla: parseAsStringLiteral(SLA_FILTERS),
  reached: parseAsStringLiteral(REACHED_STEPS),
  received: parseAsStringLiteral(RECEIVED_PRESETS),
  from: parseAsString,
  to: parseAsString,
  includeTest: parseAsBoolean,
  sort: parseAsString,
  page: parseAsInteger,
  pageSize: parseAsInteger,
  cols: parseAsArrayOf(parseAsStringLiteral(LEAD_COLUMNS), ','),
  view: parseAsStringLiteral(['queue', 'all'] as const),
  section: parseAsStringLiteral(QUEUE_SECTIONS),
  ids: parseAsArrayOf(parseAsInteger, ','),
};

export type LeadViewState = {
  [Key in keyof typeof leadViewParsers]: ReturnType<(typeof leadViewParsers)[Key]['parse']>;
};

/** The query string of a view state (keys in a stable order; empty values left out). */
export const serializeLeadView = createSerializer(leadViewParsers);

/** Filter keys: changing one of them returns to page 1. */
export const FILTER_KEYS = [
  'q',
  'source',
  'action',
  'offer',
  'status',
  'stage',
  'owner',
  'country',
  'dnc',
  'sla',
  'reached',
  'received',
  'from',
  'to',
  'includeTest',
] as const satisfies readonly (keyof typeof leadViewParsers)[];

/**
 * The filters a phone keeps behind its "Filters" button: everything but the search box and the
 * status chips, which stay on screen. A custom date range counts once, like the preset it replaces.
 */
export const PANEL_FILTER_KEYS = [
  'source',
  'action',
  'offer',
  'stage',
  'reached',
  'owner',
  'country',
  'sla',
  'dnc',
  'received',
  'includeTest',
] as const satisfies readonly (typeof FILTER_KEYS)[number][];

const isSet = (value: unknown) =>
  value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

/** How many of the panel's filters are in use (the number on the "Filters" button). */
export function activePanelFilterCount(state: Partial<LeadViewState>): number {
  return PANEL_FILTER_KEYS.filter((key) =>
    key === 'received' ? isSet(state.received) || isSet(state.from) || isSet(state.to) : isSet(state[key]),
  ).length;
}
