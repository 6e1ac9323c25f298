import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadEvents, leads } from '@/db/schema';
import { receiveDelivery } from '@/lib/intake/service';
import { createTempDb } from '@/lib/testing/temp-db';
import { getLeads } from './queries';
import { parseLeadListParams } from './search-params';
import {
  catchUpSearchIndex,
  indexSearchBacklog,
  indexSearchBacklogWhenDue,
  SEARCH_BATCH,
  searchBacklog,
} from './search-index';

let temp: ReturnType<typeof createTempDb>;
beforeEach(() => (temp = createTempDb()));
afterEach(() => temp.cleanup());

function deliver(firstName: string, email: string) {
  return receiveDelivery(temp.db, {
    rawBody: Buffer.from(
      JSON.stringify({
        UserDetails: { FirstName: firstName, LastName: 'Lind', Email: email },
        LeadSource: 'SPZA-PLT|contoso.suite',
      }),
    ),
    contentType: null,
    receivedAt: new Date('2026-11-01T10:00:00Z'),
    intakeKeyId: null,
  });
}
function deleteLead(id: number) {
  temp.db.delete(leadEvents).where(eq(leadEvents.leadId, id)).run();
  temp.db.delete(leads).where(eq(leads.id, id)).run();
}
/** What the index itself holds for a word, without catching up first. */
const indexed = (word: string) =>
  (
    temp.db.$client
      .prepare('select rowid from leads_search where leads_search match ? order by rowid')
      .all(`"${word}"`) as { rowid: number }[]
  ).map((row) => row.rowid);
const search = (q: string) =>
  getLeads(
    temp.db,
    { db: temp.db, scope: { kind: 'all' }, viewerId: null },
    parseLeadListParams(new URLSearchParams({ q })),
  ).rows.map((row) => row.id);

describe('the search backlog', () => {
  it('queues a new lead, and a search indexes the queue before it reads', () => {
    const { leadId } = deliver('Margareta', 'm.l@contoso.example');
    expect(searchBacklog(temp.db.$client)).toBe(1);
    expect(indexed('Margareta')).toEqual([]);
    expect(search('margareta')).toEqual([leadId]);
    expect(searchBacklog(temp.db.$client)).toBe(0);
    expect(indexed('Margareta')).toEqual([leadId]);
    // Nothing waits: a second search does no indexing.
    expect(catchUpSearchIndex(temp.db.$client)).toBe(0);
  });

  it('indexes a queued lead with its text as it is when the queue is read', () => {
    const { leadId } = deliver('Margareta', 'm.l@contoso.example');
    temp.db.update(leads).set({ firstName: 'Ingrid' }).where(eq(leads.id, leadId)).run();
    expect(indexSearchBacklog(temp.db.$client)).toBe(1);
    expect(indexed('Margareta')).toEqual([]);
    expect(indexed('Ingrid')).toEqual([leadId]);
  });

  it('keeps an indexed lead in step when it is edited or deleted', () => {
    const { leadId } = deliver('Margareta', 'm.l@contoso.example');
    indexSearchBacklog(temp.db.$client);
    temp.db.update(leads).set({ firstName: 'Ingrid' }).where(eq(leads.id, leadId)).run();
    expect(searchBacklog(temp.db.$client)).toBe(0);
    expect(indexed('Margareta')).toEqual([]);
    expect(indexed('Ingrid')).toEqual([leadId]);
    deleteLead(leadId);
    expect(indexed('Ingrid')).toEqual([]);
  });

  it('drops a deleted lead from the queue', () => {
    const { leadId } = deliver('Margareta', 'm.l@contoso.example');
    deleteLead(leadId);
    expect(searchBacklog(temp.db.$client)).toBe(0);
    expect(search('margareta')).toEqual([]);
  });

  it('is indexed by the writer only once a batch has gathered', () => {
    for (let i = 0; i < SEARCH_BATCH - 1; i++) deliver('Margareta', `m${i}@contoso.example`);
    expect(indexSearchBacklogWhenDue(temp.db.$client)).toBe(0);
    deliver('Margareta', 'last@contoso.example');
    expect(indexSearchBacklogWhenDue(temp.db.$client)).toBe(SEARCH_BATCH);
    expect(indexed('Margareta')).toHaveLength(SEARCH_BATCH);
  });
});
