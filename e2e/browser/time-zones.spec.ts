// Times in the viewer's zone: the browser's zone (kept in the `tz` cookie) decides how every time
// reads and what "tomorrow 9:00" means; pages render without hydration errors, also on the very
// first visit (rendered in UTC, then corrected); countdowns tick while the page is open.
import { expect, test, type Page } from '@playwright/test';
import { openDatabase } from '../../db';
import { receiveDelivery } from '../../lib/intake/service';

// 23:30 UTC on Monday 30 Nov 2026: 15:30 the same day in Los Angeles, 08:30 on 1 Dec in Tokyo.
const RECEIVED_AT = new Date('2026-11-30T23:30:00Z');
let run = 0;

/** A lead received at a known instant, written through the real ingest code. */
function knownLead(name: string, receivedAt = RECEIVED_AT): number {
  const db = openDatabase('.e2e-data/leads.db', { migrate: false });
  try {
    const id = `${Date.now().toString(36)}-${process.pid}-${run++}`;
    return receiveDelivery(db, {
      rawBody: Buffer.from(
        JSON.stringify({
          UserDetails: { FirstName: name, LastName: `Zone${id}`, Email: `zone.${id}@contoso.example`, Country: 'HU' },
          LeadSource: `SPZA-PLT|zone.e2e-${id}`,
          OfferTitle: `Zone offer ${id}`,
        }),
      ),
      contentType: 'application/json',
      receivedAt,
      intakeKeyId: null,
    }).leadId;
  } finally {
    db.$client.close();
  }
}

/** Page errors and console errors (React reports hydration mismatches as both). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The app has no favicon; the browser's automatic request for one is not a page error.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  return errors;
}

/** Waits until the server renders in the browser's zone (the first visit sets the cookie and refreshes). */
async function zoneSettled(page: Page, zone: string) {
  await expect
    .poll(async () => (await page.context().cookies()).find((cookie) => cookie.name === 'tz')?.value)
    .toBe(encodeURIComponent(zone));
  await page.waitForLoadState('networkidle');
}

const stat = (page: Page, label: string) =>
  page
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

test.describe('in Los Angeles', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('times read in Pacific time, and "Tomorrow 9:00" is 9:00 there', async ({ page }) => {
    const errors = collectErrors(page);
    const name = `Lana${Date.now().toString(36)}`;
    const id = knownLead(name);
    await page.goto(`/leads/${id}`);
    await zoneSettled(page, 'America/Los_Angeles');
    await page.reload();
    await expect(page.getByRole('heading', { name: new RegExp(`^${name} `) })).toBeVisible();
    const journeyTime = page.getByRole('list', { name: 'Journey' }).locator('time').first();
    await expect(journeyTime).toHaveText('30 Nov 2026, 15:30');
    await expect(journeyTime).toHaveAttribute('title', 'Mon 30 Nov 2026, 15:30 PST');
    await expect(journeyTime).toHaveAttribute('datetime', RECEIVED_AT.toISOString());
    // Server-rendered text uses the same zone.
    await expect(stat(page, 'First received')).toHaveText('30 Nov 2026, 15:30');

    // 9:00 tomorrow on a clock in Los Angeles, worked out by the browser itself.
    const expected = await page.evaluate(() => {
      const now = new Date();
      return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9).toISOString();
    });
    await page.getByRole('button', { name: 'Tomorrow 9:00' }).click();
    const followUp = page.getByRole('region', { name: 'Next follow-up' });
    await expect(followUp.locator('time')).toHaveAttribute('datetime', expected);
    await expect(followUp.locator('time')).toHaveText(/, 09:00$/);
    const saved = (await (await page.request.get(`/api/leads/${id}`)).json()) as { nextFollowUpAt: string };
    expect(saved.nextFollowUpAt).toBe(expected);
    await expect(stat(page, 'Next follow-up')).toHaveText(/, 09:00$/);

    // The table shows how long ago it arrived, with the exact time in the same zone on hover.
    await page.goto(`/leads?q=${name}`);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.locator('time').first()).toHaveAttribute('title', 'Mon 30 Nov 2026, 15:30 PST');
    expect(errors).toEqual([]);
  });

  test('a custom follow-up is typed as yyyy-mm-dd and HH:mm, checked, and read on the local clock', async ({
    page,
  }) => {
    const id = knownLead('Cary');
    await page.goto(`/leads/${id}`);
    await zoneSettled(page, 'America/Los_Angeles');
    const date = page.getByLabel('Follow-up date');
    const time = page.getByLabel('Follow-up time');
    await date.fill('12/24/2027');
    await time.fill('10:15');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect(page.getByText('Write the date as yyyy-mm-dd, e.g. 2026-12-03.')).toBeVisible();
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await date.fill('2027-02-30');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect(page.getByText('2027-02-30 is not on the calendar.')).toBeVisible();
    // The clocks skip 02:00–02:59 on 14 March 2027 in Los Angeles.
    await date.fill('2027-03-14');
    await time.fill('02:30');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect(page.getByText(/The clocks skip this time that day/)).toBeVisible();
    await time.fill('10:15');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Clear follow-up' })).toBeVisible();
    const saved = (await (await page.request.get(`/api/leads/${id}`)).json()) as { nextFollowUpAt: string };
    // 10:15 PDT (UTC−7).
    expect(saved.nextFollowUpAt).toBe('2027-03-14T17:15:00.000Z');
    await expect(page.getByRole('region', { name: 'Next follow-up' }).locator('time')).toHaveText('14 Mar 2027, 10:15');
  });

  test('the leads table, a lead page and the dashboard render without page or hydration errors, from the first visit', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    const id = knownLead('Hydra');
    // No `tz` cookie yet: rendered in UTC, then corrected after mount without an error.
    expect((await page.context().cookies()).some((cookie) => cookie.name === 'tz')).toBe(false);
    await page.goto('/leads');
    await zoneSettled(page, 'America/Los_Angeles');
    await expect(page.getByRole('heading', { name: 'Leads' })).toBeVisible();
    await page.reload();
    await page.waitForLoadState('networkidle');
    await page.goto(`/leads/${id}`);
    await expect(page.getByRole('heading', { name: /^Hydra / })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  test('an SLA countdown ticks while the page is open and turns overdue when the window closes', async ({ page }) => {
    const errors = collectErrors(page);
    const now = Date.now();
    await page.clock.install({ time: now });
    // Arrived 23 h 50 min ago: ten minutes left of the 24-hour window.
    const id = knownLead('Tick', new Date(now - (23 * 60 + 50) * 60_000));
    await page.goto(`/leads/${id}`);
    await zoneSettled(page, 'America/Los_Angeles');
    const status = page.getByText(/^Not touched yet: /);
    await expect(status).toHaveText(/^Not touched yet: (9|10) min left of the 24-hour window\.$/);
    await page.clock.fastForward('05:00');
    await expect(status).toHaveText(/^Not touched yet: [45] min left of the 24-hour window\.$/);
    await page.clock.fastForward('06:00');
    await expect(page.getByText(/^Not touched yet: the 24-hour window closed .+ ago\.$/)).toBeVisible();
    await expect(page.getByText('Missed the 24-hour window')).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('in Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('times read in Japan time, already on the next day, in the table and on the lead page', async ({ page }) => {
    const errors = collectErrors(page);
    const name = `Toki${Date.now().toString(36)}`;
    const id = knownLead(name);
    await page.goto('/');
    await zoneSettled(page, 'Asia/Tokyo');
    await page.goto(`/leads?q=${name}`);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.locator('time').first()).toHaveAttribute('title', 'Tue 1 Dec 2026, 08:30 GMT+9');
    await page.goto(`/leads/${id}`);
    await expect(page.getByRole('list', { name: 'Journey' }).locator('time').first()).toHaveText('1 Dec 2026, 08:30');

    // "Tomorrow 9:00" is 9:00 in Tokyo, which is 00:00 UTC.
    await page.getByRole('button', { name: 'Tomorrow 9:00' }).click();
    await expect(page.getByRole('button', { name: 'Clear follow-up' })).toBeVisible();
    const saved = (await (await page.request.get(`/api/leads/${id}`)).json()) as { nextFollowUpAt: string };
    expect(saved.nextFollowUpAt).toMatch(/T00:00:00\.000Z$/);
    expect(errors).toEqual([]);
  });
});
