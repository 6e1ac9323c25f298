import type { LeadScope } from '@/lib/auth/permissions';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intakeKeys, leadEvents, leads, offers } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { getLeadById } from '@/lib/leads/queries';
import { createTempDb } from '@/lib/testing/temp-db';
import { loadIntakeFixtures } from '@/lib/testing/fixtures';
import type { Delivery } from './ingest';
import { receiveDelivery } from './service';

let temp: ReturnType<typeof createTempDb>;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

const T0 = new Date('2026-11-01T10:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

function deliver(body: unknown, receivedAt = T0, extra: Partial<Delivery> = {}) {
  const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return receiveDelivery(temp.db, {
    rawBody,
    contentType: 'application/json',
    receivedAt,
    intakeKeyId: null,
    ...extra,
  });
}

const person = (action: string, extra: Record<string, unknown> = {}) => ({
  UserDetails: {
    FirstName: 'Kovács',
    LastName: 'Éva',
    Email: 'Eva.Kovacs@Contoso.example',
    Company: 'Contoso',
    ...extra,
  },
  LeadSource: `SPZA-${action}|contoso.crm-suite`,
  ActionCode: action,
  OfferTitle: 'Contoso CRM Suite',
});

describe('receiveDelivery with the shared fixtures', () => {
  for (const fixture of loadIntakeFixtures()) {
    it(`${fixture.name}: ${fixture.description}`, () => {
      if (fixture.expect.status >= 400) {
        let error: unknown;
        try {
          deliver(fixture.body);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(fixture.expect.status);
        expect(temp.db.select().from(leadEvents).all()).toHaveLength(0);
        return;
      }
      const result = deliver(fixture.body);
      expect(result.duplicate).toBe(false);
      const lead = getLeadById(temp.db, ALL, result.leadId);
      expect(lead).toMatchObject(fixture.expect.lead ?? {});
      expect(lead?.events[0]?.rawBody).toBe(fixture.body.toString('utf8'));
    });
  }
});

describe('receiveDelivery', () => {
  it('keeps the raw body byte for byte', () => {
    const raw = Buffer.from('{ "LeadSource" : "SPZA-PLT|a.b",\n "UserDetails": {"FirstName": "李雷 🚀"} }');
    const { eventId } = deliver(raw);
    const event = temp.db.select().from(leadEvents).where(eq(leadEvents.id, eventId)).get();
    expect(Buffer.compare(event!.rawBody, raw)).toBe(0);
  });

  it('builds one lead per person and offer, advancing the stage along the journey', () => {
    const first = deliver(person('PLT'), hours(0));
    const second = deliver(person('StartTestDrive', { Email: ' eva.kovacs@contoso.EXAMPLE ' }), hours(1));
    const third = deliver(person('INS', { Phone: '+36 1 234 5678' }), hours(2));
    expect(second.leadId).toBe(first.leadId);
    expect(third.leadId).toBe(first.leadId);
    const lead = getLeadById(temp.db, ALL, first.leadId)!;
    expect(lead).toMatchObject({
      stage: 'acquired',
      action: 'INS',
      eventCount: 3,
      status: 'new',
      phone: '+36 1 234 5678',
    });
    expect(lead.receivedAt).toEqual(hours(0));
    expect(lead.lastEventAt).toEqual(hours(2));
    expect(lead.events.map((event) => event.action)).toEqual(['PLT', 'StartTestDrive', 'INS']);
  });

  it('never lowers the stage when a later delivery is an earlier step', () => {
    const { leadId } = deliver(person('INS'), hours(0));
    deliver(person('PLT'), hours(1));
    expect(getLeadById(temp.db, ALL, leadId)).toMatchObject({ stage: 'acquired', action: 'PLT' });
  });

  it('keeps the newest values when an older delivery is stored later', () => {
    const { leadId } = deliver(person('INS', { Company: 'New name' }), hours(5));
    deliver(person('PLT', { Company: 'Old name' }), hours(1));
    const lead = getLeadById(temp.db, ALL, leadId)!;
    expect(lead).toMatchObject({ company: 'New name', action: 'INS', eventCount: 2 });
    expect(lead.receivedAt).toEqual(hours(1));
    expect(lead.lastEventAt).toEqual(hours(5));
  });

  it('keeps the same person apart per offer and links their other leads', () => {
    const a = deliver(person('PLT'));
    const b = deliver({ ...person('PLT'), LeadSource: 'SPZA-PLT|contoso.other-offer', OfferTitle: 'Other' });
    expect(b.leadId).not.toBe(a.leadId);
    expect(getLeadById(temp.db, ALL, a.leadId)?.otherLeads.map((other) => other.id)).toEqual([b.leadId]);
  });

  it('never merges deliveries without an email', () => {
    const body = { UserDetails: { FirstName: 'No', LastName: 'Email' }, LeadSource: 'SPZA-PLT|a.b' };
    const a = deliver(body, hours(0));
    const b = deliver({ ...body, Description: 'second visit' }, hours(1));
    expect(b.leadId).not.toBe(a.leadId);
  });

  it('answers a retry within 24 hours as a duplicate and stores nothing new', () => {
    const first = deliver(person('PLT'), hours(0));
    const retry = deliver(person('PLT'), hours(23));
    expect(retry).toEqual({ leadId: first.leadId, eventId: first.eventId, duplicate: true, merged: false });
    expect(temp.db.select().from(leadEvents).all()).toHaveLength(1);
    // Key case, whitespace and e-mail case do not make a retry new.
    const respelled = deliver(
      JSON.parse(
        JSON.stringify(person('PLT')).replace('UserDetails', 'userDetails').replace('Eva.Kovacs', 'eva.kovacs'),
      ),
      hours(2),
    );
    expect(respelled.duplicate).toBe(true);
    // After 24 hours the same content is a new visit.
    expect(deliver(person('PLT'), hours(25)).duplicate).toBe(false);
    expect(temp.db.select().from(leadEvents).all()).toHaveLength(2);
  });

  it('flags do-not-contact on a DNC delivery and keeps it', () => {
    const { leadId } = deliver(person('DNC'), hours(0));
    expect(getLeadById(temp.db, ALL, leadId)).toMatchObject({ doNotContact: true, stage: 'dnc' });
    deliver(person('PLT'), hours(1));
    expect(getLeadById(temp.db, ALL, leadId)).toMatchObject({ doNotContact: true, stage: 'contact_me' });
  });

  it('builds the offer catalog from traffic; test leads only verify the connection', () => {
    deliver(person('PLT'), hours(0));
    deliver(person('INS', { Email: 'other@contoso.example' }), hours(3));
    deliver(
      {
        userDetails: { FirstName: 'MSFT_TEST_1', Email: 'MSFT_TEST_1@test.com' },
        LeadSource: 'AzureMarketplace',
        ActionCode: 'INS',
        OfferTitle: 'Contoso CRM Suite',
      },
      hours(4),
    );
    const rows = temp.db.select().from(offers).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key: 'contoso.crm-suite',
      publisherId: 'contoso',
      offerId: 'crm-suite',
      title: 'Contoso CRM Suite',
      firstLeadAt: hours(0),
      lastLeadAt: hours(3),
      lastTestLeadAt: hours(4),
      leadCount: 2,
    });
    const testLead = temp.db.select().from(leads).where(eq(leads.isTest, true)).get();
    expect(testLead?.offerRef).toBe(rows[0]!.id);
  });

  it('creates a title-keyed offer when a delivery names no offer id', () => {
    deliver({
      UserDetails: { Email: 'a@b.example' },
      LeadSource: 'AzureMarketplace',
      ActionCode: 'INS',
      OfferTitle: 'Test Microsoft',
    });
    expect(temp.db.select({ key: offers.key }).from(offers).all()).toEqual([{ key: 'title:test microsoft' }]);
  });

  it('records when an intake key was last used', () => {
    const key = temp.db
      .insert(intakeKeys)
      .values({ label: 'k', origin: 'generated', keyHash: 'h', keyPrefix: 'p', createdAt: T0 })
      .returning()
      .get();
    deliver(person('PLT'), hours(1), { intakeKeyId: key.id });
    expect(temp.db.select().from(intakeKeys).get()?.lastUsedAt).toEqual(hours(1));
  });

  it.each([
    ['an empty body', Buffer.alloc(0), 400],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 400],
    ['truncated JSON', Buffer.from('{"UserDetails": {'), 400],
    ['a JSON string', Buffer.from('"lead"'), 422],
    ['JSON null', Buffer.from('null'), 422],
  ])('rejects %s with %i and stores nothing', (_name, body, status) => {
    expect(() => deliver(body)).toThrow(AppError);
    try {
      deliver(body);
    } catch (error) {
      expect((error as AppError).status).toBe(status);
    }
    expect(temp.db.select().from(leads).all()).toHaveLength(0);
  });

  it('accepts a UTF-8 byte order mark', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(person('PLT')))]);
    expect(deliver(body).duplicate).toBe(false);
  });
});
const ALL: LeadScope = { kind: 'all' };
