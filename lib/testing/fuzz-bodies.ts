import fc from 'fast-check';

// Random and malformed webhook bodies, shared by the in-process fuzz (10,000 through the route
// handler) and the HTTP fuzz against the production server.

const fieldValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '=HYPERLINK("x")',
    "'; DROP TABLE leads; --",
    '|||',
    '--',
    'MSFT_TEST_1',
    '\u0000',
  ),
);
const keyName = fc.constantFrom(
  'UserDetails',
  'userDetails',
  'USERDETAILS',
  'LeadSource',
  'leadsource',
  'ActionCode',
  'OfferTitle',
  'Description',
  '__proto__',
  'constructor',
);
const detailName = fc.constantFrom(
  'FirstName',
  'firstname',
  'LastName',
  'Email',
  'EMAIL',
  'Phone',
  'Country',
  'Company',
  'Title',
  '__proto__',
);

const leadShaped = fc
  .record({
    details: fc.dictionary(detailName, fieldValue, { maxKeys: 7 }),
    top: fc.dictionary(keyName, fieldValue, { maxKeys: 6 }),
  })
  .map(({ details, top }) => JSON.stringify({ ...top, UserDetails: details }));

export const fuzzBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  { weight: 4, arbitrary: leadShaped },
  { weight: 2, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: leadShaped.map((text) => text.slice(0, Math.max(0, text.length - 3))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
);

/** The statuses a webhook may answer a body with: stored, retry, not JSON, not a lead. */
export const ACCEPTABLE_STATUSES = [200, 201, 400, 422];
