import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, intakeDeliveries, leadEvents, leads, type IntakeDelivery } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { createIntakeKey, revokeIntakeKey } from '@/lib/intake-keys/service';
import type { ReceivedBody } from '@/lib/intake/request';
import { SEARCH_BATCH, searchBacklog } from '@/lib/leads/search-index';
import { createTempDb } from '@/lib/testing/temp-db';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import { countUnresolvedRejections, getDelivery, listDeliveries } from './queries';
import { offerTitleOf, purgeDeliveries, replayDelivery, takeDelivery } from './service';

const SECRET = crypto.randomBytes(32);
let temp: ReturnType<typeof createTempDb>;
let key: string;
beforeEach(() => {
  temp = createTempDb();
  key = createIntakeKey(temp.db, { label: 'Partner Center', secret: SECRET, now: new Date('2026-01-01') }).key;
});
afterEach(() => temp.cleanup());

const T0 = new Date('2026-11-01T10:00:00Z');
const ADMIN = { type: 'user' as const, id: 'admin-1', label: 'admin@example.test' };

const lead = (email = 'eva@contoso.example', offer = 'Contoso CRM') => ({
  UserDetails: { FirstName: 'Éva', LastName: 'Kovács', Email: email },
  LeadSource: 'SPZA-PLT|contoso.crm',
  ActionCode: 'PLT',
  OfferTitle: offer,
});

function body(value: unknown, overrides: Partial<ReceivedBody> = {}): ReceivedBody {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  return { bytes, size: bytes.byteLength, complete: true, refusal: null, ...overrides };
}

function take(value: unknown, options: { key?: string | null; at?: Date; overrides?: Partial<ReceivedBody> } = {}) {
  return takeDelivery(temp.db, {
    receivedAt: options.at ?? T0,
    requestId: 'req-1',
    presentedKey: options.key === undefined ? key : options.key,
    contentType: 'application/json',
    body: body(value, options.overrides),
  });
}

const receipts = () => temp.db.select().from(intakeDeliveries).all();

describe('takeDelivery', () => {
  it('indexes new leads for search in the batch where enough of them have gathered', async () => {
    const all = await Promise.all(
      Array.from({ length: SEARCH_BATCH + 3 }, (_, i) => take(JSON.stringify(lead(`lead${i}@contoso.example`)))),
    );
    expect(all.every((taken) => taken.ok)).toBe(true);
    // One group commit took them all, and its upkeep indexed them: nothing is left waiting.
    expect(searchBacklog(temp.db.$client)).toBe(0);
    const hits = temp.db.$client
      .prepare(`select count(*) from leads_search where leads_search match '"contoso.example"'`)
      .pluck()
      .get();
    expect(hits).toBe(SEARCH_BATCH + 3);
  });

  it('stores an accepted lead and its receipt together, with the key label and body hash, but not the body', async () => {
    const raw = JSON.stringify(lead());
    const taken = await take(raw);
    expect(taken.ok).toBe(true);
    const receipt = receipts()[0]!;
    expect(receipt).toMatchObject({
      outcome: 'accepted',
      status: 201,
      keyState: 'valid',
      keyLabel: 'Partner Center',
      bodyBytes: Buffer.byteLength(raw),
      bodySha256: crypto.hash('sha256', raw, 'hex'),
      body: null,
      offerTitle: 'Contoso CRM',
      requestId: 'req-1',
    });
    expect(taken.ok && receipt.leadId).toBe(taken.ok && taken.result.leadId);
    expect(taken.ok && receipt.eventId).toBe(taken.ok && taken.result.eventId);
  });

  it('records a retry as a duplicate pointing at the first event', async () => {
    const first = await take(lead());
    const again = await take(lead(), { at: new Date(T0.getTime() + 60_000) });
    expect(again.ok && again.result.duplicate).toBe(true);
    const duplicate = receipts().find((row) => row.outcome === 'duplicate');
    expect(duplicate).toMatchObject({ status: 200, eventId: first.ok ? first.result.eventId : -1, body: null });
  });

  it('keeps the body of a retry whose bytes differ from what was stored', async () => {
    await take(lead());
    await take({ ...lead(), CustomerInfo: { Phone: '+36 1 555 0101' } }, { at: new Date(T0.getTime() + 60_000) });
    const duplicate = receipts().find((row) => row.outcome === 'duplicate');
    expect(duplicate?.body?.toString()).toContain('CustomerInfo');
  });

  it('keeps the body of every rejection, with the reason the sender got', async () => {
    const invalid = await take('{"UserDetails": ', {});
    const unknownKey = await take(lead(), { key: 'not-a-key-0123456789' });
    const missingKey = await take(lead(), { key: null });
    const notALead = await take({ Customer: { Email: 'x@y.example' }, OfferTitle: 'Fabrikam' });
    for (const taken of [invalid, unknownKey, missingKey, notALead]) expect(taken.ok).toBe(false);
    const rows = receipts() as [IntakeDelivery, IntakeDelivery, IntakeDelivery, IntakeDelivery];
    expect(rows.map((row) => [row.outcome, row.status, row.errorCode, row.keyState])).toEqual([
      ['rejected', 400, 'invalid_json', 'valid'],
      ['rejected', 401, 'unauthorized', 'unknown'],
      ['rejected', 401, 'unauthorized', 'missing'],
      ['rejected', 422, 'invalid_lead', 'valid'],
    ]);
    expect(rows[0].body?.toString()).toBe('{"UserDetails": ');
    expect(rows[0].reason).toMatch(/not valid JSON/);
    expect(rows[1].body?.toString()).toBe(JSON.stringify(lead()));
    expect(rows[1].keyLabel).toBeNull();
    expect(rows[3].offerTitle).toBe('Fabrikam');
    expect(temp.db.select().from(leads).all()).toHaveLength(0);
  });

  it('tells a revoked key from an unknown one, by label, and never stores the key', async () => {
    const old = createIntakeKey(temp.db, { label: 'Old key', secret: SECRET, now: new Date('2026-01-01') });
    revokeIntakeKey(temp.db, SYSTEM_ACTOR, old.id, { now: new Date(T0.getTime() - 1000) });
    await take(lead(), { key: old.key });
    const receipt = receipts()[0]!;
    expect(receipt).toMatchObject({ keyState: 'revoked', keyLabel: 'Old key', intakeKeyId: old.id, status: 401 });
    expect(JSON.stringify(receipt)).not.toContain(old.key);
  });

  it('keeps the first 64 KiB of a body refused as too large, marked incomplete', async () => {
    const bytes = Buffer.alloc(65_536, 'a');
    await take(bytes, {
      overrides: { size: 100_000, complete: false, refusal: new AppError('payload_too_large', 'Too large.') },
    });
    const receipt = receipts()[0]!;
    expect(receipt).toMatchObject({ status: 413, bodyBytes: 100_000, bodyTruncated: true, bodySha256: null });
    expect(receipt.body?.byteLength).toBe(65_536);
  });

  it('records a refused method before judging the key', async () => {
    const taken = await takeDelivery(temp.db, {
      receivedAt: T0,
      requestId: null,
      presentedKey: null,
      contentType: null,
      body: body(''),
      refusal: new AppError('method_not_allowed', 'This endpoint accepts POST only.'),
    });
    expect(taken.ok).toBe(false);
    expect(receipts()[0]).toMatchObject({ status: 405, keyState: 'missing', bodyBytes: 0 });
  });
});

describe('replayDelivery', () => {
  it('ingests a rejected delivery with its original received time, once, and audits it', async () => {
    const received = new Date('2026-10-30T08:15:00Z');
    await take(lead(), { key: 'rotated-away-key-0123456789', at: received });
    const rejected = receipts()[0]!;
    const replayed = replayDelivery(temp.db, ADMIN, rejected.id, T0);
    expect(replayed.duplicate).toBe(false);
    const stored = temp.db.select().from(leads).where(eq(leads.id, replayed.leadId)).get();
    expect(stored?.receivedAt).toEqual(received);
    expect(stored?.email).toBe('eva@contoso.example');
    expect(getDelivery(temp.db, rejected.id)).toMatchObject({
      replayedAt: T0,
      replayedBy: 'admin@example.test',
      replayId: replayed.receiptId,
    });
    expect(getDelivery(temp.db, replayed.receiptId)).toMatchObject({
      outcome: 'accepted',
      status: 201,
      replayOf: rejected.id,
      leadId: replayed.leadId,
    });
    expect(temp.db.select().from(auditLog).where(eq(auditLog.action, 'delivery.replayed')).all()).toHaveLength(1);
    expect(() => replayDelivery(temp.db, ADMIN, rejected.id, T0)).toThrow(/already replayed/);
    expect(temp.db.select().from(leadEvents).all()).toHaveLength(1);
  });

  it('answers a body that still does not validate with its error and changes nothing', async () => {
    await take('{"not": "a lead"}', { key: null });
    const rejected = receipts()[0]!;
    expect(() => replayDelivery(temp.db, ADMIN, rejected.id, T0)).toThrow(AppError);
    expect(getDelivery(temp.db, rejected.id)?.replayedAt).toBeNull();
    expect(receipts()).toHaveLength(1);
  });

  it('refuses accepted, unknown and truncated deliveries', async () => {
    await take(lead());
    await take(Buffer.alloc(10, 'a'), {
      overrides: { size: 100_000, complete: false, refusal: new AppError('payload_too_large', 'Too large.') },
    });
    const [accepted, truncated] = receipts() as [IntakeDelivery, IntakeDelivery];
    expect(() => replayDelivery(temp.db, ADMIN, accepted.id)).toThrow(/Only rejected/);
    expect(() => replayDelivery(temp.db, ADMIN, truncated.id)).toThrow(/not kept whole/);
    expect(() => replayDelivery(temp.db, ADMIN, 9999)).toThrow(/no delivery/);
  });
});

describe('the delivery log', () => {
  it('filters by outcome, offer (literally) and time, newest first', async () => {
    await take(lead('a@x.example', 'Contoso 100% CRM'), { at: new Date('2026-11-01T09:00:00Z') });
    await take(lead('b@x.example', 'Fabrikam'), { at: new Date('2026-11-02T09:00:00Z') });
    await take(lead('c@x.example', 'Contoso Sales'), { key: null, at: new Date('2026-11-03T09:00:00Z') });
    const page = { page: 1, pageSize: 50 };
    expect(listDeliveries(temp.db, page).rows.map((row) => row.offerTitle)).toEqual([
      'Contoso Sales',
      'Fabrikam',
      'Contoso 100% CRM',
    ]);
    expect(listDeliveries(temp.db, { ...page, outcome: 'rejected' }).total).toBe(1);
    expect(listDeliveries(temp.db, { ...page, offer: 'contoso' }).total).toBe(2);
    expect(listDeliveries(temp.db, { ...page, offer: '100%' }).total).toBe(1);
    expect(listDeliveries(temp.db, { ...page, offer: '_' }).total).toBe(0);
    expect(
      listDeliveries(temp.db, { ...page, from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z') })
        .rows,
    ).toHaveLength(1);
    expect(listDeliveries(temp.db, page).rows[0]).not.toHaveProperty('body');
    expect(listDeliveries(temp.db, page).rows[0]?.hasBody).toBe(true);
    expect(countUnresolvedRejections(temp.db, new Date('2026-10-01T00:00:00Z'))).toBe(1);
  });

  it('purges receipts older than a time', async () => {
    await take(lead('a@x.example'), { at: new Date('2026-08-01T00:00:00Z') });
    await take(lead('b@x.example'), { at: new Date('2026-11-01T00:00:00Z') });
    expect(purgeDeliveries(temp.db, new Date('2026-09-01T00:00:00Z'))).toBe(1);
    expect(receipts()).toHaveLength(1);
  });
});

describe('offerTitleOf', () => {
  it('reads a top-level offer title in any case, and nothing from what does not parse', async () => {
    expect(offerTitleOf(Buffer.from('{"offertitle":" Contoso "}'))).toBe('Contoso');
    expect(offerTitleOf(Buffer.from('{"OfferTitle": 5}'))).toBeNull();
    expect(offerTitleOf(Buffer.from('[1]'))).toBeNull();
    expect(offerTitleOf(Buffer.from('{'))).toBeNull();
    expect(offerTitleOf(Buffer.from(JSON.stringify({ OfferTitle: 'x'.repeat(500) })))?.length).toBe(200);
  });
});
