// The hostile corpus (e2e/fixtures/hostile-corpus.ts) against the production server: every case gets
// its expected answer — a correct 2xx or a clear 4xx with the one error shape, never a 5xx — what
// was accepted reads back as sent, what was refused left nothing behind, and the server stays
// healthy after each case and after the whole corpus.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_INTAKE_KEY, E2E_PORT } from '../../playwright.config';
import {
  bodyOf,
  HOSTILE_CORPUS,
  statusesOf,
  uniqueFor,
  type HostileCase,
  type Keys,
  type Unique,
} from '../fixtures/hostile-corpus';
import { apiKeys } from '../support/accounts';
import { INTAKE_PATH } from '../support/intake';
import { deliver } from '../support/raw-http';

// Unique per worker process and run, letters and digits only (the search index must find it).
const RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;

function keysNow(): Keys {
  const api = apiKeys();
  return { valid: E2E_INTAKE_KEY, revoked: api.revoked, apiKey: api.reader };
}

function send(item: HostileCase, body: Buffer, keys: Keys) {
  const query =
    item.query?.(keys) ??
    {
      query: `?key=${encodeURIComponent(keys.valid)}`,
      bearer: '',
      none: '',
      wrong: '?key=wrong-key-0123456789',
      revoked: `?key=${encodeURIComponent(keys.revoked)}`,
      'api-key': `?key=${encodeURIComponent(keys.apiKey)}`,
    }[item.key ?? 'query'];
  const headers: Record<string, string> = { 'content-type': 'application/json', ...item.headers };
  const authorization = item.authorization?.(keys) ?? (item.key === 'bearer' ? `Bearer ${keys.valid}` : undefined);
  if (authorization !== undefined) headers.authorization = authorization;
  return deliver({
    port: E2E_PORT,
    path: `${INTAKE_PATH}${query}`,
    method: item.method ?? 'POST',
    headers,
    body,
    transport: item.transport,
  });
}

async function expectNothingStored(request: APIRequestContext, u: Unique) {
  const found = await (await request.get(`/api/leads?q=${u.tag}&includeTest=true`)).json();
  expect(found.total, `a refused delivery left lead(s) behind for ${u.tag}`).toBe(0);
}

test.describe('hostile deliveries to the intake webhook', () => {
  for (const [index, item] of HOSTILE_CORPUS.entries()) {
    test(`${item.group}: ${item.name}`, async ({ request }) => {
      const keys = keysNow();
      const u = uniqueFor(RUN, index);
      let primeId: number | undefined;
      if (item.prime) {
        const primed = await send(
          { ...item, transport: undefined, headers: undefined },
          Buffer.from(item.prime(u)),
          keys,
        );
        expect(primed.status, primed.text).toBe(201);
        primeId = JSON.parse(primed.text).leadId;
      }
      const body = bodyOf(item.body, u);
      const answer = await send(item, body, keys);
      expect(statusesOf(item.expect), `${item.why} — got ${answer.status}: ${answer.text.slice(0, 300)}`).toContain(
        answer.status,
      );

      if (answer.status === null) {
        await expectNothingStored(request, u);
      } else if (answer.status >= 400) {
        expect(answer.headers['content-type']).toContain('application/json');
        const { error } = JSON.parse(answer.text);
        expect(error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        expect(Object.keys(error).every((key) => ['code', 'message', 'details'].includes(key))).toBe(true);
        if (item.expect.code) expect(error.code).toBe(item.expect.code);
        if (item.expect.fields)
          expect(error.details.map((detail: { field: string }) => detail.field)).toEqual(item.expect.fields);
        if (error.details) {
          for (const detail of error.details)
            expect(detail).toEqual({ field: expect.any(String), message: expect.any(String) });
        }
        if (item.expect.samePrimeLead === undefined) await expectNothingStored(request, u);
      } else {
        const result = JSON.parse(answer.text);
        expect(result).toEqual({
          leadId: expect.any(Number),
          eventId: expect.any(Number),
          duplicate: answer.status === 200,
        });
        if (item.expect.samePrimeLead) expect(result.leadId).toBe(primeId);
        const stored = await request.get(`/api/leads/${result.leadId}`);
        expect(stored.status()).toBe(200);
        const lead = await stored.json();
        if (item.expect.lead) expect(lead).toMatchObject(item.expect.lead(u));
        // The raw body is kept byte for byte (read back as the server decodes it for display).
        const event = lead.events.find((candidate: { id: number }) => candidate.id === result.eventId);
        expect(event, 'the answer names an event of this lead').toBeTruthy();
        if (answer.status === 201) expect(event.rawBody).toBe(new TextDecoder().decode(body));
      }

      const health = await request.get('/api/health');
      expect(health.status(), 'the server stays healthy').toBe(200);
    });
  }

  test.afterAll(async () => {
    const health = await fetch(`http://127.0.0.1:${E2E_PORT}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });
});
