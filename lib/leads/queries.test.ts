import { inArray } from 'drizzle-orm';
import { leads, users } from '@/db/schema';
import type { LeadScope } from '@/lib/auth/permissions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveDelivery } from '@/lib/intake/service';
import { createTempDb } from '@/lib/testing/temp-db';
import {
  getLeadById,
  getLeadCounts,
  getLeadNeighbours,
  getLeads,
  leadListBatches,
  leadListSelect,
  receivedRange,
} from './queries';
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
const list = (query: string) =>
  getLeads(temp.db, { db: temp.db, scope: ALL, viewerId: null }, parseLeadListParams(new URLSearchParams(query)));

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
    expect(
      list('action=StartTestDrive,Create')
        .rows.map((row) => row.lastName)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(list('source=AzurePortal').total).toBe(1);
    expect(list('source=SPZA&action=INS').rows.map((row) => row.lastName)).toEqual(['b']);
  });

  it('filters by stage, status, offer and date', () => {
    expect(list('stage=acquired').total).toBe(2);
    expect(list('status=new').total).toBe(4);
    expect(list('status=won').total).toBe(0);
    expect(list('offer=CONTOSO.SUITE').total).toBe(4);
    expect(list('offer=other.offer').total).toBe(0);
    expect(
      list('from=2026-10-03&to=2026-10-04')
        .rows.map((row) => row.lastName)
        .sort(),
    ).toEqual(['b', 'c']);
  });

  it('searches any substring of name, email, company, title and description (trigram index)', () => {
    expect(list('q=b@x').rows.map((row) => row.lastName)).toEqual(['b']);
    // Query syntax and LIKE wildcards are literal text.
    expect(list('q=100%25_off').total).toBe(4);
    expect(list('q=100__off').total).toBe(0);
    expect(list('q=%22OR%22').total).toBe(0);
    // Every word must match (words under three characters are ignored); case and accents fold.
    expect(list('q=ann%20c@x').rows.map((row) => row.lastName)).toEqual(['c']);
    expect(list('q=%C3%A1nn%20d@x').rows.map((row) => row.lastName)).toEqual(['d']);
    expect(list('q=CONTOSO').total).toBe(4);
  });

  it('keeps the search index in step when a later delivery changes the person', () => {
    deliver(
      'PLT',
      'b@x.example',
      { UserDetails: { FirstName: 'Beatrix', LastName: 'b', Email: 'b@x.example', Company: 'Fabrikam' } },
      6,
    );
    expect(list('q=Beatrix').rows.map((row) => row.lastName)).toEqual(['b']);
    expect(list('q=Fabrikam').total).toBe(1);
  });

  it('sorts by an allowed column with a stable tie-breaker and paginates', () => {
    expect(list('sort=name').rows.map((row) => row.lastName)).toEqual(['a', 'b', 'c', 'd']);
    expect(list('sort=-name&pageSize=3&page=2').rows.map((row) => row.lastName)).toEqual(['a']);
    expect(list('sort=receivedAt&pageSize=2')).toMatchObject({ total: 4, totalCapped: false });
    // A deep page is read through the dashboard's index (past the matches here: empty).
    expect(list('page=6&pageSize=200')).toMatchObject({ rows: [], total: 4 });
  });

  it('counts per status for the filters other than status', () => {
    const page = list('status=won');
    expect(page.total).toBe(0);
    expect(page.statusCounts).toMatchObject({ new: 4, won: 0 });
  });

  it('gives a search its counts per status, its status filter and its pages, in list order', () => {
    temp.db
      .update(leads)
      .set({ status: 'contacted' })
      .where(inArray(leads.emailNormalized, ['b@x.example', 'd@x.example']))
      .run();
    const all = list('q=x.example&sort=name');
    expect(all.rows.map((row) => row.lastName)).toEqual(['a', 'b', 'c', 'd']);
    expect(all).toMatchObject({ total: 4, totalCapped: false, statusCounts: { new: 2, contacted: 2, won: 0 } });
    const contacted = list('q=x.example&sort=-name&status=contacted');
    expect(contacted.rows.map((row) => row.lastName)).toEqual(['d', 'b']);
    expect(contacted).toMatchObject({ total: 2, statusCounts: { new: 2, contacted: 2 } });
    expect(list('q=x.example&sort=name&pageSize=1&page=3').rows.map((row) => row.lastName)).toEqual(['c']);
    expect(list('q=x.example&status=contacted&pageSize=1&page=3')).toMatchObject({ rows: [], total: 2 });
  });

  it('filters by owner, country, do-not-contact, SLA and received presets', () => {
    expect(list('owner=unassigned').total).toBe(4);
    expect(list('owner=me').total).toBe(0);
    expect(list('dnc=only').rows.map((row) => row.lastName)).toEqual(['d']);
    expect(list('dnc=hide').total).toBe(3);
    expect(list('country=US').total).toBe(0);
    // T0 + 30 days: every lead is older than 24 hours and untouched, except the do-not-contact one.
    const later = new Date(T0.getTime() + 30 * 86_400_000);
    const at = (query: string, now: Date) =>
      getLeads(
        temp.db,
        { db: temp.db, scope: ALL, viewerId: null, now },
        parseLeadListParams(new URLSearchParams(query)),
      );
    expect(at('sla=first_touch_overdue', later).total).toBe(3);
    expect(at('sla=first_touch_due', later).total).toBe(0);
    expect(
      at('sla=first_touch_due', new Date(T0.getTime() + 3.5 * 86_400_000)).rows.map((row) => row.lastName),
    ).toEqual(['c']);
    expect(at('received=7d', new Date(T0.getTime() + 6 * 86_400_000)).total).toBe(4);
    expect(at('received=today', new Date(T0.getTime() + 3 * 86_400_000)).rows.map((row) => row.lastName)).toEqual([
      'c',
    ]);
  });

  it('filters by a nurture step reached, newest first, and pages through it', () => {
    const ids = Object.fromEntries(list('includeTest=true').rows.map((row) => [row.lastName, row.id]));
    const stamp = (names: string[], at: Date) =>
      temp.db
        .update(leads)
        .set({ contactedAt: at, wonAt: at })
        .where(
          inArray(
            leads.id,
            names.map((name) => ids[name]!),
          ),
        )
        .run();
    stamp(['a', 'c', 'MSFT_TEST_1'], new Date(T0.getTime() + 10 * 86_400_000));
    expect(list('reached=won').rows.map((row) => row.lastName)).toEqual(['c', 'a']);
    expect(list('reached=won&pageSize=1&page=2').rows.map((row) => row.lastName)).toEqual(['a']);
    expect(list('reached=won&sort=-name').rows.map((row) => row.lastName)).toEqual(['c', 'a']);
    expect(list('reached=won&includeTest=true').rows.map((row) => row.lastName)).toEqual(['MSFT_TEST_1', 'c', 'a']);
    expect(list('reached=contacted&status=new')).toMatchObject({ total: 2, totalCapped: false });
  });

  it('lists due follow-ups newest first from their index, for everyone and for a rep', () => {
    temp.db
      .insert(users)
      .values({ id: 'rep-1', name: 'rep-1', email: 'rep-1@example.test', createdAt: T0, updatedAt: T0 })
      .run();
    const ids = Object.fromEntries(list('includeTest=true').rows.map((row) => [row.lastName, row.id]));
    const now = new Date(T0.getTime() + 20 * 86_400_000);
    const due = (name: string, days: number, set: Partial<typeof leads.$inferInsert> = {}) =>
      temp.db
        .update(leads)
        .set({ nextFollowUpAt: new Date(T0.getTime() + days * 86_400_000), ...set })
        .where(inArray(leads.id, [ids[name]!]))
        .run();
    due('a', 15, { ownerId: 'rep-1', status: 'contacted' });
    due('b', 19);
    due('c', 25); // not due yet
    due('d', 10); // do not contact: never listed as due
    due('MSFT_TEST_1', 12);
    const at = (query: string, scope: LeadScope = ALL) =>
      getLeads(
        temp.db,
        { db: temp.db, scope, viewerId: 'rep-1', now },
        parseLeadListParams(new URLSearchParams(query)),
      );
    expect(at('sla=follow_up_due').rows.map((row) => row.lastName)).toEqual(['b', 'a']);
    expect(at('sla=follow_up_due')).toMatchObject({ total: 2, statusCounts: { new: 1, contacted: 1 } });
    expect(at('sla=follow_up_due&pageSize=1&page=2').rows.map((row) => row.lastName)).toEqual(['a']);
    expect(at('sla=follow_up_due&sort=-receivedAt&status=contacted').rows.map((row) => row.lastName)).toEqual(['a']);
    expect(at('sla=follow_up_due&sort=receivedAt').rows.map((row) => row.lastName)).toEqual(['a', 'b']);
    // Test leads are never due work, asked for or not.
    expect(at('sla=follow_up_due&includeTest=true').rows.map((row) => row.lastName)).toEqual(['b', 'a']);
    expect(at('sla=follow_up_due&owner=me').rows.map((row) => row.lastName)).toEqual(['a']);
    expect(at('sla=follow_up_due&from=2026-10-02').rows.map((row) => row.lastName)).toEqual(['b']);
    expect(
      at('sla=follow_up_due', { kind: 'own_or_unassigned', userId: 'rep-1' }).rows.map((row) => row.lastName),
    ).toEqual(['b', 'a']);
    expect(at('sla=follow_up_overdue').rows.map((row) => row.lastName)).toEqual(['b', 'a']);
  });

  it('walks a list from one lead to its neighbours in the list order', () => {
    const ids = list('sort=name').rows.map((row) => row.id);
    const query = parseLeadListParams(new URLSearchParams('sort=name'));
    const context = { db: temp.db, scope: ALL, viewerId: null };
    expect(getLeadNeighbours(temp.db, context, query, ids[0]!)).toEqual({
      previous: null,
      next: ids[1],
      inList: true,
      index: 1,
    });
    expect(getLeadNeighbours(temp.db, context, query, ids[2]!)).toMatchObject({
      previous: ids[1],
      next: ids[3],
      index: 3,
    });
    expect(getLeadNeighbours(temp.db, context, query, ids[3]!)).toMatchObject({
      previous: ids[2],
      next: null,
      index: 4,
    });
  });

  it('reads a whole list in keyset batches, in order', () => {
    const query = parseLeadListParams(new URLSearchParams('sort=-name&includeTest=true'));
    const batches = [...leadListBatches(temp.db, { db: temp.db, scope: ALL, viewerId: null }, query, 2)];
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
    expect(batches.flat().map((row) => row.lastName)).toEqual(['d', 'c', 'b', 'a', 'MSFT_TEST_1']);
  });
});

describe('list rows', () => {
  it('come out exactly as drizzle maps them: times as dates, flags as booleans, nulls, the owner by join', () => {
    temp.db
      .insert(users)
      .values({ id: 'rep-1', name: 'Rep One', email: 'rep-1@example.test', createdAt: T0, updatedAt: T0 })
      .run();
    const [a, b] = list('sort=name').rows.map((row) => row.id);
    const later = new Date(T0.getTime() + 3_600_000);
    temp.db
      .update(leads)
      .set({
        ownerId: 'rep-1',
        assignedAt: later,
        status: 'contacted',
        firstTouchAt: later,
        lastTouchAt: later,
        touchCount: 2,
        nextFollowUpAt: later,
      })
      .where(inArray(leads.id, [a!]))
      .run();
    temp.db
      .update(leads)
      .set({ doNotContact: true, phone: '+49 30 1234' })
      .where(inArray(leads.id, [b!]))
      .run();
    const context = { db: temp.db, scope: ALL, viewerId: null };
    for (const params of ['sort=name&includeTest=true', 'sort=-receivedAt&includeTest=true']) {
      const query = parseLeadListParams(new URLSearchParams(params));
      const expected = leadListSelect(temp.db, context, query).all();
      expect([...leadListBatches(temp.db, context, query, 2)].flat()).toEqual(expected);
      expect(getLeads(temp.db, context, { ...query, pageSize: 10 }).rows).toEqual(expected);
    }
    const owned = list('sort=name').rows.find((row) => row.id === a)!;
    expect(owned).toMatchObject({ ownerName: 'Rep One', isTest: false, doNotContact: false, touchCount: 2 });
    expect(owned.firstTouchAt).toEqual(later);
    expect(list('sort=name').rows.find((row) => row.id === b)).toMatchObject({
      ownerName: null,
      doNotContact: true,
      firstTouchAt: null,
    });
  });
});

describe("a rep's view", () => {
  it("lists and counts the rep's own leads and the unassigned, per status, and no one else's", () => {
    for (const id of ['rep-1', 'rep-2']) {
      temp.db
        .insert(users)
        .values({ id, name: id, email: `${id}@example.test`, createdAt: T0, updatedAt: T0 })
        .run();
    }
    const [a, b, c] = list('sort=name').rows.map((row) => row.id);
    temp.db
      .update(leads)
      .set({ ownerId: 'rep-1', status: 'contacted' })
      .where(inArray(leads.id, [a!]))
      .run();
    temp.db
      .update(leads)
      .set({ ownerId: 'rep-2', status: 'contacted' })
      .where(inArray(leads.id, [b!, c!]))
      .run();
    const rep = (query: string) =>
      getLeads(
        temp.db,
        { db: temp.db, scope: { kind: 'own_or_unassigned', userId: 'rep-1' }, viewerId: 'rep-1' },
        parseLeadListParams(new URLSearchParams(query)),
      );
    const all = rep('sort=name');
    expect(all.rows.map((row) => row.lastName)).toEqual(['a', 'd']);
    expect(all).toMatchObject({
      total: 2,
      totalCapped: false,
      statusCounts: { new: 1, contacted: 1, won: 0 },
      cappedStatuses: [],
    });
    expect(rep('status=contacted')).toMatchObject({ total: 1, statusCounts: { new: 1, contacted: 1 } });
    // The unassigned Partner Center test lead counts only when test leads are asked for.
    expect(rep('includeTest=true')).toMatchObject({ total: 3, statusCounts: { new: 2, contacted: 1 } });
    expect(
      rep('includeTest=true&status=new')
        .rows.map((row) => row.lastName)
        .sort(),
    ).toEqual(['MSFT_TEST_1', 'd']);
    // A manager sees all three contacted leads.
    expect(list('').statusCounts).toMatchObject({ new: 1, contacted: 3 });
    expect(list('includeTest=true')).toMatchObject({ total: 5, statusCounts: { new: 2, contacted: 3 } });
  });
});

describe('getLeadById and counts', () => {
  it('returns the journey and the counts leave test leads out', () => {
    const lead = getLeadById(temp.db, ALL, list('q=a@x').rows[0]!.id)!;
    expect(lead.events.map((event) => event.action)).toEqual(['PLT', 'StartTestDrive']);
    expect(getLeadById(temp.db, ALL, 9999)).toBeNull();
    expect(getLeadCounts(temp.db, ALL, new Date(T0.getTime() + 6 * 86_400_000))).toEqual({
      total: 4,
      lastWeek: 4,
      doNotContact: 1,
    });
  });
});
const ALL: LeadScope = { kind: 'all' };

describe('received presets in the viewer’s zone', () => {
  it('count days from the start of the viewer’s today', () => {
    // 20:30 UTC on 3 Dec is 4 Dec in Tokyo: "today" starts at 15:00 UTC on the 3rd.
    const now = new Date('2026-12-03T20:30:00Z');
    expect(receivedRange('today', now, 'Asia/Tokyo').from.toISOString()).toBe('2026-12-03T15:00:00.000Z');
    expect(receivedRange('today', now, 'UTC').from.toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(receivedRange('7d', now, 'America/Los_Angeles').from.toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(receivedRange('quarter', now, 'Europe/Budapest').from.toISOString()).toBe('2026-09-30T22:00:00.000Z');
  });
});
