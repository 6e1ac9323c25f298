// Every screen fits: the leads table at 1366×900 without sideways scrolling (long names, companies
// and offers included), the list on a phone (cards, filters behind one button, the first lead on
// the first screen), the bulk "Lost" dialog, an erased lead without contact actions, and pages
// that load without console errors or failed requests (the app icon included).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, PEOPLE, signedIn, signInPage as signIn } from '../support/accounts';
import { postLead, uniqueLead } from '../support/intake';

test.use({ storageState: { cookies: [], origins: [] } });

const LONG_FIRST = 'Maximiliana-Alexandrina Wilhelmina';
const LONG_LAST = 'von Hohenzollern-Sigmaringen-Auerbach-Lichtenstein';
const LONG_COMPANY = 'Internationale Versicherungs- und Rückversicherungsgesellschaft Aktiengesellschaft';
// No filter's label inside ("Resource" holds "source"): other specs find filters by their label.
const LONG_OFFER = 'Contoso Enterprise Planning Suite for Manufacturing and Distribution (Premium Edition)';

/** Leads with very long values, all carrying `marker` in their company so a search finds only them. */
async function seedLongLeads(request: APIRequestContext, marker: string, count = 3): Promise<number[]> {
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const lead = uniqueLead(
      { OfferTitle: `${LONG_OFFER} ${index}` },
      {
        FirstName: `${LONG_FIRST}${index}`,
        LastName: LONG_LAST,
        Company: `${LONG_COMPANY} ${marker}`,
        Title: 'Chief Digital Transformation and Customer Experience Officer',
      },
    );
    const response = await postLead(request, JSON.stringify(lead));
    expect(response.status()).toBe(201);
    ids.push((await response.json()).leadId);
  }
  return ids;
}

/** Sideways overflow of the page and of the table's scroll container, in pixels. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const table = document.querySelector<HTMLElement>('[data-testid="leads-table"]');
    const root = document.documentElement;
    return {
      document: root.scrollWidth - root.clientWidth,
      table: table ? table.scrollWidth - table.clientWidth : null,
    };
  });

test.describe('at 1366×900', () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test('the leads table shows the triage columns without scrolling sideways, long values included', async ({
    page,
    request,
  }) => {
    const marker = `fit${Date.now().toString(36)}`;
    await seedLongLeads(request, marker);
    await signIn(page, PEOPLE.manager.email);

    for (const url of [`/leads?q=${marker}`, '/leads']) {
      await page.goto(url);
      const table = page.getByTestId('leads-table');
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      for (const header of ['Name', 'Company', 'Offer', 'Stage', 'Status', 'Owner', 'Received', 'SLA']) {
        await expect(table.getByRole('columnheader').filter({ hasText: header })).toBeVisible();
      }
      expect(await overflow(page)).toEqual({ document: 0, table: 0 });
    }

    // The long values are there, shortened on screen, whole on hover.
    await page.goto(`/leads?q=${marker}&sort=name`);
    const first = page.getByTestId('leads-table').getByRole('link', { name: `${LONG_FIRST}0 ${LONG_LAST}` });
    await expect(first).toHaveAttribute('title', `${LONG_FIRST}0 ${LONG_LAST}`);
    await expect(page.getByTestId('leads-table').getByText(`${LONG_COMPANY} ${marker}`).first()).toBeVisible();
    expect(await overflow(page)).toEqual({ document: 0, table: 0 });

    // Every column at once does not fit: then (only then) the table scrolls, never the page.
    await page.goto(`/leads?q=${marker}&cols=name,company,title,email,country,offer,action,stage,status,owner`);
    const wide = await overflow(page);
    expect(wide.document).toBe(0);
    expect(wide.table).toBeGreaterThan(0);
  });
});

test.describe('at 390×844 (a phone)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the first lead card is on the first screen; filters wait behind a button that counts them', async ({
    page,
    request,
  }) => {
    const marker = `fitp${Date.now().toString(36)}`;
    await seedLongLeads(request, marker, 2);
    await signIn(page, PEOPLE.manager.email);

    await page.goto(`/leads?q=${marker}&source=SPZA&owner=unassigned`);
    const cards = page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: /^Select / }) });
    await expect(cards).toHaveCount(2);
    const box = await cards.first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    expect(await overflow(page)).toMatchObject({ document: 0 });
    // The desktop table is not shown, and neither are the inline filters.
    await expect(page.getByTestId('leads-table')).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Source' })).toHaveCount(0);

    // The whole card opens the lead.
    await expect(cards.first().getByRole('link')).toHaveAttribute('href', /^\/leads\/\d+\?/);

    // Two filters are set (search and status chips are not behind the button).
    const filters = page.getByRole('button', { name: /^Filters/ });
    await expect(filters).toHaveAccessibleName('Filters, 2 active');
    await filters.click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect(sheet.getByLabel('Source')).toHaveValue('SPZA');
    await sheet.getByLabel('Stage').selectOption('contact_me');
    await expect(page).toHaveURL(/stage=contact_me/);
    await sheet.getByRole('button', { name: 'Show leads' }).click();
    await expect(sheet).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Filters, 3 active' })).toBeVisible();

    // The pager is one line high.
    const pager = await page.getByRole('navigation', { name: 'Pages' }).boundingBox();
    expect(pager!.height).toBeLessThanOrEqual(40);

    // Selection still works for the bulk actions.
    await cards.first().getByRole('checkbox').check();
    await expect(page.getByRole('region', { name: 'Bulk actions' })).toContainText('1 selected');
  });

  test('a lead page puts owner, status and follow-up before touches, notes and journey', async ({ page, request }) => {
    const [id] = await seedLongLeads(request, `fitl${Date.now().toString(36)}`, 1);
    await signIn(page, PEOPLE.manager.email);
    await page.goto(`/leads/${id}`);
    const top = async (name: string) => (await page.getByRole('region', { name }).boundingBox())!.y;
    const work = await top('Work this lead');
    for (const later of ['Touches', 'Notes', 'Journey']) expect(await top(later)).toBeGreaterThan(work);
    expect(await overflow(page)).toMatchObject({ document: 0 });
  });
});

test('bulk Lost asks in a dialog: cancel sends nothing, few touches need an explicit choice', async ({
  page,
  request,
}) => {
  const marker = `fitb${Date.now().toString(36)}`;
  await seedLongLeads(request, marker, 2);
  await signIn(page, PEOPLE.manager.email);
  await page.goto(`/leads?q=${marker}`);
  const statuses = async () =>
    ((await (await page.request.get(`/api/leads?q=${marker}`)).json()).rows as { status: string }[])
      .map((row) => row.status)
      .sort();

  const openDialog = async () => {
    await page.getByRole('checkbox', { name: 'Select all leads on this page' }).check();
    await page.getByLabel('New status').selectOption('lost');
    await page.getByRole('button', { name: 'Apply' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark 2 leads as lost' });
    await expect(dialog).toBeVisible();
    return dialog;
  };

  // Cancel: no server action is posted, nothing changes.
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  let dialog = await openDialog();
  await dialog.getByLabel('Why were they lost?').fill('Budget frozen');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(posts).toEqual([]);
  expect(await statuses()).toEqual(['new', 'new']);

  // A reason is required; the dialog says so and sends nothing.
  dialog = await openDialog();
  await dialog.getByRole('button', { name: 'Mark 2 as lost' }).click();
  await expect(dialog.getByText('Say why the leads were lost.')).toBeVisible();
  expect(posts).toEqual([]);

  // Without the few-touches choice, untouched leads stay open and the bar says why.
  await dialog.getByLabel('Why were they lost?').fill('Budget frozen');
  await dialog.getByRole('button', { name: 'Mark 2 as lost' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: '0 of 2 updated. 2 not: Only 0 touches so far.' }),
  ).toBeVisible();
  expect(await statuses()).toEqual(['new', 'new']);

  // With it, both close.
  await page.reload();
  dialog = await openDialog();
  await dialog.getByLabel('Why were they lost?').fill('Budget frozen');
  await dialog.getByLabel(/Also close leads with fewer than 3 touches/).check();
  await dialog.getByRole('button', { name: 'Mark 2 as lost' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 of 2 updated.' })).toBeVisible();
  expect(await statuses()).toEqual(['lost', 'lost']);
});

test('an erased lead offers no contact actions and says why; the server refuses touches too', async ({
  page,
  request,
  baseURL,
}) => {
  const lead = uniqueLead();
  const posted = await postLead(request, JSON.stringify(lead));
  const { leadId } = (await posted.json()) as { leadId: number };

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/settings/privacy');
  await page.getByLabel('The person’s email address').fill(lead.UserDetails.Email as string);
  await page.getByRole('button', { name: 'Find leads' }).click();
  await page.getByRole('button', { name: 'Erase personal data of 1 lead' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Erase for good' }).click();
  await expect(page.getByText(/Erased: 1 lead/)).toBeVisible();

  await page.goto(`/leads/${leadId}`);
  await expect(page.getByText('Personal data erased', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Log a touch')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Log touch' })).toHaveCount(0);
  await expect(page.getByText(/Touch logging is turned off: this person’s personal data was erased/)).toBeVisible();
  await expect(page.getByText(/Follow-ups are turned off: this person’s personal data was erased/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tomorrow 9:00' })).toBeDisabled();

  const manager = await signedIn(baseURL!, PEOPLE.manager.email);
  const refused = await manager.post(`/api/leads/${leadId}/touches`, { data: { kind: 'call' } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toMatch(/personal data was erased/);
});

test('the leads list and a lead page load without console errors or failed requests, icon included', async ({
  page,
  request,
}) => {
  const [id] = await seedLongLeads(request, `fite${Date.now().toString(36)}`, 1);
  await signIn(page, PEOPLE.manager.email);

  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  // Prefetches cut short by the next navigation are aborted on purpose, not failures.
  page.on('requestfailed', (failed) => {
    if (failed.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${failed.url()}`);
  });

  for (const url of ['/leads', `/leads/${id}`]) {
    const icon = page.waitForResponse((response) => new URL(response.url()).pathname === '/icon.svg');
    await page.goto(url);
    expect((await icon).status()).toBe(200);
    await page.waitForLoadState('networkidle');
  }
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /\/icon\.svg/);
  expect(problems).toEqual([]);
});
