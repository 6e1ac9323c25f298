// The leads table: filters in the URL and the UI, search, sort, paging, columns, walking the
// list from a lead, bulk claim and assign, and the export of exactly the current view.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PEOPLE, signInPage as signIn } from '../support/accounts';
import { postLead, uniqueLead } from '../support/intake';

test.use({ storageState: { cookies: [], origins: [] } });

/** Three leads sharing a unique company word, so every assertion sees only this test's data. */
async function seedLeads(request: APIRequestContext, marker: string) {
  const people = [
    { FirstName: 'Ada', LastName: `Alpha${marker}`, Country: 'DE', source: 'SPZA-PLT', action: 'PLT' },
    {
      FirstName: 'Ben',
      LastName: `Bravo${marker}`,
      Country: 'US',
      source: 'AzureMarketplace-StartTestDrive',
      action: 'StartTestDrive',
    },
    { FirstName: 'Cy', LastName: `Charlie${marker}`, Country: 'FR', source: 'SPZA-INS', action: 'INS' },
  ];
  const ids: number[] = [];
  for (const person of people) {
    const lead = uniqueLead(
      { LeadSource: `${person.source}|contoso.table-${marker}`, ActionCode: person.action },
      {
        FirstName: person.FirstName,
        LastName: person.LastName,
        Country: person.Country,
        Company: `Table${marker} Ltd`,
      },
    );
    const response = await postLead(request, JSON.stringify(lead));
    expect(response.status()).toBe(201);
    ids.push((await response.json()).leadId);
  }
  return ids;
}

const names = (page: Page) => page.locator('tbody tr td:nth-child(2) a');

test('filters by URL and UI, searches, sorts, pages, hides a column and walks the list from a lead', async ({
  page,
  request,
}) => {
  const marker = Date.now().toString(36);
  await seedLeads(request, marker);
  await signIn(page, PEOPLE.manager.email);

  // Search (substring of the company) through the UI; the URL keeps it.
  await page.goto('/leads');
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(`able${marker}`);
  await expect(page).toHaveURL(new RegExp(`q=able${marker}`));
  await expect(names(page)).toHaveCount(3);

  // Filter by source in the UI: any event of the journey counts.
  await page.getByLabel('Source').selectOption('AzureMarketplace');
  await expect(page).toHaveURL(/source=AzureMarketplace/);
  await expect(names(page)).toHaveText([`Ben Bravo${marker}`]);

  // The same filter by URL reopens exactly the same view.
  await page.goto(`/leads?q=able${marker}&source=SPZA&sort=name`);
  await expect(names(page)).toHaveText([`Ada Alpha${marker}`, `Cy Charlie${marker}`]);
  await expect(page.getByLabel('Source')).toHaveValue('SPZA');

  // Sort by clicking the header, both ways.
  await page.goto(`/leads?q=able${marker}`);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(names(page)).toHaveText([`Ada Alpha${marker}`, `Ben Bravo${marker}`, `Cy Charlie${marker}`]);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(names(page).first()).toHaveText(`Cy Charlie${marker}`);

  // Page through, two rows a page; back goes back.
  await page.goto(`/leads?q=able${marker}&sort=name&pageSize=2`);
  await expect(page.getByText('3 leads')).toBeVisible();
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(names(page)).toHaveText([`Cy Charlie${marker}`]);
  await page.goBack();
  await expect(names(page)).toHaveCount(2);

  // Hide a column: it leaves the table and the URL remembers.
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Owner' }).uncheck();
  await expect(page).toHaveURL(/cols=/);
  await expect(page.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);

  // Open a lead and walk the filtered list with the buttons.
  await page.goto(`/leads?q=able${marker}&sort=name`);
  await names(page).first().click();
  await expect(page.getByRole('heading', { name: `Ada Alpha${marker}` })).toBeVisible();
  await page.getByRole('link', { name: /Next/ }).click();
  await expect(page.getByRole('heading', { name: `Ben Bravo${marker}` })).toBeVisible();
  await page.getByRole('link', { name: /Previous/ }).click();
  await expect(page.getByRole('heading', { name: `Ada Alpha${marker}` })).toBeVisible();
});

test('a bad link names the bad parameter instead of failing', async ({ page }) => {
  await signIn(page, PEOPLE.manager.email);
  await page.goto('/leads?status=open&sort=password');
  const alert = page.getByRole('alert').filter({ hasText: 'This link has filters the list cannot use' });
  await expect(alert).toContainText('Status has a value the list does not know');
  await expect(alert).toContainText('Sort has a value the list does not know');
});

test('bulk claim and assign, then export exactly the current view', async ({ page, request }) => {
  const marker = Date.now().toString(36) + 'b';
  await seedLeads(request, marker);

  // A rep claims two leads from the table.
  await signIn(page, PEOPLE.rep2.email);
  await page.goto(`/leads?view=all&q=able${marker}&sort=name`);
  await page.getByRole('checkbox', { name: `Select Ada Alpha${marker}` }).check();
  await page.getByRole('checkbox', { name: `Select Ben Bravo${marker}` }).check();
  await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 of 2 updated.' })).toBeVisible();
  await page.goto(`/leads?view=all&q=able${marker}&sort=name&owner=me`);
  await expect(names(page)).toHaveText([`Ada Alpha${marker}`, `Ben Bravo${marker}`]);

  // A manager assigns the third to rep1.
  await page.context().clearCookies();
  await signIn(page, PEOPLE.manager.email);
  await page.goto(`/leads?q=able${marker}&sort=name&owner=unassigned`);
  await page.getByRole('checkbox', { name: `Select Cy Charlie${marker}` }).check();
  await page.getByLabel('Assign to').selectOption({ label: PEOPLE.rep1.name });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 of 1 updated.' })).toBeVisible();

  // Export the view: filters, sort and visible columns in their order, every row.
  await page.goto(`/leads?q=able${marker}&sort=-name&cols=name,country,owner`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export view' }).click();
  const file = await (await download).path();
  const bytes = (await import('node:fs')).readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  expect(lines).toEqual([
    'Name,Country,Owner',
    `Cy Charlie${marker},FR,${PEOPLE.rep1.name}`,
    `Ben Bravo${marker},US,${PEOPLE.rep2.name}`,
    `Ada Alpha${marker},DE,${PEOPLE.rep2.name}`,
  ]);
});

test('a rep lands on their queue', async ({ page }) => {
  await signIn(page, PEOPLE.rep1.email);
  await page.goto('/leads');
  await expect(page.getByRole('tab', { name: 'My queue', selected: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /First touch due within 24 hours/ })).toBeVisible();
});
