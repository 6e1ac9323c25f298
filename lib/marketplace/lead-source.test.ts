import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLeadSource } from './lead-source';

describe('parseLeadSource', () => {
  it.each([
    [
      'AzureMarketplace-INS|checkpoint.check-point-r77-10sg-byol',
      null,
      { source: 'AzureMarketplace', action: 'INS', publisherId: 'checkpoint', offerId: 'check-point-r77-10sg-byol' },
    ],
    [
      'SPZA-PLT|docusign.3701c77e-1cfa-4c56-91e6-3ed0b622145a',
      'PLT',
      { source: 'SPZA', action: 'PLT', publisherId: 'docusign', offerId: '3701c77e-1cfa-4c56-91e6-3ed0b622145a' },
    ],
    [
      'TestDrive-StartTestDrive|bitnami.openedxcypress',
      null,
      { source: 'TestDrive', action: 'StartTestDrive', publisherId: 'bitnami', offerId: 'openedxcypress' },
    ],
    ['AzureMarketplace', 'INS', { source: 'AzureMarketplace', action: 'INS', publisherId: null, offerId: null }],
    ['AzurePortal-Create|a.b.c', null, { source: 'AzurePortal', action: 'Create', publisherId: 'a', offerId: 'b.c' }],
  ])('parses %s', (leadSource, actionCode, expected) => {
    expect(parseLeadSource(leadSource, actionCode)).toEqual(expected);
  });

  it('splits on the last bar and the first dash', () => {
    expect(parseLeadSource('Src-Act-ion|pub|lisher.off-er')).toEqual({
      source: 'Src',
      action: 'Act-ion|pub',
      publisherId: 'lisher',
      offerId: 'off-er',
    });
  });

  it('prefers the action in LeadSource over ActionCode, and falls back to ActionCode', () => {
    expect(parseLeadSource('SPZA-PLT|a.b', 'INS').action).toBe('PLT');
    expect(parseLeadSource('SPZA|a.b', 'INS').action).toBe('INS');
    expect(parseLeadSource('SPZA-|a.b', 'INS').action).toBe('INS');
  });

  it('gives known tokens their canonical spelling and keeps unknown ones as they came', () => {
    expect(parseLeadSource('spza-plt|a.b')).toMatchObject({ source: 'SPZA', action: 'PLT' });
    expect(parseLeadSource('NewChannel-Wishlist|a.b')).toMatchObject({ source: 'NewChannel', action: 'Wishlist' });
  });

  it('keeps an offer without a publisher as the offer id', () => {
    expect(parseLeadSource('MSFT_TEST_1-MSFT_TEST_1|Contoso Test')).toEqual({
      source: 'MSFT_TEST_1',
      action: 'MSFT_TEST_1',
      publisherId: null,
      offerId: 'Contoso Test',
    });
  });

  it('copes with empty and odd values', () => {
    expect(parseLeadSource(null)).toEqual({ source: null, action: null, publisherId: null, offerId: null });
    expect(parseLeadSource('')).toEqual({ source: null, action: null, publisherId: null, offerId: null });
    expect(parseLeadSource('|||')).toEqual({ source: '||', action: null, publisherId: null, offerId: null });
    expect(parseLeadSource('--')).toEqual({ source: null, action: '-', publisherId: null, offerId: null });
    expect(parseLeadSource(' SPZA - PLT | a.b ')).toEqual({
      source: 'SPZA',
      action: 'PLT',
      publisherId: 'a',
      offerId: 'b',
    });
    expect(parseLeadSource('SPZA-PLT| contoso . crm ')).toEqual({
      source: 'SPZA',
      action: 'PLT',
      publisherId: 'contoso',
      offerId: 'crm',
    });
    expect(parseLeadSource('SPZA-PLT|contoso. ')).toMatchObject({ publisherId: null, offerId: 'contoso.' });
  });

  it('round-trips any well-formed Source-Action|publisher.offer (property)', () => {
    const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/);
    const offerPart = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);
    fc.assert(
      fc.property(token, token, offerPart, offerPart, (source, action, publisher, offer) => {
        const parsed = parseLeadSource(`${source}-${action}|${publisher}.${offer}`);
        expect(parsed.publisherId).toBe(publisher);
        expect(parsed.offerId).toBe(offer);
        expect(parsed.source?.toLowerCase()).toBe(source.toLowerCase());
        expect(parsed.action?.toLowerCase()).toBe(action.toLowerCase());
      }),
    );
  });

  it('never throws and returns trimmed, non-empty tokens for any input (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'grapheme' })), fc.option(fc.string()), (leadSource, actionCode) => {
        const parsed = parseLeadSource(leadSource, actionCode);
        for (const value of Object.values(parsed)) {
          if (value !== null) {
            expect(value).toBe(value.trim());
            expect(value.length).toBeGreaterThan(0);
          }
        }
      }),
    );
  });
});
