// A rep's queue: where a rep lands, its sections in the order of the 24-hour rule, and walking a
// section (or a filtered list) from a lead with Next and j, across page boundaries.
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect as baseExpect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_DATA, PASSWORD, PEOPLE, signInPage as signIn } from '../support/accounts';
import { postLead, uniqueLead } from '../support/intake';

test.use({ storageState: { cookies: [], origins: [] } });
// Each step is a server render on a shared test machine: give navigations room.
const expect = baseExpect.configure({ timeout: 15_000 });

const HOUR = 3_600_000;

async function newLead(request: APIRequestContext, lastName: string, company: string): Promise<number> {
  const response = await postLead(
    request,
    JSON.stringify(uniqueLead({}, { FirstName: 'Queue', LastName: lastName, Company: company })),
  );
  expect(response.status()).toBe(201);
  return (await response.json()).leadId as number;
}

/**
 * Moves leads' arrival into the past, as if they had come in `hoursAgo` (the webhook stamps the
 * time it receives them). The server reads the same database file.
 */
function arrivedHoursAgo(leads: Record<number, number>, owner?: { email: string; ids: number[] }) {
  const db = new Database(path.join(E2E_DATA, 'leads.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const update = db.prepare('update leads set received_at = ?, last_event_at = ? where id = ?');
    for (const [id, hours] of Object.entries(leads)) {
      const at = Date.now() - hours * HOUR;
      update.run(at, at, Number(id));
    }
    if (owner) {
      const user = db.prepare('select id from users where email = ?').get(owner.email) as { id: string };
      const assign = db.prepare('update leads set owner_id = ?, assigned_at = ? where id = ?');
      for (const id of owner.ids) assign.run(user.id, Date.now(), id);
    }
  } finally {
    db.close();
  }
}

/** When a lead arrived, as the server stored it. */
function receivedAt(id: number): number {
  const db = new Database(path.join(E2E_DATA, 'leads.db'), { readonly: true });
  try {
    return (db.prepare('select received_at as at from leads where id = ?').get(id) as { at: number }).at;
  } finally {
    db.close();
  }
}

/** The names listed in one queue section, in order. */
function sectionNames(page: Page, title: string) {
  return page.locator('tbody').evaluate((body, sectionTitle) => {
    const names: string[] = [];
    let inside = false;
    for (const row of body.querySelectorAll('tr')) {
      const heading = row.querySelector('th');
      if (heading) {
        inside = heading.textContent?.startsWith(sectionTitle) ?? false;
        continue;
      }
      const link = row.querySelector('td a[href^="/leads/"]');
      if (inside && link) names.push(link.textContent ?? '');
    }
    return names;
  }, title);
}

test('a rep lands on their queue: inside the 24-hour window least time left first, then overdue, and Next walks the section', async ({
  page,
  request,
}) => {
  const marker = `Q${Date.now().toString(36)}`;
  const oneHourLeft = await newLead(request, `OneHourLeft${marker}`, `Queue${marker}`);
  const fourHoursLeft = await newLead(request, `FourHoursLeft${marker}`, `Queue${marker}`);
  const twoDaysAgo = await newLead(request, `TwoDaysAgo${marker}`, `Queue${marker}`);
  const monthAgo = await newLead(request, `MonthAgo${marker}`, `Queue${marker}`);
  const mineOverdue = await newLead(request, `MineOverdue${marker}`, `Queue${marker}`);
  arrivedHoursAgo(
    { [oneHourLeft]: 23, [fourHoursLeft]: 20, [twoDaysAgo]: 48, [monthAgo]: 720, [mineOverdue]: 72 },
    { email: PEOPLE.rep1.email, ids: [mineOverdue] },
  );

  // Signing in lands on the queue, not on an overview.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(PEOPLE.rep1.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/leads$/);
  await expect(page.getByRole('tab', { name: 'My queue', selected: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Overview' })).toHaveCount(0);

  // Sections in the order of the 24-hour rule, each with its count.
  const headers = page.locator('tbody th');
  await expect(headers.nth(0)).toContainText(/First touch due within 24 hours \(\d+\)/);
  await expect(headers.nth(1)).toContainText(/Your overdue first touches \(\d+\)/);
  await expect(headers.nth(2)).toContainText(/Overdue, unclaimed \(\d+\)/);
  await expect(headers.nth(3)).toContainText(/Follow-ups due today \(\d+\)/);
  // These are the oldest leads still inside their window (every other suite's leads are newer).
  const mine = (names: string[]) => names.filter((name) => name.includes(marker));
  expect((await sectionNames(page, 'First touch due within 24 hours')).slice(0, 2)).toEqual([
    `Queue OneHourLeft${marker}`,
    `Queue FourHoursLeft${marker}`,
  ]);
  expect(mine(await sectionNames(page, 'Your overdue first touches'))).toEqual([`Queue MineOverdue${marker}`]);
  // Other suites leave overdue unclaimed leads too, some more recently overdue than these: the
  // section's own pages list them all, most recently overdue first.
  const unclaimed: string[] = [];
  for (let pageNumber = 1; pageNumber <= 20 && unclaimed.length < 2; pageNumber++) {
    await page.goto(`/leads?section=unclaimed_overdue&page=${pageNumber}`);
    const names = await sectionNames(page, 'Overdue, unclaimed');
    unclaimed.push(...mine(names));
    if (names.length === 0) break;
  }
  expect(unclaimed).toEqual([`Queue TwoDaysAgo${marker}`, `Queue MonthAgo${marker}`]);
  await page.goto('/leads');

  // From the queue's first lead, Next (and j) walk the section in its order.
  await page.getByRole('link', { name: `Queue OneHourLeft${marker}` }).click();
  await expect(page).toHaveURL(new RegExp(`/leads/${oneHourLeft}\\?queue=first_touch_due$`));
  const pager = page.getByRole('navigation', { name: 'Leads in this list' });
  await expect(page.getByTestId('list-position')).toContainText(/^1 of \d+/);
  await expect(pager.getByRole('link', { name: 'Previous' })).toHaveCount(0);
  await expect(pager.getByRole('link', { name: 'Next' })).toHaveAttribute(
    'href',
    `/leads/${fourHoursLeft}?queue=first_touch_due`,
  );
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/leads/${fourHoursLeft}\\?queue=first_touch_due$`));
  await expect(page.getByTestId('list-position')).toContainText(/^2 of \d+/);
  await expect(pager.getByRole('link', { name: 'Previous' })).toHaveAttribute(
    'href',
    `/leads/${oneHourLeft}?queue=first_touch_due`,
  );
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`/leads/${oneHourLeft}\\?queue=first_touch_due$`));

  // The unclaimed overdue section: most recently overdue first. Other suites' overdue leads may sit
  // between the two made here, so Next is checked by its arrival time, not its id.
  await page.goto(`/leads/${twoDaysAgo}?queue=unclaimed_overdue`);
  await pager.getByRole('link', { name: 'Next' }).click();
  await expect(page).not.toHaveURL(new RegExp(`/leads/${twoDaysAgo}\\?`));
  const next = Number(/\/leads\/(\d+)\?queue=unclaimed_overdue$/.exec(page.url())?.[1]);
  expect(receivedAt(next)).toBeLessThanOrEqual(receivedAt(twoDaysAgo));
  expect(receivedAt(next)).toBeGreaterThanOrEqual(receivedAt(monthAgo));
  await page.getByRole('link', { name: 'Back to list' }).click();
  await expect(page.getByRole('tab', { name: 'My queue', selected: true })).toBeVisible();
});

test('Next and j walk a filtered, sorted list across a page boundary, and Back returns to that page', async ({
  page,
  request,
}) => {
  const marker = `P${Date.now().toString(36)}`;
  for (const name of ['Alpha', 'Bravo', 'Charlie']) await newLead(request, `${name}${marker}`, `Pages${marker}`);
  await signIn(page, PEOPLE.manager.email);
  const query = `q=pages${marker.toLowerCase()}&sort=name&pageSize=2`;
  await page.goto(`/leads?${query}`);
  await expect(page.locator('tbody tr td:nth-child(2) a')).toHaveText([`Queue Alpha${marker}`, `Queue Bravo${marker}`]);

  await page.getByRole('link', { name: `Queue Bravo${marker}` }).click();
  await expect(page.getByRole('heading', { name: `Queue Bravo${marker}` })).toBeVisible();
  await expect(page.getByTestId('list-position')).toHaveText('No. 2 in this list');
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { name: `Queue Charlie${marker}` })).toBeVisible();
  await expect(page.getByTestId('list-position')).toHaveText('No. 3 in this list');
  const pager = page.getByRole('navigation', { name: 'Leads in this list' });
  await expect(pager.getByRole('link', { name: 'Next' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to list' }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page.locator('tbody tr td:nth-child(2) a')).toHaveText([`Queue Charlie${marker}`]);
});

test('a bad link says which filter is wrong in plain words, and clears just that filter', async ({ page }) => {
  await signIn(page, PEOPLE.manager.email);
  await page.goto('/leads?status=open&country=DE&sort=password');
  const alert = page.getByRole('alert').filter({ hasText: 'This link has filters the list cannot use' });
  await expect(alert).toContainText('Status has a value the list does not know. It takes a status: New, Contacted');
  await expect(alert).toContainText('Sort has a value the list does not know');
  await expect(alert).not.toContainText('status.0');
  await alert.getByRole('link', { name: 'Clear this filter (Status)' }).click();
  await expect(page).toHaveURL(/\/leads\?country=DE&sort=password$/);
  await page
    .getByRole('alert')
    .filter({ hasText: 'This link has a filter the list cannot use' })
    .getByRole('link', { name: 'Clear this filter (Sort)' })
    .click();
  await expect(page).toHaveURL(/\/leads\?country=DE$/);
  await expect(page.getByRole('alert').filter({ hasText: 'cannot use' })).toHaveCount(0);
});
