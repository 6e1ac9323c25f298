// The lead page: the customer, the journey with raw payloads, do-not-contact, claim and status.
import { expect, test } from '@playwright/test';
import { PASSWORD, PEOPLE } from '../support/accounts';
import { postLead, uniqueLead } from '../support/intake';

test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: import('@playwright/test').Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

test('a rep claims a lead, closes it as lost with a reason, and the history shows who did it', async ({ page, request }) => {
  const lead = uniqueLead({ Description: 'Line one\nLine <b>two</b>' }, { FirstName: 'Jordan', LastName: 'Journey' });
  const created = await (await postLead(request, JSON.stringify(lead))).json();
  await postLead(request, JSON.stringify({ ...lead, LeadSource: lead.LeadSource.replace('SPZA-PLT', 'SPZA-StartTestDrive'), ActionCode: 'StartTestDrive' }));

  await signIn(page, PEOPLE.rep1.email);
  await page.goto(`/leads/${created.leadId}`);
  await expect(page.getByRole('heading', { name: 'Jordan Journey' })).toBeVisible();
  const journey = page.getByRole('list', { name: 'Journey' });
  await expect(journey.getByRole('listitem')).toHaveCount(2);
  // Customer text is text: line breaks kept, markup shown, never run.
  await expect(journey.getByRole('paragraph').filter({ hasText: 'Line <b>two</b>' }).first()).toBeVisible();
  expect(await journey.locator('b').count()).toBe(0);
  await journey.getByText('Raw payload as received').first().click();
  await expect(journey.locator('pre').first()).toContainText('"LeadSource"');

  await page.getByRole('button', { name: 'Claim this lead' }).click();
  await expect(page.getByText('You now work this lead.')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('lost');
  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByText('Say why the lead was lost.')).toBeVisible();
  await page.getByLabel('Why was it lost?').fill('Went with an on-premises tool');
  await page.getByRole('button', { name: 'Save status' }).click();
  const history = page.getByRole('list', { name: 'Status history' });
  await expect(history).toContainText('New → Lost');
  await expect(history).toContainText('“Went with an on-premises tool”');
  await expect(history).toContainText(PEOPLE.rep1.name);

  // Notes keep line breaks and show markup as text.
  await page.getByLabel('Add a note').fill('Called twice.\n<script>window.__note=1</script> try in Q3');
  await page.getByRole('button', { name: 'Add note' }).click();
  const notes = page.getByRole('list', { name: 'Notes' });
  await expect(notes.getByText('<script>window.__note=1</script> try in Q3')).toBeVisible();
  await expect(notes).toContainText(PEOPLE.rep1.name);
  await expect(page.getByLabel('Add a note')).toHaveValue('');
  expect(await page.evaluate(() => (window as unknown as { __note?: number }).__note)).toBeUndefined();
});

test('another rep’s lead page does not exist; a do-not-contact lead disables contact actions', async ({ page, request }) => {
  const taken = await (await postLead(request, JSON.stringify(uniqueLead()))).json();
  const dnc = uniqueLead({ LeadSource: `SPZA-DNC|contoso.dnc-${Date.now()}`, ActionCode: 'DNC' });
  const dncLead = await (await postLead(request, JSON.stringify(dnc))).json();

  await signIn(page, PEOPLE.rep1.email);
  await page.goto(`/leads/${taken.leadId}`);
  await page.getByRole('button', { name: 'Claim this lead' }).click();
  await expect(page.getByText('You now work this lead.')).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, PEOPLE.rep2.email);
  const response = await page.goto(`/leads/${taken.leadId}`);
  expect(response?.status()).toBe(404);

  await page.goto(`/leads/${dncLead.leadId}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Do not contact.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Email' })).toHaveCount(0);
  await expect(page.getByText('Email (do not contact)')).toHaveAttribute('aria-disabled', 'true');
});
