import { eq, sql } from 'drizzle-orm';
import { catchUpSearchIndex, indexSearchBacklog } from '@/lib/leads/search-index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  intakeDeliveries,
  leadDailyStats,
  leadEvents,
  leadNotes,
  leads,
  leadStatusChanges,
  leadTouches,
} from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import { takeDelivery } from '@/lib/deliveries/service';
import { receiveDelivery } from '@/lib/intake/service';
import { runRetention } from '@/lib/ops/retention';
import { getRetention, setRetention } from '@/lib/settings/service';
import { createTempDb } from '@/lib/testing/temp-db';
import { ERASED_NOTE, ERASED_PAYLOAD, eraseLeads, findPersonLeads, purgeTestLeads } from './service';

let temp: ReturnType<typeof createTempDb>;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

const ADMIN = { type: 'user' as const, id: 'admin-1', label: 'admin@example.test' };
const T0 = new Date('2026-11-01T10:00:00Z');
const DAY = 86_400_000;

function deliver(body: Record<string, unknown>, receivedAt = T0) {
  return receiveDelivery(temp.db, {
    rawBody: Buffer.from(JSON.stringify(body)),
    contentType: 'application/json',
    receivedAt,
    intakeKeyId: null,
  });
}

const person = (email: string, offer: string, action = 'PLT') => ({
  UserDetails: {
    FirstName: 'Éva',
    LastName: 'Kovács',
    Email: email,
    Phone: '+36 1 234 5678',
    Company: 'Contoso',
    Title: 'CTO',
    Country: 'HU',
  },
  LeadSource: `SPZA-${action}|contoso.${offer}`,
  ActionCode: action,
  OfferTitle: offer,
  Description: 'Call me on +36 1 234 5678',
});

const testLead = (n: number) => ({
  UserDetails: { FirstName: `MSFT_TEST_${n}`, LastName: `MSFT_TEST_${n}`, Email: `MSFT_TEST_${n}@test.com` },
  LeadSource: `MSFT_TEST_${n}-MSFT_TEST_${n}|Offer`,
  ActionCode: 'PLT',
  OfferTitle: 'Offer',
});

const rollup = () => temp.db.select().from(leadDailyStats).where(eq(leadDailyStats.dim, 'all')).all();

describe('eraseLeads', () => {
  it('anonymises every lead of the person and keeps counts and funnels', async () => {
    const a = deliver(person('Eva@Contoso.example', 'crm'));
    const b = deliver(person('eva@contoso.example', 'sales'), new Date(T0.getTime() + 1000));
    deliver(person('eva@contoso.example', 'crm', 'INS'), new Date(T0.getTime() + 2000));
    const other = deliver(person('someone@else.example', 'crm'));
    temp.db
      .insert(leadNotes)
      .values({ leadId: a.leadId, body: 'Éva prefers mornings', authorLabel: 'Rep', createdAt: T0 })
      .run();
    temp.db
      .insert(leadTouches)
      .values({ leadId: a.leadId, kind: 'call', note: 'Rang Éva', authorLabel: 'Rep', touchedAt: T0 })
      .run();
    // A rejected delivery that names her, and one that does not.
    const rejected = (email: string) =>
      takeDelivery(temp.db, {
        receivedAt: T0,
        requestId: null,
        presentedKey: null,
        contentType: 'application/json',
        body: { bytes: Buffer.from(JSON.stringify(person(email, 'crm'))), size: 1, complete: true, refusal: null },
      });
    await rejected('EVA@contoso.example');
    await rejected('nobody@else.example');
    const before = rollup();

    const found = findPersonLeads(temp.db, '  EVA@contoso.EXAMPLE ');
    expect(found.map((lead) => lead.id)).toEqual([a.leadId, b.leadId]);
    // Indexed for search first, so the erasure has entries to take out of the index.
    expect(indexSearchBacklog(temp.db.$client)).toBe(3);
    // A planned follow-up goes with the person: there is nobody left to follow up with.
    temp.db
      .update(leads)
      .set({ nextFollowUpAt: new Date(T0.getTime() + 86_400_000) })
      .where(eq(leads.id, a.leadId))
      .run();
    const counts = eraseLeads(
      temp.db,
      ADMIN,
      found.map((lead) => lead.id),
      T0,
    );
    expect(counts).toEqual({ leads: 2, events: 3, notes: 1, touches: 1, deliveries: 1 });

    const erased = temp.db.select().from(leads).where(eq(leads.id, a.leadId)).get()!;
    expect(erased).toMatchObject({
      email: null,
      emailNormalized: null,
      mergeKey: null,
      firstName: null,
      lastName: null,
      phone: null,
      company: null,
      title: null,
      description: null,
      country: 'HU',
      offerTitle: 'crm',
      erasedAt: T0,
      nextFollowUpAt: null,
      eventCount: 2,
    });
    const events = temp.db.select().from(leadEvents).where(eq(leadEvents.leadId, a.leadId)).all();
    for (const event of events) {
      expect(event.rawBody.equals(ERASED_PAYLOAD)).toBe(true);
      expect(event).toMatchObject({ email: null, firstName: null, phone: null, description: null });
    }
    expect(temp.db.select().from(leadNotes).get()?.body).toBe(ERASED_NOTE);
    expect(temp.db.select().from(leadTouches).get()?.note).toBeNull();
    const bodies = temp.db.select({ body: intakeDeliveries.body }).from(intakeDeliveries).all();
    expect(bodies.filter((row) => row.body === null)).toHaveLength(1);
    expect(bodies.some((row) => row.body?.toString().includes('nobody@else.example'))).toBe(true);

    // Nothing of her is left in any table that holds lead data.
    for (const table of ['leads', 'lead_events', 'lead_notes', 'lead_touches', 'intake_deliveries']) {
      const rows = temp.db.$client.prepare(`select * from ${table}`).all() as Record<string, unknown>[];
      const text = rows
        .map((row) =>
          Object.values(row)
            .map((value) => (Buffer.isBuffer(value) ? value.toString('utf8') : String(value)))
            .join(' '),
        )
        .join('\n');
      expect(text.toLowerCase(), table).not.toContain('eva@contoso');
    }
    expect(catchUpSearchIndex(temp.db.$client)).toBe(0);
    const search = temp.db.$client.prepare(`select rowid from leads_search where leads_search match '"Kovács"'`).all();
    expect(search).toEqual([{ rowid: other.leadId }]);

    expect(rollup()).toEqual(before);
    expect(
      temp.db
        .select({ n: sql<number>`count(*)` })
        .from(leads)
        .get()?.n,
    ).toBe(3);
    const audits = temp.db.select().from(auditLog).where(eq(auditLog.action, 'lead.erased')).all();
    expect(audits.map((entry) => entry.targetId)).toEqual([String(a.leadId), String(b.leadId), null]);
    expect(JSON.stringify(audits).toLowerCase()).not.toContain('eva');

    // She is forgotten: a new delivery starts a new lead instead of joining the erased one.
    const again = deliver(person('eva@contoso.example', 'crm'), new Date(T0.getTime() + 3 * DAY));
    expect(again.leadId).not.toBe(a.leadId);
    expect(again.duplicate).toBe(false);
  });

  it('refuses an empty list and unknown leads, changing nothing', async () => {
    const a = deliver(person('eva@contoso.example', 'crm'));
    expect(() => eraseLeads(temp.db, ADMIN, [])).toThrow(/at least one/);
    expect(() => eraseLeads(temp.db, ADMIN, [a.leadId, 999])).toThrow(/no lead 999/);
    expect(temp.db.select().from(leads).get()?.email).toBe('eva@contoso.example');
  });

  it('rejects what is not an email address when searching', async () => {
    expect(() => findPersonLeads(temp.db, 'eva')).toThrow();
    expect(findPersonLeads(temp.db, 'nobody@nowhere.example')).toEqual([]);
  });
});

describe('test lead retention', () => {
  it('purges old test leads with their journey, keeps real leads and recent test leads', async () => {
    const old = deliver(testLead(1), new Date(T0.getTime() - 40 * DAY));
    const recent = deliver(testLead(2), new Date(T0.getTime() - 5 * DAY));
    const real = deliver(person('eva@contoso.example', 'crm'), new Date(T0.getTime() - 400 * DAY));
    temp.db.insert(leadNotes).values({ leadId: old.leadId, body: 'test', authorLabel: 'Rep', createdAt: T0 }).run();
    temp.db
      .insert(leadStatusChanges)
      .values({ leadId: old.leadId, fromStatus: 'new', toStatus: 'contacted', changedAt: T0, changedByLabel: 'Rep' })
      .run();
    expect(purgeTestLeads(temp.db, new Date(T0.getTime() - 30 * DAY))).toBe(1);
    const ids = temp.db
      .select({ id: leads.id })
      .from(leads)
      .all()
      .map((row) => row.id);
    expect(ids.sort()).toEqual([recent.leadId, real.leadId].sort());
    expect(temp.db.select().from(leadEvents).where(eq(leadEvents.leadId, old.leadId)).all()).toEqual([]);
    expect(temp.db.select().from(leadNotes).all()).toEqual([]);
    expect(temp.db.$client.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('runRetention', () => {
  it('uses the periods an admin set, and audits what it purged', async () => {
    deliver(testLead(1), new Date(T0.getTime() - 10 * DAY));
    for (const days of [100, 20]) {
      await takeDelivery(temp.db, {
        receivedAt: new Date(T0.getTime() - days * DAY),
        requestId: null,
        presentedKey: null,
        contentType: null,
        body: { bytes: Buffer.from('{}'), size: 2, complete: true, refusal: null },
      });
    }
    expect(runRetention(temp.db, T0)).toEqual({ deliveries: 1, testLeads: 0 });
    setRetention(temp.db, ADMIN, { deliveryLogDays: '7', testLeadDays: 7 }, T0);
    expect(getRetention(temp.db)).toEqual({ deliveryLogDays: 7, testLeadDays: 7 });
    expect(runRetention(temp.db, T0)).toEqual({ deliveries: 1, testLeads: 1 });
    expect(runRetention(temp.db, T0)).toEqual({ deliveries: 0, testLeads: 0 });
    const audits = temp.db
      .select()
      .from(auditLog)
      .all()
      .map((entry) => [entry.action, entry.actorType]);
    expect(audits).toEqual([
      ['retention.purged', 'system'],
      ['settings.retention_changed', 'user'],
      ['retention.purged', 'system'],
    ]);
  });

  it('rejects retention periods that are not whole days between 1 and 3650, naming the field', async () => {
    for (const bad of [
      { deliveryLogDays: 0, testLeadDays: 30 },
      { deliveryLogDays: 90, testLeadDays: 1.5 },
      { deliveryLogDays: 'x', testLeadDays: 30 },
      { deliveryLogDays: 4000, testLeadDays: 30 },
    ]) {
      expect(() => setRetention(temp.db, ADMIN, bad)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
    try {
      setRetention(temp.db, ADMIN, { deliveryLogDays: 90, testLeadDays: 0 });
    } catch (error) {
      expect((error as { details: unknown }).details).toEqual([
        { field: 'testLeadDays', message: 'The test lead retention must be at least 1 day.' },
      ]);
    }
    expect(getRetention(temp.db)).toEqual({ deliveryLogDays: 90, testLeadDays: 30 });
    expect(SYSTEM_ACTOR.type).toBe('system');
  });
});
