import { expect, test } from '@playwright/test';
import { E2E_INTAKE_KEY } from '../../playwright.config';
import { postLead, uniqueLead } from '../support/intake';

test('the first screen shows the webhook URL, the latest leads and offer connections', async ({
  page,
  request,
  context,
}) => {
  const lead = uniqueLead(
    { OfferTitle: 'Contoso Browser Suite', LeadSource: `SPZA-PLT|contoso.browser-${Date.now()}` },
    { FirstName: '<img src=x onerror="window.__xss=1">', LastName: 'Tester' },
  );
  expect((await postLead(request, JSON.stringify(lead))).status()).toBe(201);
  const marker = `MSFT_TEST_${Date.now()}`;
  await postLead(
    request,
    JSON.stringify({
      userDetails: { FirstName: marker, Email: `${marker}@test.com` },
      LeadSource: 'AzureMarketplace',
      ActionCode: 'INS',
      OfferTitle: 'Validated Offer',
    }),
  );

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  // The key is masked until asked for, and copying takes the full URL.
  const url = page.getByTestId('webhook-url');
  await expect(url).toContainText('/api/intake/marketplace?key=');
  await expect(url).not.toContainText(E2E_INTAKE_KEY);
  await page.getByRole('button', { name: 'Show key' }).click();
  await expect(url).toContainText(E2E_INTAKE_KEY);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy URL' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /\/api\/intake\/marketplace\?key=e2e-intake-key/,
  );

  // Customer-supplied text is shown as text, never run.
  const latest = page.getByRole('list', { name: 'Latest leads' });
  await expect(latest.getByText('<img src=x onerror="window.__xss=1"> Tester')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // Test leads are left out of the latest leads but verify their offer.
  await expect(latest.getByText(marker)).toHaveCount(0);
  const offers = page.getByRole('list', { name: 'Offer connections' });
  await expect(
    offers.getByRole('listitem').filter({ hasText: 'Validated Offer' }).getByText('Verified by test lead'),
  ).toBeVisible();
  await expect(
    offers.getByRole('listitem').filter({ hasText: 'Contoso Browser Suite' }).getByText('Receiving leads'),
  ).toBeVisible();
});

test('the first screen works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your lead webhook' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
