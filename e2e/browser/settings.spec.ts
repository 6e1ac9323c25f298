// Admin settings through the real UI: people, keys shown once and working, and the audit trail.
import { expect, test } from '@playwright/test';

test('an admin adds a person, makes keys that work, and sees it all in the audit log', async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  // A bad form names the field; a good one adds the row.
  await page.getByLabel('Name').fill('Sam Settings');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Initial password').fill('a-long-password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await page.getByLabel('Email').fill(`sam.${stamp}@e2e.test`);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('region', { name: 'Users' }).getByText(`sam.${stamp}@e2e.test`)).toBeVisible();

  // An API key is shown once and works on the read API.
  await page.goto('/settings/keys');
  await page.locator('#api-key-label').fill(`UI key ${stamp}`);
  await page.getByRole('button', { name: 'Create API key' }).click();
  const shown = page.getByRole('region', { name: new RegExp(`Copy the key “UI key ${stamp}” now`) }).locator('code');
  const apiKey = (await shown.textContent())?.trim() ?? '';
  expect(apiKey).toMatch(/^mla_/);
  const read = await request.get('/api/leads', { headers: { authorization: `Bearer ${apiKey}` } });
  expect(read.status()).toBe(200);

  // A new webhook key's URL is shown once and takes leads.
  await page.locator('#intake-key-label').fill(`Staging ${stamp}`);
  await page.getByRole('button', { name: 'Create key' }).click();
  const fresh = page.getByRole('region', { name: `New webhook URL for “Staging ${stamp}”` }).locator('code');
  const url = new URL((await fresh.textContent())!.trim());
  const posted = await request.post(url.pathname + url.search, {
    data: { UserDetails: { Email: `buyer.${stamp}@contoso.example` }, LeadSource: 'SPZA-PLT|contoso.settings' },
  });
  expect(posted.status()).toBe(201);

  await page.goto('/settings/audit');
  const log = page.getByRole('region', { name: 'Audit log entries' });
  await expect(log.getByText('User created').first()).toBeVisible();
  await expect(log.getByText('API key created').first()).toBeVisible();
  await expect(log.getByText('Intake key created').first()).toBeVisible();
  // Secrets never reach the log.
  await expect(page.getByText(apiKey)).toHaveCount(0);
});
