import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { ACCEPTABLE_STATUSES, fuzzBody } from '../../lib/testing/fuzz-bodies';
import { postLead, uniqueLead } from '../support/intake';

// A sample of the fuzz corpus over HTTP against the production server (the full 10,000 run
// through the same handler in process: lib/intake/route-fuzz.test.ts).

test('random and malformed bodies never yield a 5xx from the production server', async ({ request }) => {
  test.setTimeout(180_000);
  const samples = fc.sample(fuzzBody, { numRuns: 600, seed: 42 });
  let next = 0;
  async function sender() {
    while (next < samples.length) {
      const sample = samples[next++]!;
      const response = await postLead(request, sample);
      expect(ACCEPTABLE_STATUSES, `body: ${String(sample).slice(0, 200)}`).toContain(response.status());
    }
  }
  await Promise.all(Array.from({ length: 4 }, sender));
  expect((await request.get('/api/health')).status()).toBe(200);
  expect((await postLead(request, JSON.stringify(uniqueLead()))).status()).toBe(201);
});
