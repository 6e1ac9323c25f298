import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leads, users, type Lead } from '@/db/schema';
import { receiveDelivery } from '@/lib/intake/service';
import { createTempDb } from '@/lib/testing/temp-db';
import { getLeadListWalk } from './lead-list';
import { getLeads, listContext } from './queries';
import { QUEUE_PAGE_SIZE, QUEUE_PREVIEW_SIZE, QUEUE_SECTIONS } from './queue';
import { getQueue, getQueueNeighbours } from './queue-queries';
import { parseLeadListParams } from './search-params';

let temp: ReturnType<typeof createTempDb>;
const NOW = new Date('2026-10-10T15:00:00Z');
const HOUR = 3_600_000;
const REP = { kind: 'user', id: 'rep-1', role: 'rep', name: 'Rep One', email: 'rep-1@example.test' } as const;

/** A lead received `hoursAgo` before NOW, then set up as the test needs. */
function lead(name: string, hoursAgo: number, set: Partial<Lead> = {}, action = 'INS'): number {
  const email = name.startsWith('MSFT_TEST') ? `${name}@test.com` : `${name}@x.example`;
  const body = {
    UserDetails: { FirstName: 'Ann', LastName: name, Email: email },
    LeadSource: `SPZA-${action}|contoso.suite`,
  };
  const result = receiveDelivery(temp.db, {
    rawBody: Buffer.from(JSON.stringify(body)),
    contentType: null,
    receivedAt: new Date(NOW.getTime() - hoursAgo * HOUR),
    intakeKeyId: null,
  });
  if (!('leadId' in result) || typeof result.leadId !== 'number') throw new Error('not stored');
  if (Object.keys(set).length) temp.db.update(leads).set(set).where(eq(leads.id, result.leadId)).run();
  return result.leadId;
}

const names = (ids: number[]) =>
  temp.db
    .select({ id: leads.id, name: leads.lastName })
    .from(leads)
    .where(inArray(leads.id, ids))
    .all()
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    .map((row) => row.name);

const sectionNames = (key: (typeof QUEUE_SECTIONS)[number], page = 1) =>
  getQueue(temp.db, 'rep-1', { now: NOW, only: { section: key, page } })[0]!.rows.map((row) => row.lastName);

beforeEach(() => {
  temp = createTempDb();
  for (const id of ['rep-1', 'rep-2']) {
    temp.db
      .insert(users)
      .values({ id, name: id, email: `${id}@example.test`, createdAt: NOW, updatedAt: NOW })
      .run();
  }
});
afterEach(() => temp.cleanup());

describe('getQueue', () => {
  beforeEach(() => {
    const touched = { firstTouchAt: new Date(NOW.getTime() - 48 * HOUR), status: 'contacted' as const };
    // Inside the 24-hour window: mine and unassigned, untouched.
    lead('w-4h-left', 20);
    lead('w-22h-left-mine', 2, { ownerId: 'rep-1' });
    lead('w-1h-left', 23);
    lead('w-someone-elses', 5, { ownerId: 'rep-2' });
    lead('w-dnc', 3, {}, 'DNC');
    lead('MSFT_TEST_w', 3);
    lead('w-touched', 4, { ...touched, firstTouchAt: new Date(NOW.getTime() - HOUR) });
    // Past the window.
    lead('o-mine-3d', 72, { ownerId: 'rep-1' });
    lead('o-mine-30d', 720, { ownerId: 'rep-1' });
    lead('o-mine-25h', 25, { ownerId: 'rep-1', status: 'nurturing' });
    lead('o-unclaimed-2d', 48);
    lead('o-unclaimed-365d', 365 * 24);
    lead('o-unclaimed-lost', 120, { status: 'lost' });
    lead('o-unclaimed-dnc', 50, {}, 'DNC');
    // Follow-ups (touched leads).
    lead('f-overdue', 200, { ...touched, ownerId: 'rep-1', nextFollowUpAt: new Date(NOW.getTime() - HOUR) });
    lead('f-tonight', 200, { ...touched, ownerId: 'rep-1', nextFollowUpAt: new Date('2026-10-10T22:00:00Z') });
    lead('f-yesterday', 200, { ...touched, ownerId: 'rep-1', nextFollowUpAt: new Date(NOW.getTime() - 24 * HOUR) });
    lead('f-tomorrow', 200, { ...touched, ownerId: 'rep-1', nextFollowUpAt: new Date('2026-10-11T09:00:00Z') });
    lead('f-someone-elses', 200, { ...touched, ownerId: 'rep-2', nextFollowUpAt: NOW });
    lead('f-won', 200, { ...touched, status: 'won', ownerId: 'rep-1', nextFollowUpAt: NOW });
    // Untouched with a follow-up: it is in a first-touch section, once.
    lead('f-untouched', 100, { ownerId: 'rep-1', nextFollowUpAt: NOW });
  });

  it('lists the sections in order: inside the window least time left first, overdue most recent first, follow-ups earliest first', () => {
    const queue = getQueue(temp.db, 'rep-1', { now: NOW });
    expect(queue.map((section) => section.key)).toEqual([...QUEUE_SECTIONS]);
    const byKey = Object.fromEntries(queue.map((section) => [section.key, section.rows.map((row) => row.lastName)]));
    expect(byKey).toEqual({
      first_touch_due: ['w-1h-left', 'w-4h-left', 'w-22h-left-mine'],
      first_touch_overdue: ['o-mine-25h', 'o-mine-3d', 'f-untouched', 'o-mine-30d'],
      unclaimed_overdue: ['o-unclaimed-2d', 'o-unclaimed-365d'],
      follow_up_due: ['f-yesterday', 'f-overdue', 'f-tonight'],
    });
    expect(queue.map((section) => section.total)).toEqual([3, 4, 2, 3]);
  });

  it('moves a lead out of the window once its 24 hours have passed', () => {
    const later = new Date(NOW.getTime() + 2 * HOUR);
    const queue = getQueue(temp.db, 'rep-1', { now: later });
    expect(queue[0]!.rows.map((row) => row.lastName)).toEqual(['w-4h-left', 'w-22h-left-mine']);
    expect(queue[2]!.rows.map((row) => row.lastName)).toEqual(['w-1h-left', 'o-unclaimed-2d', 'o-unclaimed-365d']);
  });

  it("is each person's own: another rep sees their own leads and the same unassigned ones", () => {
    const queue = getQueue(temp.db, 'rep-2', { now: NOW });
    expect(queue[0]!.rows.map((row) => row.lastName)).toEqual(['w-1h-left', 'w-4h-left', 'w-someone-elses']);
    expect(queue[1]!.total).toBe(0);
    expect(queue[2]!.total).toBe(2);
    expect(queue[3]!.rows.map((row) => row.lastName)).toEqual(['f-someone-elses']);
  });
});

describe('a long section', () => {
  let ids: number[];
  beforeEach(() => {
    // 60 unclaimed overdue leads, one an hour, the most recently overdue first.
    ids = Array.from({ length: 60 }, (_, index) => lead(`u${String(index).padStart(2, '0')}`, 25 + index));
  });

  it('shows the first rows with an exact count, and pages through all of them', () => {
    const overview = getQueue(temp.db, 'rep-1', { now: NOW })[2]!;
    expect(overview).toMatchObject({ key: 'unclaimed_overdue', total: 60, page: 1, pageSize: QUEUE_PREVIEW_SIZE });
    expect(overview.rows.map((row) => row.id)).toEqual(ids.slice(0, QUEUE_PREVIEW_SIZE));
    expect(getQueue(temp.db, 'rep-1', { now: NOW, only: { section: 'unclaimed_overdue', page: 1 } })).toHaveLength(1);
    expect(sectionNames('unclaimed_overdue', 1)).toEqual(names(ids.slice(0, QUEUE_PAGE_SIZE)));
    expect(sectionNames('unclaimed_overdue', 2)).toEqual(names(ids.slice(QUEUE_PAGE_SIZE)));
    expect(sectionNames('unclaimed_overdue', 3)).toEqual([]);
  });

  it('walks the section in its order across the overview and page boundaries, with the place in it', () => {
    const at = (index: number) => getQueueNeighbours(temp.db, 'rep-1', 'unclaimed_overdue', ids[index]!, NOW);
    expect(at(0)).toEqual({ previous: null, next: ids[1], inList: true, index: 1, total: 60 });
    expect(at(QUEUE_PREVIEW_SIZE - 1)).toMatchObject({
      previous: ids[QUEUE_PREVIEW_SIZE - 2],
      next: ids[QUEUE_PREVIEW_SIZE],
      index: QUEUE_PREVIEW_SIZE,
    });
    expect(at(QUEUE_PAGE_SIZE - 1)).toMatchObject({ next: ids[QUEUE_PAGE_SIZE], index: QUEUE_PAGE_SIZE });
    expect(at(59)).toMatchObject({ previous: ids[58], next: null, index: 60 });

    // The lead page's view of it: previous/next carry the section, "Back to list" finds the page.
    const walk = (index: number) =>
      getLeadListWalk(temp.db, REP, new URLSearchParams('queue=unclaimed_overdue'), ids[index]!, { now: NOW })!;
    expect(walk(3)).toMatchObject({ carry: 'queue=unclaimed_overdue', backHref: '/leads?view=queue', index: 4 });
    expect(walk(30).backHref).toBe('/leads?section=unclaimed_overdue');
    expect(walk(55).backHref).toBe('/leads?section=unclaimed_overdue&page=2');
  });

  it('keeps the neighbours of a claimed lead, which has left the section', () => {
    temp.db.update(leads).set({ ownerId: 'rep-1' }).where(eq(leads.id, ids[10]!)).run();
    expect(getQueueNeighbours(temp.db, 'rep-1', 'unclaimed_overdue', ids[10]!, NOW)).toEqual({
      previous: ids[9],
      next: ids[11],
      inList: false,
      index: null,
      total: 59,
    });
    // …and it is now at the top of the rep's own overdue first touches.
    expect(getQueue(temp.db, 'rep-1', { now: NOW })[1]!.rows.map((row) => row.id)).toEqual([ids[10]]);
  });

  it('refuses a list reference it does not know', () => {
    const walk = (query: string) => getLeadListWalk(temp.db, REP, new URLSearchParams(query), ids[0]!, { now: NOW });
    expect(walk('queue=everything')).toBeNull();
    expect(walk('queue=unclaimed_overdue&status=new')).toBeNull();
    expect(walk('status=nope')).toBeNull();
  });
});

describe('walking a filtered list', () => {
  it('steps across page boundaries in the list order, and links back to the page holding the lead', () => {
    const ids = Array.from({ length: 7 }, (_, index) => lead(`n${index}`, 25 + index));
    lead('not-new', 30, { status: 'contacted', ownerId: 'rep-1', firstTouchAt: NOW });
    const query = 'status=new&sort=-name&pageSize=2';
    const context = listContext(temp.db, REP, NOW);
    const order = [1, 2, 3, 4].flatMap((page) =>
      getLeads(temp.db, context, parseLeadListParams(new URLSearchParams(`${query}&page=${page}`))).rows.map(
        (row) => row.id,
      ),
    );
    expect(order).toEqual([...ids].reverse());
    const walk = (id: number) => getLeadListWalk(temp.db, REP, new URLSearchParams(query), id, { now: NOW })!;
    // The second lead of page 1: its next is the first of page 2.
    expect(walk(order[1]!)).toMatchObject({
      previous: order[0],
      next: order[2],
      index: 2,
      total: null,
      carry: query,
      backHref: `/leads?${query}`,
    });
    expect(walk(order[2]!)).toMatchObject({ previous: order[1], next: order[3], index: 3 });
    expect(walk(order[2]!).backHref).toBe(`/leads?${query}&page=2`);
    expect(walk(order[6]!)).toMatchObject({ next: null, index: 7, backHref: `/leads?${query}&page=4` });
    // A page in the link is not part of the list's reference: the walk finds the lead's own page.
    expect(
      getLeadListWalk(temp.db, REP, new URLSearchParams(`${query}&page=3`), order[0]!, { now: NOW }),
    ).toMatchObject({
      carry: query,
      backHref: `/leads?${query}`,
    });
  });
});
