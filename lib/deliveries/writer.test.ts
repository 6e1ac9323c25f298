import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import type { IncomingDelivery, TakenDelivery } from './service';
import { receiveDelivery, receiveTaken, sendDelivery, sendTaken } from './writer';

/** What structured clone (postMessage) does to a value, as the worker would see it. */
const overTheWire = <T>(value: T): T => structuredClone(value);

const incoming = (overrides: Partial<IncomingDelivery> = {}): IncomingDelivery => {
  // A small Buffer, as the body reader makes: a view into Node's shared pool.
  const bytes = Buffer.from('{"UserDetails":{"Email":"eva@contoso.example"}}');
  return {
    receivedAt: new Date('2026-11-01T10:00:00Z'),
    requestId: 'req-1',
    presentedKey: 'leadline_intake_x',
    contentType: 'application/json',
    body: { bytes, size: bytes.byteLength, complete: true, refusal: null },
    ...overrides,
  };
};

describe('deliveries crossing to the writer thread', () => {
  it('carry the body byte for byte, whatever it holds', () => {
    const original = incoming();
    const received = receiveDelivery(overTheWire(sendDelivery(original)));
    expect(Buffer.isBuffer(received.body.bytes)).toBe(true);
    expect(received.body.bytes.equals(original.body.bytes)).toBe(true);
    expect(received.receivedAt).toEqual(original.receivedAt);
    expect(received).toMatchObject({
      requestId: 'req-1',
      presentedKey: 'leadline_intake_x',
      contentType: 'application/json',
    });
    expect(received.body).toMatchObject({ size: original.body.size, complete: true, refusal: null });

    // Every byte value, invalid UTF-8 and a NUL included: the receipt keeps what was sent.
    const bytes = Buffer.concat([
      Buffer.from([0, 0xff, 0xc3, 0x28, 0x80]),
      Buffer.from('Zoë 名前', 'utf8'),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    ]);
    const odd = incoming({ body: { bytes, size: bytes.byteLength, complete: false, refusal: null } });
    const back = receiveDelivery(overTheWire(sendDelivery(odd)));
    expect(back.body.bytes.equals(bytes)).toBe(true);
    expect(back.body.complete).toBe(false);
  });

  it('carry refusals as the same AppErrors', () => {
    const tooLarge = new AppError('payload_too_large', 'Too large.');
    const method = new AppError('method_not_allowed', 'POST only.', { headers: { Allow: 'POST' } });
    const original = incoming({ body: { ...incoming().body, complete: false, refusal: tooLarge }, refusal: method });
    const received = receiveDelivery(overTheWire(sendDelivery(original)));
    expect(received.body.refusal).toBeInstanceOf(AppError);
    expect(received.body.refusal).toMatchObject({ code: 'payload_too_large', message: 'Too large.', status: 413 });
    expect(received.refusal).toMatchObject({ code: 'method_not_allowed', headers: { Allow: 'POST' } });
  });

  it('bring answers back: a stored lead as it is, an AppError with its details, any other error by name', () => {
    const stored: TakenDelivery = {
      ok: true,
      receiptId: 7,
      keyLabel: 'Partner Center',
      result: { leadId: 3, eventId: 4, duplicate: false, merged: false },
    };
    expect(receiveTaken(overTheWire(sendTaken(stored)))).toEqual(stored);

    const invalid = new AppError('invalid_lead', 'The lead needs attention.', {
      details: [{ field: 'UserDetails.Email', message: 'not an address' }],
    });
    const refused = receiveTaken(overTheWire(sendTaken({ ok: false, receiptId: 8, keyLabel: null, error: invalid })));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toBeInstanceOf(AppError);
    expect(refused.error).toMatchObject({ code: 'invalid_lead', status: 422, details: invalid.details });

    const failed = receiveTaken(
      overTheWire(sendTaken({ ok: false, receiptId: null, keyLabel: null, error: new RangeError('disk full') })),
    );
    if (failed.ok) return;
    expect(failed.error).not.toBeInstanceOf(AppError);
    expect(failed.error).toMatchObject({ name: 'RangeError', message: 'disk full' });
  });
});
