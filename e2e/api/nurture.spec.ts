// Working a lead through the API: touches (validation naming fields, do-not-contact, scope),
// follow-ups, and closing as lost with few touches.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { anonymous, apiKeys, PEOPLE, signedIn, withKey } from '../support/accounts';
import { postLead, uniqueLead } from '../support/intake';

async function newLead(request: APIRequestContext, overrides: Record<string, unknown> = {}): Promise<number> {
  const response = await postLead(request, JSON.stringify(uniqueLead(overrides)));
  expect(response.status()).toBe(201);
  return (await response.json()).leadId as number;
}

const fields = async (response: import('@playwright/test').APIResponse) =>
  ((await response.json()).error.details ?? []).map((detail: { field: string }) => detail.field);

test('POST /api/leads/{id}/touches names bad fields, logs a touch, and keeps to the rep’s scope', async ({
  request,
  baseURL,
}) => {
  const rep1 = await signedIn(baseURL!, PEOPLE.rep1.email);
  const rep2 = await signedIn(baseURL!, PEOPLE.rep2.email);
  const id = await newLead(request);
  expect((await rep1.post(`/api/leads/${id}/claim`)).status()).toBe(200);
  const touches = `/api/leads/${id}/touches`;

  const bad = await rep1.post(touches, { data: { kind: 'fax', note: 5, touchedAt: 'yesterday' } });
  expect(bad.status()).toBe(400);
  expect(await fields(bad)).toEqual(['kind', 'note', 'touchedAt']);
  const unknown = await rep1.post(touches, { data: { kind: 'email', channel: 'x' } });
  expect(unknown.status()).toBe(400);
  expect(await fields(unknown)).toEqual(['channel']);
  const future = await rep1.post(touches, {
    data: { kind: 'call', touchedAt: new Date(Date.now() + 3_600_000).toISOString() },
  });
  expect(future.status()).toBe(400);
  expect(await fields(future)).toEqual(['touchedAt']);
  const notJson = await rep1.post(touches, {
    data: Buffer.from('{kind'),
    headers: { 'content-type': 'application/json' },
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.code).toBe('invalid_json');

  // Another rep: the lead does not exist for them, by any method.
  expect((await rep2.post(touches, { data: { kind: 'email' } })).status()).toBe(404);
  expect((await rep2.get(touches)).status()).toBe(404);

  const logged = await rep1.post(touches, { data: { kind: 'email', note: 'Intro sent' } });
  expect(logged.status()).toBe(201);
  expect(await logged.json()).toMatchObject({ leadId: id, status: 'contacted', touchCount: 1 });
  const list = await (await rep1.get(touches)).json();
  expect(list.rows).toEqual([
    expect.objectContaining({ kind: 'email', note: 'Intro sent', authorLabel: PEOPLE.rep1.name }),
  ]);
  const lead = await (await rep1.get(`/api/leads/${id}`)).json();
  expect(lead).toMatchObject({ status: 'contacted', touchCount: 1 });
  expect(lead.firstTouchAt).toBeTruthy();

  // No credentials, a read-only key, a wrong method.
  expect((await (await anonymous(baseURL!)).post(touches, { data: { kind: 'email' } })).status()).toBe(401);
  expect((await (await withKey(baseURL!, apiKeys().reader)).post(touches, { data: { kind: 'email' } })).status()).toBe(
    403,
  );
  expect((await rep1.delete(touches)).status()).toBe(405);
  await Promise.all([rep1.dispose(), rep2.dispose()]);
});

test('a do-not-contact lead refuses touches and follow-ups with a clear 409', async ({ baseURL, request }) => {
  const manager = await signedIn(baseURL!, PEOPLE.manager.email);
  const id = await newLead(request, { LeadSource: `SPZA-DNC|contoso.dnc-api-${Date.now()}`, ActionCode: 'DNC' });

  const touch = await manager.post(`/api/leads/${id}/touches`, { data: { kind: 'call' } });
  expect(touch.status()).toBe(409);
  expect((await touch.json()).error).toMatchObject({
    code: 'conflict',
    message: expect.stringMatching(/asked not to be contacted/),
  });
  const followUp = await manager.patch(`/api/leads/${id}`, {
    data: { nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  expect(followUp.status()).toBe(409);
  expect((await (await manager.get(`/api/leads/${id}`)).json()).touchCount).toBe(0);
  await manager.dispose();
});

test('PATCH sets and clears a follow-up, and closing as lost with few touches needs confirmFewTouches', async ({
  baseURL,
  request,
}) => {
  const manager = await signedIn(baseURL!, PEOPLE.manager.email);
  const id = await newLead(request);
  const at = new Date(Date.now() + 2 * 86_400_000);
  at.setUTCMilliseconds(0);

  const badDate = await manager.patch(`/api/leads/${id}`, { data: { nextFollowUpAt: 'next tuesday' } });
  expect(badDate.status()).toBe(400);
  expect(await fields(badDate)).toEqual(['nextFollowUpAt']);
  const set = await manager.patch(`/api/leads/${id}`, { data: { nextFollowUpAt: at.toISOString() } });
  expect(set.status()).toBe(200);
  expect((await set.json()).nextFollowUpAt).toBe(at.toISOString());
  const cleared = await manager.patch(`/api/leads/${id}`, { data: { nextFollowUpAt: null } });
  expect((await cleared.json()).nextFollowUpAt).toBeNull();

  const lost = { status: 'lost', lostReason: 'No budget this year' };
  const asked = await manager.patch(`/api/leads/${id}`, { data: lost });
  expect(asked.status()).toBe(409);
  const { error } = await asked.json();
  expect(error).toMatchObject({
    code: 'confirmation_required',
    details: [expect.objectContaining({ field: 'confirmFewTouches' })],
  });
  expect(error.message).toMatch(/^Only 0 touches so far\./);
  const closed = await manager.patch(`/api/leads/${id}`, { data: { ...lost, confirmFewTouches: true } });
  expect(closed.status()).toBe(200);
  expect((await closed.json()).status).toBe('lost');
  await manager.dispose();
});

test('only admins reach Settings → Qualification', async ({ baseURL }) => {
  const manager = await signedIn(baseURL!, PEOPLE.manager.email);
  const rep = await signedIn(baseURL!, PEOPLE.rep1.email);
  expect((await manager.get('/settings/qualification')).status()).toBe(404);
  expect((await rep.get('/settings/qualification')).status()).toBe(404);
  await Promise.all([manager.dispose(), rep.dispose()]);
});
