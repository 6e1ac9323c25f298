// The role rules, through the real API: reps see their own and unassigned leads only; managers
// see and assign all; read-only keys change nothing; revoked keys and disabled people stop at once.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { anonymous, apiKeys, cli, PASSWORD, PEOPLE, signedIn, withKey } from '../support/accounts';
import { postLead, uniqueLead } from '../support/intake';

async function newLead(request: APIRequestContext, company: string) {
  const lead = uniqueLead({}, { Company: company });
  const response = await postLead(request, JSON.stringify(lead));
  expect(response.status()).toBe(201);
  return { id: (await response.json()).leadId as number, email: lead.UserDetails.Email as string };
}

test.describe.configure({ mode: 'serial' });

test('a rep cannot list, open, export or change another rep’s lead', async ({ request, baseURL }) => {
  const rep1 = await signedIn(baseURL!, PEOPLE.rep1.email);
  const rep2 = await signedIn(baseURL!, PEOPLE.rep2.email);
  const company = `Roles ${Date.now()}`;
  const mine = await newLead(request, company);
  const open = await newLead(request, company);

  // Both reps see unassigned leads; rep1 claims one.
  expect((await (await rep2.get(`/api/leads?q=${encodeURIComponent(company)}`)).json()).total).toBe(2);
  const claim = await rep1.post(`/api/leads/${mine.id}/claim`);
  expect(claim.status()).toBe(200);
  expect(await claim.json()).toMatchObject({ leadId: mine.id });

  // From now on rep2 cannot reach it by any channel: list, open, change, claim, export.
  const list = await (await rep2.get(`/api/leads?q=${encodeURIComponent(company)}`)).json();
  expect(list.rows.map((row: { id: number }) => row.id)).toEqual([open.id]);
  expect((await rep2.get(`/api/leads/${mine.id}`)).status()).toBe(404);
  expect((await rep2.patch(`/api/leads/${mine.id}`, { data: { status: 'contacted' } })).status()).toBe(404);
  expect((await rep2.post(`/api/leads/${mine.id}/claim`)).status()).toBe(404);
  const csv = await (
    await rep2.get(`/api/leads/export?q=${encodeURIComponent(company)}&cols=name,email,company`)
  ).text();
  expect(csv).not.toContain(mine.email);
  expect(csv).toContain(open.email);

  // rep1 works their own lead but cannot assign, and must claim before working an open lead.
  const status = await rep1.patch(`/api/leads/${mine.id}`, { data: { status: 'contacted' } });
  expect(status.status()).toBe(200);
  expect(await status.json()).toMatchObject({ status: 'contacted', ownerName: PEOPLE.rep1.name });
  expect((await rep1.patch(`/api/leads/${mine.id}`, { data: { ownerId: null } })).status()).toBe(403);
  expect((await rep1.patch(`/api/leads/${open.id}`, { data: { status: 'contacted' } })).status()).toBe(403);
  // A lost lead needs a reason, named as the offending field.
  const lost = await rep1.patch(`/api/leads/${mine.id}`, { data: { status: 'lost' } });
  expect(lost.status()).toBe(400);
  expect((await lost.json()).error.details).toEqual([expect.objectContaining({ field: 'lostReason' })]);

  await Promise.all([rep1.dispose(), rep2.dispose()]);
});

test('a manager sees every lead and assigns; the assignee alone among reps can then see it', async ({
  request,
  baseURL,
}) => {
  const manager = await signedIn(baseURL!, PEOPLE.manager.email);
  const rep1 = await signedIn(baseURL!, PEOPLE.rep1.email);
  const rep2 = await signedIn(baseURL!, PEOPLE.rep2.email);
  const lead = await newLead(request, `Assign ${Date.now()}`);
  const rep2Id = (await (await rep2.get('/api/auth/get-session')).json()).user.id as string;

  const assigned = await manager.patch(`/api/leads/${lead.id}`, { data: { ownerId: rep2Id } });
  expect(assigned.status()).toBe(200);
  expect(await assigned.json()).toMatchObject({ ownerId: rep2Id, ownerName: PEOPLE.rep2.name });
  expect((await rep2.get(`/api/leads/${lead.id}`)).status()).toBe(200);
  expect((await rep1.get(`/api/leads/${lead.id}`)).status()).toBe(404);
  expect((await manager.get(`/api/leads/${lead.id}`)).status()).toBe(200);
  // Assigning to nobody real is refused, naming the field.
  const bogus = await manager.patch(`/api/leads/${lead.id}`, { data: { ownerId: 'no-such-user' } });
  expect(bogus.status()).toBe(400);
  expect((await bogus.json()).error.details[0].field).toBe('ownerId');

  await Promise.all([manager.dispose(), rep1.dispose(), rep2.dispose()]);
});

test('a read-only key reads and exports but cannot change anything; a manager key can', async ({
  request,
  baseURL,
}) => {
  const keys = apiKeys();
  const reader = await withKey(baseURL!, keys.reader);
  const managerKey = await withKey(baseURL!, keys.manager);
  const lead = await newLead(request, `Keys ${Date.now()}`);

  expect((await reader.get(`/api/leads/${lead.id}`)).status()).toBe(200);
  expect((await reader.get('/api/leads/export')).status()).toBe(200);
  expect((await reader.patch(`/api/leads/${lead.id}`, { data: { status: 'qualified' } })).status()).toBe(403);
  expect((await reader.post(`/api/leads/${lead.id}/claim`)).status()).toBe(403);
  const changed = await managerKey.patch(`/api/leads/${lead.id}`, { data: { status: 'nurturing' } });
  expect(changed.status()).toBe(200);
  expect(await changed.json()).toMatchObject({ status: 'nurturing' });

  await Promise.all([reader.dispose(), managerKey.dispose()]);
});

test('a revoked key is refused at once', async ({ baseURL }) => {
  const keys = apiKeys();
  const client = await withKey(baseURL!, keys.revoked);
  expect((await client.get('/api/leads')).status()).toBe(200);
  await cli('api-key', ['revoke', '--id', String(keys.revokedId)]);
  expect((await client.get('/api/leads')).status()).toBe(401);
  await client.dispose();
});

test('a disabled person is signed out at once and cannot sign in', async ({ baseURL }) => {
  const leaver = await signedIn(baseURL!, PEOPLE.leaver.email);
  expect((await leaver.get('/api/leads')).status()).toBe(200);
  await cli('user', ['disable', '--email', PEOPLE.leaver.email]);
  expect((await leaver.get('/api/leads')).status()).toBe(401);
  const again = await anonymous(baseURL!);
  const refused = await again.post('/api/auth/sign-in/email', {
    data: { email: PEOPLE.leaver.email, password: PASSWORD },
    headers: { origin: baseURL! },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).message).toMatch(/disabled/i);
  await Promise.all([leaver.dispose(), again.dispose()]);
});

test('repeated failed sign-ins are throttled with a clear message', async ({ baseURL }) => {
  const client = await anonymous(baseURL!);
  const attempt = () =>
    client.post('/api/auth/sign-in/email', {
      data: { email: 'guessing@e2e.test', password: 'wrong-password-123' },
      headers: { origin: baseURL! },
    });
  for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBe(401);
  const throttled = await attempt();
  expect(throttled.status()).toBe(429);
  expect((await throttled.json()).message).toMatch(
    /Too many failed sign-ins for this account\. Try again in \d+ minutes?\./,
  );
  await client.dispose();
});

test('admin-only pages do not exist for reps', async ({ baseURL }) => {
  const rep = await signedIn(baseURL!, PEOPLE.rep1.email);
  for (const url of ['/settings/users', '/settings/keys', '/settings/audit']) {
    expect((await rep.get(url)).status(), url).toBe(404);
  }
  await rep.dispose();
});
