import http from 'node:http';
import { expect, test } from '@playwright/test';
import { loadIntakeFixtures } from '../../lib/testing/fixtures';
import { E2E_INTAKE_KEY, E2E_PORT } from '../../playwright.config';
import { INTAKE_PATH, intakeUrl, postLead, uniqueLead } from '../support/intake';

test.describe('shared intake fixtures', () => {
  for (const fixture of loadIntakeFixtures()) {
    test(`${fixture.name}: ${fixture.description}`, async ({ request }) => {
      const response = await postLead(request, fixture.body);
      expect(response.status()).toBe(fixture.expect.status);
      const body = await response.json();
      if (fixture.expect.status >= 400) {
        expect(body.error.code).toEqual(expect.any(String));
        expect(body.error.message).toEqual(expect.any(String));
        return;
      }
      // Fixtures may be posted by other runs: a retry of the same payload is fine here.
      expect(body).toMatchObject({ leadId: expect.any(Number), eventId: expect.any(Number) });
      const lead = await (await request.get(`/api/leads/${body.leadId}`)).json();
      expect(lead).toMatchObject(fixture.expect.lead ?? {});
    });
  }
});

test.describe('POST /api/intake/marketplace', () => {
  test('201 with the lead and event ids, then 200 duplicate for a retry', async ({ request }) => {
    const payload = JSON.stringify(uniqueLead());
    const first = await postLead(request, payload);
    expect(first.status()).toBe(201);
    const created = await first.json();
    expect(created).toEqual({ leadId: expect.any(Number), eventId: expect.any(Number), duplicate: false });

    const retry = await postLead(request, payload);
    expect(retry.status()).toBe(200);
    expect(await retry.json()).toEqual({ duplicate: true, leadId: created.leadId, eventId: created.eventId });

    const lead = await (await request.get(`/api/leads/${created.leadId}`)).json();
    expect(lead.events).toHaveLength(1);
  });

  test('groups a journey into one lead and advances its stage', async ({ request }) => {
    const base = uniqueLead();
    const offer = base.LeadSource.split('|')[1];
    const ids = [];
    for (const action of ['PLT', 'StartTestDrive', 'INS']) {
      const response = await postLead(
        request,
        JSON.stringify({ ...base, LeadSource: `SPZA-${action}|${offer}`, ActionCode: action }),
      );
      expect(response.status()).toBe(201);
      ids.push((await response.json()).leadId);
    }
    expect(new Set(ids).size).toBe(1);
    const lead = await (await request.get(`/api/leads/${ids[0]}`)).json();
    expect(lead).toMatchObject({ stage: 'acquired', action: 'INS', status: 'new', eventCount: 3 });
    expect(lead.events.map((event: { action: string }) => event.action)).toEqual(['PLT', 'StartTestDrive', 'INS']);
  });

  test('accepts any or no Content-Type, keys in any case, numbers as strings and full Unicode', async ({ request }) => {
    const body = JSON.stringify({
      userdetails: { firstname: '李雷', LASTNAME: '🚀', email: `li.${Date.now()}@example.cn`, phone: 8613800000000 },
      leadsource: 'spza-plt|contoso.unicode',
    });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const response = await request.post(intakeUrl(), {
        data: Buffer.from(body),
        headers: { 'content-type': contentType },
      });
      expect([200, 201]).toContain(response.status());
      const { leadId } = await response.json();
      const lead = await (await request.get(`/api/leads/${leadId}`)).json();
      expect(lead).toMatchObject({
        firstName: '李雷',
        lastName: '🚀',
        phone: '8613800000000',
        source: 'SPZA',
        action: 'PLT',
      });
    }
  });

  test('accepts the key as a Bearer token', async ({ request }) => {
    const response = await request.post(INTAKE_PATH, {
      data: uniqueLead(),
      headers: { authorization: `Bearer ${E2E_INTAKE_KEY}` },
    });
    expect(response.status()).toBe(201);
  });

  test('401 for a missing or wrong key, and nothing is stored', async ({ request }) => {
    const lead = uniqueLead();
    const missing = await request.post(INTAKE_PATH, { data: lead });
    expect(missing.status()).toBe(401);
    expect((await missing.json()).error.code).toBe('unauthorized');
    expect(missing.headers()['www-authenticate']).toContain('Bearer');
    const wrong = await postLead(request, JSON.stringify(lead), { key: `${E2E_INTAKE_KEY}x` });
    expect(wrong.status()).toBe(401);
    const search = await (await request.get(`/api/leads?q=${encodeURIComponent(lead.UserDetails.Email)}`)).json();
    expect(search.total).toBe(0);
  });

  test('400 for a body that is not JSON, naming the problem', async ({ request }) => {
    for (const body of ['', '{"UserDetails": {', 'not json at all', '{"a":1,}']) {
      const response = await postLead(request, body);
      expect(response.status()).toBe(400);
      expect((await response.json()).error.code).toBe('invalid_json');
    }
    const invalidUtf8 = await postLead(request, Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    expect(invalidUtf8.status()).toBe(400);
  });

  test('422 for JSON that is not a lead, naming the fields', async ({ request }) => {
    const cases: [unknown, string[]][] = [
      [[], ['(body)']],
      ['a string', ['(body)']],
      [{ something: 'else' }, ['UserDetails', 'LeadSource']],
      [{ UserDetails: { FirstName: { a: 1 } }, LeadSource: 'SPZA' }, ['UserDetails.FirstName']],
      [{ UserDetails: 'John', LeadSource: 'SPZA' }, ['UserDetails']],
      [{ LeadSource: ['SPZA'] }, ['LeadSource']],
    ];
    for (const [body, fields] of cases) {
      const response = await postLead(request, JSON.stringify(body));
      expect(response.status()).toBe(422);
      const error = (await response.json()).error;
      expect(error.code).toBe('invalid_lead');
      expect(error.details.map((detail: { field: string }) => detail.field)).toEqual(fields);
    }
  });

  test('413 for a body over 64 KiB, whether declared or streamed', async ({ request }) => {
    const big = JSON.stringify(uniqueLead({ Description: 'x'.repeat(70 * 1024) }));
    const declared = await postLead(request, big);
    expect(declared.status()).toBe(413);
    expect((await declared.json()).error.code).toBe('payload_too_large');

    // Chunked, with no Content-Length: the server must stop reading and answer 413.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: E2E_PORT,
          path: intakeUrl(),
          method: 'POST',
          headers: { 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (error) =>
        error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error),
      );
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 64) {
          sent++;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  test('405 for other methods', async ({ request }) => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await request.fetch(intakeUrl(), { method });
      expect(response.status()).toBe(405);
      expect(response.headers()['allow']).toBe('POST');
      expect((await response.json()).error.code).toBe('method_not_allowed');
    }
  });

  test('test leads are stored and marked but hidden from default lists', async ({ request }) => {
    const marker = `MSFT_TEST_${Date.now()}`;
    const response = await postLead(
      request,
      JSON.stringify({
        userDetails: { FirstName: marker, Email: `${marker}@test.com` },
        LeadSource: 'AzureMarketplace',
        ActionCode: 'INS',
        OfferTitle: 'Contoso Test',
      }),
    );
    expect(response.status()).toBe(201);
    const { leadId } = await response.json();
    expect(await (await request.get(`/api/leads/${leadId}`)).json()).toMatchObject({ isTest: true });
    const hidden = await (await request.get(`/api/leads?q=${marker}`)).json();
    expect(hidden.total).toBe(0);
    const shown = await (await request.get(`/api/leads?q=${marker}&includeTest=true`)).json();
    expect(shown.rows.map((row: { id: number }) => row.id)).toEqual([leadId]);
  });
});

test.describe('read API', () => {
  test('GET /api/leads filters, sorts and paginates', async ({ request }) => {
    const company = `Fabrikam ${Date.now()}`;
    for (const [i, action] of ['PLT', 'INS', 'Create'].entries()) {
      const lead = uniqueLead(
        { LeadSource: `AzureMarketplace-${action}|fabrikam.api-${company.length}`, ActionCode: action },
        { Company: company, LastName: `Name${i}` },
      );
      expect((await postLead(request, JSON.stringify(lead))).status()).toBe(201);
    }
    const all = await (await request.get(`/api/leads?q=${encodeURIComponent(company)}&sort=name&pageSize=2`)).json();
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 2, pageCount: 2 });
    expect(all.rows.map((row: { lastName: string }) => row.lastName)).toEqual(['Name0', 'Name1']);
    const second = await (
      await request.get(`/api/leads?q=${encodeURIComponent(company)}&sort=name&pageSize=2&page=2`)
    ).json();
    expect(second.rows.map((row: { lastName: string }) => row.lastName)).toEqual(['Name2']);
    const ins = await (
      await request.get(`/api/leads?q=${encodeURIComponent(company)}&action=INS,Create&source=AzureMarketplace`)
    ).json();
    expect(ins.total).toBe(2);
    const none = await (await request.get(`/api/leads?q=${encodeURIComponent(company)}&status=won`)).json();
    expect(none.total).toBe(0);
    const row = all.rows[0];
    for (const field of [
      'source',
      'action',
      'publisherId',
      'offerId',
      'offerTitle',
      'firstName',
      'lastName',
      'email',
      'phone',
      'country',
      'company',
      'title',
      'description',
      'isTest',
      'doNotContact',
      'status',
      'stage',
      'receivedAt',
    ]) {
      expect(row).toHaveProperty(field);
    }
  });

  test('GET /api/leads answers 400 naming bad parameters', async ({ request }) => {
    const response = await request.get('/api/leads?sort=password&page=0&bogus=1');
    expect(response.status()).toBe(400);
    const fields = (await response.json()).error.details.map((detail: { field: string }) => detail.field).sort();
    expect(fields).toEqual(['bogus', 'page', 'sort']);
  });

  test('GET /api/leads/{id} answers 404 for an unknown lead and 400 for a bad id', async ({ request }) => {
    expect((await request.get('/api/leads/999999999')).status()).toBe(404);
    expect((await request.get('/api/leads/abc')).status()).toBe(400);
    expect((await request.get('/api/leads/-1')).status()).toBe(400);
  });

  test('GET /api/health reports the database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: { ok: true, migrations: expect.any(Number) },
    });
  });
});
