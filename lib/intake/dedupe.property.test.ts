import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseMarketplacePayload } from '@/lib/marketplace/payload';
import { dedupeHash } from './service';

// The retry check's identity (service.ts: the same fields again within 24 hours is a retry): what a
// sloppy sender changes between two sends of the same lead must not matter, and any change to a
// lead's content must. A wrong answer either way loses a lead or stores a retry twice.

const FIELDS = ['FirstName', 'LastName', 'Email', 'Phone', 'Country', 'Company', 'Title'] as const;
const TOP = ['LeadSource', 'ActionCode', 'OfferTitle', 'Description'] as const;
const value = fc
  .string({ minLength: 1, maxLength: 30 })
  .filter((text) => text.trim() !== '' && text.replaceAll('\u0000', '').trim() !== '');
const lead = fc.record({
  UserDetails: fc.record(
    Object.fromEntries(FIELDS.map((field) => [field, value])) as Record<(typeof FIELDS)[number], fc.Arbitrary<string>>,
  ),
  LeadSource: value,
  ActionCode: value,
  OfferTitle: value,
  Description: value,
});
type Lead = typeof lead extends fc.Arbitrary<infer T> ? T : never;
const hashOf = (payload: unknown) => dedupeHash(normaliseMarketplacePayload(payload)).toString('hex');

describe('dedupeHash (properties)', () => {
  it('is the same for a resend with keys re-cased, values padded, unknown keys added and keys reordered', () => {
    fc.assert(
      fc.property(lead, fc.constantFrom(' ', '\t', '\n', '\u00a0'), fc.boolean(), (payload, pad, upper) => {
        const recase = (key: string) => (upper ? key.toUpperCase() : key.toLowerCase());
        const resent = Object.fromEntries(
          [
            ...TOP.map((key) => [recase(key), `${pad}${payload[key]}${pad}`] as const),
            [
              recase('UserDetails'),
              Object.fromEntries(FIELDS.map((key) => [recase(key), `${pad}${payload.UserDetails[key]}`]).reverse()),
            ] as const,
            ['ExtraField', 'ignored'] as const,
          ].reverse(),
        );
        expect(hashOf(resent)).toBe(hashOf(payload));
      }),
    );
  });

  it('treats the email case-insensitively', () => {
    fc.assert(
      fc.property(lead, (payload) => {
        const shouted = {
          ...payload,
          UserDetails: { ...payload.UserDetails, Email: payload.UserDetails.Email.toUpperCase() },
        };
        expect(hashOf(shouted)).toBe(hashOf(payload));
      }),
    );
  });

  it('changes when any field other than the email’s case changes', () => {
    const field = fc.constantFrom<(typeof FIELDS)[number] | (typeof TOP)[number]>(...FIELDS, ...TOP);
    fc.assert(
      fc.property(lead, field, value, (payload: Lead, changed, replacement) => {
        const before = (FIELDS as readonly string[]).includes(changed)
          ? payload.UserDetails[changed as (typeof FIELDS)[number]]
          : payload[changed as (typeof TOP)[number]];
        const same =
          changed === 'Email'
            ? before.trim().toLowerCase() === replacement.trim().toLowerCase()
            : before.trim() === replacement.trim();
        fc.pre(!same && before.replaceAll('\u0000', '').trim() !== replacement.replaceAll('\u0000', '').trim());
        const altered = (FIELDS as readonly string[]).includes(changed)
          ? { ...payload, UserDetails: { ...payload.UserDetails, [changed]: replacement } }
          : { ...payload, [changed]: replacement };
        expect(hashOf(altered)).not.toBe(hashOf(payload));
      }),
      { numRuns: 1000 },
    );
  });

  it('tells apart values that only a naive join would confuse', () => {
    // Field boundaries are part of the identity: moving text from one field to the next is a different lead.
    const a = { UserDetails: { FirstName: 'Ann Lee', LastName: 'Smith' }, LeadSource: 'SPZA' };
    const b = { UserDetails: { FirstName: 'Ann', LastName: 'Lee Smith' }, LeadSource: 'SPZA' };
    const c = { UserDetails: { FirstName: 'a","b' }, LeadSource: 'SPZA' };
    const d = { UserDetails: { FirstName: 'a', LastName: 'b' }, LeadSource: 'SPZA' };
    expect(new Set([a, b, c, d].map(hashOf)).size).toBe(4);
  });
});
