import { describe, expect, it } from 'vitest';
import { auditFiltersOf, auditHref, parseAuditSearch } from './search-params';

describe('audit log search params', () => {
  it('keeps valid filters and round-trips them into a link', () => {
    const { search, ignored } = parseAuditSearch({
      action: 'auth.sign_in',
      from: '2026-11-01',
      to: '2026-11-02',
      page: '2',
    });
    expect(ignored).toEqual([]);
    expect(auditHref(search)).toBe('/settings/audit?action=auth.sign_in&from=2026-11-01&to=2026-11-02&page=2');
    const filters = auditFiltersOf(search, 'UTC');
    expect(filters.to?.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    // Whole days in the viewer's zone: 1 Nov 2026 in Los Angeles starts at 07:00 UTC (PDT), and
    // 2 Nov ends at 08:00 UTC (PST: the clocks went back on 1 Nov).
    const inLosAngeles = auditFiltersOf(search, 'America/Los_Angeles');
    expect(inLosAngeles.from?.toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(inLosAngeles.to?.toISOString()).toBe('2026-11-03T08:00:00.000Z');
  });

  it('drops bad, unknown, repeated and inverted values and says which', () => {
    const { search, ignored } = parseAuditSearch(
      { action: 'drop.tables', actor: 'ghost', from: '2026-11-05', to: '2026-11-01', page: ['1', '2'] },
      new Set(['u1']),
    );
    expect(search).toEqual({ page: 1, from: '2026-11-05' });
    expect(ignored.sort()).toEqual(['action', 'actor', 'page', 'to']);
  });
});
