// The audit page's URL contract: ?action=&actor=&from=&to=&page=. Each parameter is checked on
// its own; one that does not parse is dropped and named, so a bad link still shows the log.
import { z } from 'zod';
import { parseEachParam, type RawSearchParams } from '@/lib/http/search-params';
import { isAuditAction, type AuditAction, type AuditFilters } from '@/lib/audit/log';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_PATH = '/settings/audit';

export type AuditSearch = { action?: AuditAction; actor?: string; from?: string; to?: string; page: number };
export type AuditParam = keyof AuditSearch;

const DAY_MS = 86_400_000;

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30). */
const daySchema = z.iso.date();

const PARAM_SCHEMAS = {
  action: z.string().refine(isAuditAction),
  actor: z.string().trim().min(1).max(200),
  from: daySchema,
  to: daySchema,
  page: z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number)
    .pipe(z.number().int().min(1)),
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
  if (search.from && search.to && search.from > search.to) {
    delete search.to;
    ignored.push('to');
  }
  return { search, ignored };
}

/** The filters for listAudit: dates are whole UTC days (the log shows UTC), `to` inclusive. */
export function auditFiltersOf(search: AuditSearch): AuditFilters {
  return {
    action: search.action,
    actorId: search.actor,
    from: search.from ? new Date(`${search.from}T00:00:00Z`) : undefined,
    to: search.to ? new Date(new Date(`${search.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
    page: search.page,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

export function hasAuditFilters(search: AuditSearch): boolean {
  return Boolean(search.action || search.actor || search.from || search.to);
}

/** A link to the audit page with these filters; the page is left out when it is the first. */
export function auditHref(search: AuditSearch): string {
  const params = new URLSearchParams();
  if (search.action) params.set('action', search.action);
  if (search.actor) params.set('actor', search.actor);
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  if (search.page > 1) params.set('page', String(search.page));
  const query = params.toString();
  return query ? `${AUDIT_PATH}?${query}` : AUDIT_PATH;
}
