import type { LeadScope } from '@/lib/auth/permissions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveDelivery } from '@/lib/intake/service';
import { createTempDb } from '@/lib/testing/temp-db';
import { getLeadById, getLeadCounts, getLeads } from './queries';
import { parseLeadListParams } from './search-params';

let temp: ReturnType<typeof createTempDb>;
const T0 = new Date('2026-10-01T12:00:00Z');

function deliver(action: string, email: string, extra: Record<string, unknown> = {}, days = 0) {
  const body = {
    UserDetails: { FirstName: 'Ann', LastName: email.split('@')[0], Email: email, Company: 'Contoso 100%_off' },
    LeadSource: `${action === 'Create' ? 'AzurePortal' : 'SPZA'}-${action}|contoso.suite`,
    ...extra,
  };
  return receiveDelivery(temp.db, {
    rawBody: Buffer.from(JSON.stringify(body)),
    contentType: null,
    receivedAt: new Date(T0.getTime() + days * 86_400_000),
    intakeKeyId: null,
  });
}
const list = (query: string) => getLeads(temp.db, ALL, parseLeadListParams(new URLSearchParams(query)));

beforeEach(() => {
  temp = createTempDb();
  deliver('PLT', 'a@x.example', {}, 0);
  deliver('StartTestDrive', 'a@x.example', {}, 1);
  deliver('INS', 'b@x.example', {}, 2);
  deliver('Create', 'c@x.example', {}, 3);
  deliver('DNC', 'd@x.example', {}, 4);
  deliver('INS', 'MSFT_TEST_1@test.com', {}, 5);
});
afterEach(() => temp.cleanup());

describe('getLeads', () => {
  it('hides test leads unless asked', () => {
    expect(list('').total).toBe(4);
    expect(list('includeTest=true').total).toBe(5);
  });

  it('matches an action or source anywhere in the journey', () => {
    expect(list('action=PLT').rows.map((row) => row.lastName)).toEqual(['a']);
    expect(list('action=StartTestDrive,Create').rows.map((row) => row.lastName).sort()).toEqual(['a', 'c']);
    expect(list('source=AzurePortal').total).toBe(1);
    expect(list('source=SPZA&action=INS').rows.map((row) => row.lastName)).toEqual(['b']);
  });

  it('filters by stage, status, offer and date', () => {
    expect(list('stage=acquired').total).toBe(2);
    expect(list('status=new').total).toBe(4);
    expect(list('status=won').total).toBe(0);
    expect(list('offer=CONTOSO.SUITE').total).toBe(4);
    expect(list('offer=other.offer').total).toBe(0);
    expect(list('from=2026-10-03&to=2026-10-04').rows.map((row) => row.lastName).sort()).toEqual(['b', 'c']);
  });

  it('searches name, email and company, with LIKE wildcards taken literally', () => {
    expect(list('q=b@x').rows.map((row) => row.lastName)).toEqual(['b']);
    expect(list('q=100%25_off').total).toBe(4);
    expect(list('q=100__off').total).toBe(0);
    expect(list('q=Ann%20c').rows.map((row) => row.lastName)).toEqual(['c']);
  });

  it('sorts by an allowed column with a stable tie-breaker and paginates', () => {
    expect(list('sort=lastName').rows.map((row) => row.lastName)).toEqual(['a', 'b', 'c', 'd']);
    expect(list('sort=-lastName&pageSize=3&page=2').rows.map((row) => row.lastName)).toEqual(['a']);
    expect(list('sort=receivedAt&pageSize=2')).toMatchObject({ total: 4 });
  });
});

describe('getLeadById and counts', () => {
  it('returns the journey and the counts leave test leads out', () => {
    const lead = getLeadById(temp.db, ALL, list('q=a@x').rows[0]!.id)!;
    expect(lead.events.map((event) => event.action)).toEqual(['PLT', 'StartTestDrive']);
    expect(getLeadById(temp.db, ALL, 9999)).toBeNull();
    expect(getLeadCounts(temp.db, ALL, new Date(T0.getTime() + 6 * 86_400_000))).toEqual({ total: 4, lastWeek: 4, doNotContact: 1 });
  });
});
const ALL: LeadScope = { kind: 'all' };
