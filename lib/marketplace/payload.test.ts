import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { normaliseEmail, normaliseMarketplacePayload } from './payload';

function rejection(body: unknown): AppError {
  try {
    normaliseMarketplacePayload(body);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('normaliseMarketplacePayload', () => {
  it('reads the documented payload', () => {
    const lead = normaliseMarketplacePayload({
      UserDetails: {
        FirstName: 'Some',
        LastName: 'One',
        Email: 'someone@contoso.com',
        Phone: '16175555555',
        Country: 'USA',
        Company: 'Contoso',
        Title: 'Esquire',
      },
      LeadSource: 'AzureMarketplace',
      ActionCode: 'INS',
      OfferTitle: 'Test Microsoft',
      Description: 'Test run through Power Automate',
    });
    expect(lead).toMatchObject({
      firstName: 'Some',
      email: 'someone@contoso.com',
      source: 'AzureMarketplace',
      action: 'INS',
      stage: 'acquired',
      offerTitle: 'Test Microsoft',
      isTest: false,
    });
  });

  it('matches keys whatever their case, at both levels', () => {
    const lead = normaliseMarketplacePayload({
      userdetails: { firstname: 'Ana', EMAIL: 'ana@x.example' },
      leadSOURCE: 'SPZA-PLT|a.b',
      offertitle: 'Offer',
    });
    expect(lead).toMatchObject({ firstName: 'Ana', email: 'ana@x.example', source: 'SPZA', offerTitle: 'Offer' });
  });

  it('prefers the documented spelling when a key comes twice', () => {
    const lead = normaliseMarketplacePayload({
      userDetails: { FirstName: 'lower' },
      UserDetails: { FirstName: 'Upper' },
    });
    expect(lead.firstName).toBe('Upper');
  });

  it('accepts numbers as strings, trims values and treats empty as missing', () => {
    const lead = normaliseMarketplacePayload({
      UserDetails: { Phone: 16175555555, FirstName: '  Kovács Éva  ', Title: '', Company: '   ' },
      LeadSource: 'SPZA',
      Description: ' ',
    });
    expect(lead).toMatchObject({
      phone: '16175555555',
      firstName: 'Kovács Éva',
      title: null,
      company: null,
      description: null,
    });
  });

  it('keeps full Unicode', () => {
    const lead = normaliseMarketplacePayload({ UserDetails: { FirstName: '李雷', LastName: '🚀 Ünïcødé' } });
    expect(lead.firstName).toBe('李雷');
    expect(lead.lastName).toBe('🚀 Ünïcødé');
  });

  it('marks test leads by any value beginning MSFT_TEST', () => {
    expect(normaliseMarketplacePayload({ UserDetails: { FirstName: 'MSFT_TEST_636573304831318844' } }).isTest).toBe(
      true,
    );
    expect(normaliseMarketplacePayload({ LeadSource: 'MSFT_TEST_1-MSFT_TEST_1|Offer' }).isTest).toBe(true);
    expect(normaliseMarketplacePayload({ UserDetails: { Email: 'msft_test_1@test.com' } }).isTest).toBe(true);
    expect(normaliseMarketplacePayload({ UserDetails: { FirstName: 'Real MSFT_TEST' } }).isTest).toBe(false);
  });

  it('treats null fields as missing', () => {
    const lead = normaliseMarketplacePayload({ UserDetails: null, LeadSource: 'SPZA-PLT|a.b', OfferTitle: null });
    expect(lead).toMatchObject({ firstName: null, offerTitle: null, action: 'PLT' });
  });

  it('ignores unknown keys, including __proto__', () => {
    const body = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": 1, "LeadSource": "SPZA-PLT|a.b", "Extra": {}}',
    );
    const lead = normaliseMarketplacePayload(body);
    expect(lead.source).toBe('SPZA');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a body that is not an object', () => {
    for (const body of [[], [{ LeadSource: 'SPZA' }], 'text', 42, null, true]) {
      const error = rejection(body);
      expect(error.code).toBe('invalid_lead');
      expect(error.details?.[0]?.field).toBe('(body)');
    }
  });

  it('rejects an object that is not a lead', () => {
    const error = rejection({ hello: 'world' });
    expect(error.status).toBe(422);
    expect(error.details?.map((d) => d.field)).toEqual(['UserDetails', 'LeadSource']);
  });

  it('names every field of the wrong type', () => {
    const error = rejection({
      UserDetails: { FirstName: { nested: true }, Email: ['a@b.c'], Phone: false },
      LeadSource: 'SPZA-PLT|a.b',
      OfferTitle: {},
    });
    expect(error.status).toBe(422);
    expect(error.details?.map((d) => d.field).sort()).toEqual([
      'OfferTitle',
      'UserDetails.Email',
      'UserDetails.FirstName',
      'UserDetails.Phone',
    ]);
    expect(error.details?.find((d) => d.field === 'UserDetails.FirstName')?.message).toBe(
      'must be a string, not an object',
    );
  });

  it('rejects UserDetails that is not an object', () => {
    const error = rejection({ UserDetails: 'John Smith', LeadSource: 'AzureMarketplace-INS|a.b' });
    expect(error.details).toEqual([{ field: 'UserDetails', message: 'must be an object, not a string' }]);
  });

  it('either normalises or rejects with a 422 any JSON value, never anything else (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          normaliseMarketplacePayload(value);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).status).toBe(422);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('normalises any object of strings and numbers in the documented shape (property)', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
    const userDetails = fc.record(
      { FirstName: value, LastName: value, Email: value, Phone: value, Country: value, Company: value, Title: value },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(userDetails, fc.option(fc.string()), (details, leadSource) => {
        const lead = normaliseMarketplacePayload({ UserDetails: details, LeadSource: leadSource });
        for (const key of ['firstName', 'lastName', 'email', 'phone', 'country', 'company', 'title'] as const) {
          const field = lead[key];
          if (field !== null) expect(field).toBe(field.trim());
          if (field !== null) expect(field).not.toContain('\u0000');
        }
      }),
    );
  });
});

describe('normaliseEmail', () => {
  it('lower-cases and trims, and treats empty as none', () => {
    expect(normaliseEmail(' Some.One@Contoso.COM ')).toBe('some.one@contoso.com');
    expect(normaliseEmail('')).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
  });
});
