import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  countryCode,
  countryFromInput,
  countryKey,
  countryLabel,
  countryName,
  normaliseCountry,
} from './country';

describe('normaliseCountry', () => {
  it.each([
    ['US', 'US'],
    ['USA', 'US'],
    ['usa', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['u.s.a', 'US'],
    [' us ', 'US'],
    ['United States', 'US'],
    ['united states of america', 'US'],
    ['UNITED STATES', 'US'],
    ['United  States', 'US'],
    ['The United States', 'US'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['GBR', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Deutschland', 'DE'],
    ['germany', 'DE'],
    ['DEU', 'DE'],
    ['de', 'DE'],
    ['Österreich', 'AT'],
    ['Osterreich', 'AT'],
    ['ÖSTERREICH', 'AT'],
    ['Côte d’Ivoire', 'CI'],
    ["Cote d'Ivoire", 'CI'],
    ['Ivory Coast', 'CI'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Korea, Republic of', 'KR'],
    ['South Korea', 'KR'],
    ['North Korea', 'KP'],
    ['Russian Federation', 'RU'],
    ['Viet Nam', 'VN'],
    ['Bosnia & Herzegovina', 'BA'],
    ['Trinidad and Tobago', 'TT'],
    ['St. Lucia', 'LC'],
    ['Saint Lucia', 'LC'],
    ['St Kitts & Nevis', 'KN'],
    ['The Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['Czech Republic', 'CZ'],
    ['UAE', 'AE'],
    ['São Tomé and Príncipe', 'ST'],
    ['Sao Tome & Principe', 'ST'],
    ['Democratic Republic of the Congo', 'CD'],
    ['Republic of the Congo', 'CG'],
    ['Kosovo', 'XK'],
    ['Hungary', 'HU'],
    ['HU', 'HU'],
  ])('%j is %s', (sent, code) => {
    expect(normaliseCountry(sent)).toBe(code);
  });

  it.each([
    ['Atlantis', 'Atlantis'],
    ['  Atlantis  ', 'Atlantis'],
    ['ZZ', 'ZZ'],
    ['zz', 'zz'],
    ['Dash-abc123', 'Dash-abc123'],
    ['Georgia (US)', 'Georgia (US)'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['Côte d’Ivoire!', 'CI'],
  ])('%j, naming no country or with stray punctuation, is %j', (sent, stored) => {
    expect(normaliseCountry(sent)).toBe(stored);
  });

  it('reads nothing as null', () => {
    expect(normaliseCountry(null)).toBeNull();
    expect(normaliseCountry(undefined)).toBeNull();
    expect(normaliseCountry('')).toBeNull();
    expect(normaliseCountry('   ')).toBeNull();
  });

  it('knows every country by code, alpha-3 and name, and no spelling names two countries', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRIES.map((country) => country.code)).size).toBe(COUNTRIES.length);
    expect(new Set(COUNTRIES.map((country) => country.alpha3)).size).toBe(COUNTRIES.length);
    for (const country of COUNTRIES) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(country.alpha3).toMatch(/^[A-Z]{3}$/);
      for (const spelling of [country.code, country.alpha3, country.name, ...country.aliases])
        expect(countryCode(spelling), spelling).toBe(country.code);
    }
  });

  it('has a code for every region the platform names (alpha-2 checked against Intl)', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const country of COUNTRIES) expect(names.of(country.code), country.code).not.toBe(country.code);
  });

  it('finds a country whatever the case, spacing and punctuation (property)', () => {
    const spelling = fc.constantFrom(
      ...COUNTRIES.flatMap((country) =>
        [country.code, country.alpha3, country.name, ...country.aliases].map((text) => ({ text, code: country.code })),
      ),
    );
    const decorate = fc.record({
      upper: fc.array(fc.boolean(), { maxLength: 60 }),
      before: fc.constantFrom('', ' ', '  ', '\t'),
      after: fc.constantFrom('', ' ', '.', ' \n'),
      dots: fc.boolean(),
    });
    fc.assert(
      fc.property(spelling, decorate, ({ text, code }, { upper, before, after, dots }) => {
        let sent = [...text].map((char, index) => (upper[index] ? char.toUpperCase() : char.toLowerCase())).join('');
        if (dots && /^[a-z]{2,3}$/i.test(sent)) sent = [...sent].join('.');
        expect(normaliseCountry(`${before}${sent}${after}`)).toBe(code);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps what names no country as sent, trimmed, and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (sent) => {
        const stored = normaliseCountry(sent);
        if (stored === null) expect(sent.trim()).toBe('');
        else if (countryCode(sent.trim()) === null) expect(stored).toBe(sent.trim());
        else expect(stored).toMatch(/^[A-Z]{2}$/);
        expect(normaliseCountry(stored)).toBe(stored);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('countryKey', () => {
  it('drops accents, case, punctuation, a leading "the" and spells Saint as St', () => {
    expect(countryKey('The Gambia')).toBe('gambia');
    expect(countryKey('Saint-Martin')).toBe('stmartin');
    expect(countryKey('Åland Islands')).toBe('alandislands');
    expect(countryKey('the')).toBe('the');
  });
});

describe('labels', () => {
  it('names codes and leaves other values alone', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('USA')).toBeNull();
    expect(countryLabel('US')).toBe('United States (US)');
    expect(countryLabel('GB')).toBe('United Kingdom (GB)');
    expect(countryLabel('Atlantis')).toBe('Atlantis');
  });

  it('reads a filter input: codes, names and our own labels pasted back', () => {
    expect(countryFromInput('United States (US)')).toBe('US');
    expect(countryFromInput('united kingdom')).toBe('GB');
    expect(countryFromInput('usa')).toBe('US');
    expect(countryFromInput(' Atlantis ')).toBe('Atlantis');
    expect(countryFromInput('Somewhere (ZZ)')).toBe('Somewhere (ZZ)');
    expect(countryFromInput('  ')).toBeNull();
  });
});
