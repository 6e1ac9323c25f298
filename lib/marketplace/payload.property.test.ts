import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { normaliseMarketplacePayload, TOP_LEVEL_FIELDS, USER_DETAIL_FIELDS, type NormalisedLead } from './payload';
import { parseLeadSource } from './lead-source';
import { stageOfAction } from './vocabulary';

// Properties of the payload normaliser, from payload.ts and the domain notes: any JSON either
// becomes a lead or is refused with the app's 422 naming fields — nothing else is thrown; keys
// match whatever their case; strings and finite numbers are text, trimmed, without NUL, well
// formed; blanks are null; the derived fields follow the LeadSource parser; normalising is
// idempotent.

const TEXT_KEYS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'country',
  'company',
  'title',
  'leadSource',
  'actionCode',
  'offerTitle',
  'description',
] as const;
const USER_KEY: Record<(typeof USER_DETAIL_FIELDS)[number], (typeof TEXT_KEYS)[number]> = {
  FirstName: 'firstName',
  LastName: 'lastName',
  Email: 'email',
  Phone: 'phone',
  Country: 'country',
  Company: 'company',
  Title: 'title',
};
const TOP_KEY: Record<Exclude<(typeof TOP_LEVEL_FIELDS)[number], 'UserDetails'>, (typeof TEXT_KEYS)[number]> = {
  LeadSource: 'leadSource',
  ActionCode: 'actionCode',
  OfferTitle: 'offerTitle',
  Description: 'description',
};

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom(' ', '\t', '\n', '\u0000', '\u00a0', '\ud800', '\udc00', 'a', '=', '<', '|', '-', '.'),
  }),
  fc.constantFrom(
    'MSFT_TEST_636573304831318844',
    'SPZA-PLT|contoso.crm',
    'AzureMarketplace',
    'INS',
    '<script>alert(1)</script>',
    '=HYPERLINK("x")',
  ),
);
const goodValue = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.constant(undefined),
);
const badValue = fc.oneof(
  fc.boolean(),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);
const anyValue = fc.oneof({ weight: 4, arbitrary: goodValue }, { weight: 1, arbitrary: badValue });

/** A key spelled in a random case, as sloppy senders do. */
const spelling = (key: string) =>
  fc
    .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
    .map((flags) => [...key].map((char, i) => (flags[i] ? char.toUpperCase() : char.toLowerCase())).join(''));

const userDetails = (value: fc.Arbitrary<unknown>) =>
  fc.record(
    Object.fromEntries(USER_DETAIL_FIELDS.map((field) => [field, value])) as Record<
      (typeof USER_DETAIL_FIELDS)[number],
      fc.Arbitrary<unknown>
    >,
    { requiredKeys: [] },
  );
const leadShaped = (value: fc.Arbitrary<unknown>) =>
  fc.record(
    {
      UserDetails: fc.oneof({ weight: 5, arbitrary: userDetails(value) }, { weight: 1, arbitrary: value }),
      LeadSource: value,
      ActionCode: value,
      OfferTitle: value,
      Description: value,
    },
    { requiredKeys: [] },
  );
/** Lead-shaped objects with odd extra keys, including prototype names, at both levels. */
const withOddKeys = fc
  .tuple(
    leadShaped(anyValue),
    fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'isTest', 'status'),
      fc.jsonValue(),
      { maxKeys: 3 },
    ),
  )
  .map(([lead, extra]) => {
    // Own "__proto__" keys, as JSON.parse makes them, never a prototype change.
    const object = JSON.parse(JSON.stringify(extra)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(lead)) object[key] = value;
    return object;
  });

/** The one allowed failure: the app's 422 with every offending field named. */
function outcome(input: unknown): { lead: NormalisedLead } | { error: AppError } {
  try {
    return { lead: normaliseMarketplacePayload(input) };
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('invalid_lead');
    expect(appError.status).toBe(422);
    expect(appError.details?.length).toBeGreaterThan(0);
    for (const detail of appError.details ?? [])
      expect(detail).toEqual({ field: expect.any(String), message: expect.any(String) });
    return { error: appError };
  }
}

/** The normalised lead as a documented payload again (for idempotence). */
function asPayload(lead: NormalisedLead): Record<string, unknown> {
  return {
    UserDetails: Object.fromEntries(USER_DETAIL_FIELDS.map((field) => [field, lead[USER_KEY[field]]])),
    ...Object.fromEntries(Object.entries(TOP_KEY).map(([field, key]) => [field, lead[key]])),
  };
}

describe('normaliseMarketplacePayload (properties)', () => {
  it('any JSON value is either a lead or the app’s 422 naming fields; nothing else is thrown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), leadShaped(anyValue), withOddKeys), (input) => void outcome(input)),
      { numRuns: 3000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(leadShaped(anyValue), withOddKeys), (input) => {
        expect(outcome(input)).toEqual(outcome(structuredClone(input)));
      }),
    );
  });

  it('accepts every lead whose fields are strings, finite numbers or null, and refuses exactly the others, by name', () => {
    fc.assert(
      fc.property(leadShaped(anyValue), (input) => {
        const present = (value: unknown) => value !== undefined && value !== null;
        const wrong = (value: unknown) =>
          present(value) && typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value));
        const details = input.UserDetails;
        const expected: string[] = [];
        if (!present(details) && !present(input.LeadSource)) {
          expect(outcome(input)).toMatchObject({
            error: { details: [{ field: 'UserDetails' }, { field: 'LeadSource' }] },
          });
          return;
        }
        if (present(details) && (typeof details !== 'object' || Array.isArray(details))) expected.push('UserDetails');
        else if (present(details)) {
          for (const field of USER_DETAIL_FIELDS)
            if (wrong((details as Record<string, unknown>)[field])) expected.push(`UserDetails.${field}`);
        }
        for (const field of Object.keys(TOP_KEY) as (keyof typeof TOP_KEY)[])
          if (wrong(input[field])) expected.push(field);
        const result = outcome(input);
        if (expected.length === 0) expect(result).toHaveProperty('lead');
        else
          expect('error' in result ? result.error.details?.map((detail) => detail.field).sort() : 'accepted').toEqual(
            expected.sort(),
          );
      }),
      { numRuns: 3000 },
    );
  });

  it('makes every text field trimmed, non-empty, NUL-free and well-formed text no longer than what came', () => {
    fc.assert(
      fc.property(leadShaped(goodValue), (input) => {
        const result = outcome(input);
        if (!('lead' in result)) return;
        const lead = result.lead;
        const sent = (key: (typeof TEXT_KEYS)[number]): unknown => {
          const user = Object.entries(USER_KEY).find(([, apiKey]) => apiKey === key)?.[0];
          if (user) return (input.UserDetails as Record<string, unknown> | null | undefined)?.[user];
          return input[Object.entries(TOP_KEY).find(([, apiKey]) => apiKey === key)![0] as keyof typeof TOP_KEY];
        };
        for (const key of TEXT_KEYS) {
          const value = lead[key];
          const original = sent(key);
          if (original === undefined || original === null) {
            expect(value).toBeNull();
            continue;
          }
          if (value === null) {
            // Only blank text (after dropping NULs) becomes null.
            expect(String(original).replaceAll('\u0000', '').trim()).toBe('');
            continue;
          }
          expect(value.length).toBeGreaterThan(0);
          expect(value).toBe(value.trim());
          expect(value).not.toContain('\u0000');
          expect(value).not.toMatch(/\p{Cs}/u);
          expect(value.length).toBeLessThanOrEqual(String(original).length);
          if (typeof original === 'number') expect(value).toBe(String(original));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('matches keys whatever their case, at both levels', () => {
    const recasedLead = leadShaped(goodValue).chain((lead) =>
      fc
        .tuple(
          ...Object.keys(lead).map((key) => spelling(key)),
          ...(lead.UserDetails && typeof lead.UserDetails === 'object'
            ? Object.keys(lead.UserDetails).map((key) => spelling(key))
            : []),
        )
        .map((names) => {
          const topKeys = Object.keys(lead);
          const recased: Record<string, unknown> = {};
          topKeys.forEach((key, i) => (recased[names[i]!] = (lead as Record<string, unknown>)[key]));
          if (lead.UserDetails && typeof lead.UserDetails === 'object') {
            const details: Record<string, unknown> = {};
            Object.keys(lead.UserDetails).forEach(
              (key, i) => (details[names[topKeys.length + i]!] = (lead.UserDetails as Record<string, unknown>)[key]),
            );
            recased[names[topKeys.indexOf('UserDetails')]!] = details;
          }
          return [lead, recased] as const;
        }),
    );
    fc.assert(
      fc.property(recasedLead, ([lead, recased]) => {
        expect(outcome(recased)).toEqual(outcome(lead));
      }),
      { numRuns: 1000 },
    );
  });

  it('lets the documented spelling win over another spelling of the same field, in either order', () => {
    fc.assert(
      fc.property(
        spelling('LeadSource').filter((key) => key !== 'LeadSource'),
        text,
        text,
        fc.boolean(),
        (other, documented, odd, documentedFirst) => {
          const entries: [string, string][] = documentedFirst
            ? [
                ['LeadSource', documented],
                [other, odd],
              ]
            : [
                [other, odd],
                ['LeadSource', documented],
              ];
          const result = outcome(Object.fromEntries(entries));
          const expected = outcome({ LeadSource: documented });
          expect(result).toEqual(expected);
        },
      ),
    );
  });

  it('is idempotent: a normalised lead sent again normalises to itself', () => {
    fc.assert(
      fc.property(leadShaped(goodValue), (input) => {
        const first = outcome(input);
        if (!('lead' in first)) return;
        const again = asPayload(first.lead);
        // A lead with nothing in it has neither UserDetails fields nor a LeadSource to show: still a lead.
        expect(outcome(again)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('derives source, action, offer and stage from LeadSource and ActionCode exactly as the parser does', () => {
    fc.assert(
      fc.property(leadShaped(goodValue), (input) => {
        const result = outcome(input);
        if (!('lead' in result)) return;
        const { lead } = result;
        expect({
          source: lead.source,
          action: lead.action,
          publisherId: lead.publisherId,
          offerId: lead.offerId,
        }).toEqual(parseLeadSource(lead.leadSource, lead.actionCode));
        expect(lead.stage).toBe(stageOfAction(lead.action));
      }),
      { numRuns: 2000 },
    );
  });

  it('marks a lead as a Partner Center test lead when a field starts with MSFT_TEST, and only then', () => {
    fc.assert(
      fc.property(
        leadShaped(goodValue),
        fc.constantFrom(...USER_DETAIL_FIELDS),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (input, field, n) => {
          const result = outcome(input);
          if (!('lead' in result)) return;
          const startsTest = (value: string | null) => value !== null && value.toLowerCase().startsWith('msft_test');
          expect(result.lead.isTest).toBe(
            [
              ...TEXT_KEYS.map((key) => result.lead[key]),
              result.lead.source,
              result.lead.action,
              result.lead.publisherId,
              result.lead.offerId,
            ].some(startsTest),
          );
          const details = typeof input.UserDetails === 'object' && input.UserDetails !== null ? input.UserDetails : {};
          const marked = outcome({ ...input, UserDetails: { ...details, [field]: `MSFT_TEST_${n}` } });
          expect(marked).toMatchObject({ lead: { isTest: true } });
        },
      ),
    );
  });
});
