// The audit page's URL contract: ?action=&actor=&from=&to=&page=. Each parameter is checked on
// its own; one that does not parse is dropped and named, so a bad link still shows the log.
import { z } from 'zod';
import {
  dayParam,
  dropReversedRange,
  logHref,
  pageParam,
  parseEachParam,
  type RawSearchParams,
} from '@/lib/http/search-params';
import { isAuditAction, type AuditAction, type AuditFilters } from '@/lib/audit/log';
import { zonedDayRange } from '@/lib/time/zone';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_PATH = '/settings/audit';

export type AuditSearch = { action?: AuditAction; actor?: string; from?: string; to?: string; page: number };
export type AuditParam = keyof AuditSearch;

const PARAM_SCHEMAS = {
  action: z.string().refine(isAuditAction),
  actor: z.string().trim().min(1).max(200),
  from: dayParam(),
  to: dayParam(),
  page: pageParam(),
} satisfies Record<AuditParam, z.ZodType>;

export const AUDIT_PARAM_LABELS: Record<AuditParam, string> = {
  action: 'action',
  actor: 'person or key',
  from: 'from date',
  to: 'to date',
  page: 'page number',
};

/**
 * Parses the search params. `knownActors` limits the actor to ids the filter can offer, so a
 * stale link does not silently show an empty log.
 */
export function parseAuditSearch(
  raw: RawSearchParams,
  knownActors?: ReadonlySet<string>,
): { search: AuditSearch; ignored: AuditParam[] } {
  const { values, ignored } = parseEachParam(raw, PARAM_SCHEMAS);
  const search: AuditSearch = { page: 1, ...values };
  if (search.actor && knownActors && !knownActors.has(search.actor)) {
    delete search.actor;
    ignored.push('actor');
  }
  dropReversedRange(search, ignored);
  return { search, ignored };
}

/** The filters for listAudit: dates are whole days in the viewer's zone (the log shows times in it), `to` inclusive. */
export function auditFiltersOf(search: AuditSearch, timeZone: string): AuditFilters {
  return {
    action: search.action,
    actorId: search.actor,
    ...zonedDayRange(search.from, search.to, timeZone),
    page: search.page,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

export function hasAuditFilters(search: AuditSearch): boolean {
  return Boolean(search.action || search.actor || search.from || search.to);
}

/** A link to the audit page with these filters; the page is left out when it is the first. */
export function auditHref(search: AuditSearch): string {
  const { action, actor, from, to, page } = search;
  return logHref(AUDIT_PATH, { action, actor, from, to, page });
}
