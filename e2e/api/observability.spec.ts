// Request ids and the health check's schema version, against the production server. (What the
// server writes to its log is checked after the whole run by `npm run test:logs`.)
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { anonymous } from '../support/accounts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('every API request and page gets a request id, returned once as X-Request-Id', async ({ baseURL }) => {
  const client = await anonymous(baseURL!);
  for (const url of ['/api/health', '/api/leads', '/sign-in', '/leads']) {
    const response = await client.get(url, { maxRedirects: 0 });
    expect(response.headers()['x-request-id'], url).toMatch(UUID);
  }
  const a = await client.get('/api/health');
  const b = await client.get('/api/health');
  expect(a.headers()['x-request-id']).not.toBe(b.headers()['x-request-id']);
  await client.dispose();
});

test("a caller's well-formed X-Request-Id is kept; anything else is replaced", async ({ baseURL }) => {
  const client = await anonymous(baseURL!);
  const kept = await client.get('/api/leads', { headers: { 'x-request-id': 'lb-7f3a.42:abc' } });
  expect(kept.status()).toBe(401);
  expect(kept.headers()['x-request-id']).toBe('lb-7f3a.42:abc');
  for (const bad of ['x'.repeat(200), 'has spaces in it', 'someone@contoso.example', `mla_${'a'.repeat(32)}`]) {
    const response = await client.get('/api/health', { headers: { 'x-request-id': bad } });
    expect(response.headers()['x-request-id'], bad).toMatch(UUID);
  }
  await client.dispose();
});

test('GET /api/health reports the schema version: every shipped migration applied, the latest by tag and hash', async ({
  baseURL,
}) => {
  const client = await anonymous(baseURL!);
  const response = await client.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  const body = await response.json();
  const shipped = fs
    .readdirSync(path.resolve('db/migrations'))
    .filter((file) => file.endsWith('.sql'))
    .sort();
  expect(body).toMatchObject({
    status: 'ok',
    database: {
      ok: true,
      migrations: shipped.length,
      schema: {
        applied: shipped.length,
        available: shipped.length,
        latest: { tag: shipped.at(-1)!.replace(/\.sql$/, ''), hash: expect.stringMatching(/^[0-9a-f]{12}$/) },
        pending: [],
        upToDate: true,
      },
    },
  });
  // Unauthenticated, so nothing personal: counts, tags, hashes and times only.
  expect(JSON.stringify(body)).not.toMatch(/@/);
  await client.dispose();
});
