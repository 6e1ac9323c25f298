import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { postLead, uniqueLead } from '../support/intake';

// 10,000 random and malformed bodies: every answer is a 2xx or a clear 4xx, never a 5xx.

const fieldValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
  fc.constantFrom('<script>alert(1)</script>', '=HYPERLINK("x")', "'; DROP TABLE leads; --", '|||', '--', 'MSFT_TEST_1', '\u0000'),
);
const keyName = fc.constantFrom('UserDetails', 'userDetails', 'USERDETAILS', 'LeadSource', 'leadsource', 'ActionCode', 'OfferTitle', 'Description', '__proto__', 'constructor');
const detailName = fc.constantFrom('FirstName', 'firstname', 'LastName', 'Email', 'EMAIL', 'Phone', 'Country', 'Company', 'Title', '__proto__');

const leadShaped = fc
  .record({
    details: fc.dictionary(detailName, fieldValue, { maxKeys: 7 }),
    top: fc.dictionary(keyName, fieldValue, { maxKeys: 6 }),
  })
  .map(({ details, top }) => JSON.stringify({ ...top, UserDetails: details }));

const body = fc.oneof(
  { weight: 4, arbitrary: leadShaped },
  { weight: 2, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: leadShaped.map((text) => text.slice(0, Math.max(0, text.length - 3))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
);

test('10,000 random and malformed bodies never yield a 5xx', async ({ request }) => {
  test.setTimeout(300_000);
  const samples = fc.sample(body, { numRuns: 10_000, seed: 20261123 });
  const statuses = new Map<number, number>();
  let next = 0;
  async function sender() {
    while (next < samples.length) {
      const sample = samples[next++]!;
      const response = await postLead(request, sample);
      const status = response.status();
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status, `body: ${String(sample).slice(0, 200)}`).toBeLessThan(500);
      expect([200, 201, 400, 422]).toContain(status);
    }
  }
  await Promise.all(Array.from({ length: 8 }, sender));
  console.log('fuzz status counts', Object.fromEntries(statuses));
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
  // The server is still healthy and still takes real leads.
  expect((await request.get('/api/health')).status()).toBe(200);
  expect((await postLead(request, JSON.stringify(uniqueLead()))).status()).toBe(201);
});
