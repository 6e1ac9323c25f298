// The delivery log, replay, retention and erasure, through the real UI as an admin.
import { expect, test } from '@playwright/test';
import { postLead, uniqueLead } from '../support/intake';

test('every delivery leaves a receipt, and a rejected one is replayed with its original time', async ({
  page,
  request,
}) => {
  const stamp = `${Date.now().toString(36)}-${test.info().workerIndex}`;
  const offer = `Replay Offer ${stamp}`;
  const accepted = uniqueLead({ OfferTitle: offer });
  const rejected = uniqueLead({ OfferTitle: offer });
  expect((await postLead(request, JSON.stringify(accepted))).status()).toBe(201);
  // A key that was rotated away (or mistyped in Partner Center): refused, but the body is kept.
  const sentAt = Date.now();
  const refused = await postLead(request, JSON.stringify(rejected), { key: `rotated-away-${stamp}-0123456789` });
  expect(refused.status()).toBe(401);
  expect((await postLead(request, '{"UserDetails": ', { headers: {} })).status()).toBe(400);

  await page.goto('/settings/deliveries');
  await expect(page.getByRole('heading', { name: 'Deliveries' })).toBeVisible();
  await page.getByLabel('Offer contains').fill(stamp);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/offer=/);
  const table = page.getByRole('region', { name: 'Delivery receipts' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByText('Accepted')).toBeVisible();
  await expect(table.getByText('Unknown key')).toBeVisible();
  await expect(table.getByText(/A valid intake key is required/)).toBeVisible();

  await page.getByLabel('Outcome').selectOption('rejected');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: /^Delivery \d+$/ }).click();

  await expect(page.getByRole('heading', { name: /Delivery #\d+/ })).toBeVisible();
  await expect(page.getByText('HTTP 401')).toBeVisible();
  // The body is shown as received, as text.
  await expect(page.locator('pre')).toContainText(rejected.UserDetails.Email as string);
  const replayedAt = Date.now();
  await page.getByRole('button', { name: 'Replay delivery' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replay' }).click();
  const done = page.getByRole('status').filter({ hasText: /Replayed .* by admin@e2e\.test: stored as lead #\d+/ });
  await expect(done).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replay delivery' })).toHaveCount(0);
  await done.getByRole('link', { name: /^lead #\d+$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kovács');
  // The lead carries the time the delivery first arrived, not the time of the replay.
  const leadId = page.url().split('/').pop();
  const lead = (await (await request.get(`/api/leads/${leadId}`)).json()) as { receivedAt: string };
  expect(new Date(lead.receivedAt).getTime()).toBeGreaterThanOrEqual(sentAt);
  expect(new Date(lead.receivedAt).getTime()).toBeLessThan(replayedAt);

  // The log now shows the replay and that the rejection was dealt with.
  await page.goto(`/settings/deliveries?offer=${encodeURIComponent(stamp)}`);
  await expect(table.getByText('Rejected · replayed')).toBeVisible();
  await expect(table.getByText(/replay of #\d+/)).toBeVisible();
});

test('an admin sets retention and erases a person, whose lead stays anonymised', async ({ page, request }) => {
  await page.goto('/settings/privacy');
  const deliveries = page.getByLabel('Keep delivery receipts for (days)');
  await deliveries.fill('0');
  await page.getByRole('button', { name: 'Save retention' }).click();
  await expect(page.getByText('The delivery log retention must be at least 1 day.')).toBeVisible();
  await deliveries.fill('120');
  await page.getByRole('button', { name: 'Save retention' }).click();
  await expect(page.getByText(/Retention saved/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Keep delivery receipts for (days)')).toHaveValue('120');

  const lead = uniqueLead();
  const email = lead.UserDetails.Email as string;
  const posted = await postLead(request, JSON.stringify(lead));
  expect(posted.status()).toBe(201);
  const { leadId } = (await posted.json()) as { leadId: number };

  await page.getByLabel('The person’s email address').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Find leads' }).click();
  await expect(page.getByRole('link', { name: `Lead #${leadId}` })).toBeVisible();
  expect(page.url()).not.toContain('@');
  await page.getByRole('button', { name: 'Erase personal data of 1 lead' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Erase for good' }).click();
  await expect(page.getByText(/Erased: 1 lead, 1 delivery/)).toBeVisible();

  await page.goto(`/leads/${leadId}`);
  await expect(page.getByText('Personal data erased', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  const api = await request.get(`/api/leads/${leadId}`);
  const body = await api.text();
  expect(body).not.toContain(email);
  expect(body).not.toContain('Kovács');

  await page.goto('/settings/audit?action=lead.erased');
  await expect(
    page.getByRole('region', { name: 'Audit log entries' }).getByRole('link', { name: `#${leadId}` }),
  ).toBeVisible();
});
