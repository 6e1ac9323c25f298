// The managers' dashboard against numbers worked out here: a small known set of leads, events,
// touches and status changes is written with controlled times (through the ingest code, into the
// server's database), every panel's "view as table" numbers are checked against expectations
// computed in this file, and the filters, click-through, CSV download and a rep's refusal.
import { expect, test, type Page } from '@playwright/test';
import { openDatabase } from '../../db';
import { receiveDelivery } from '../../lib/intake/service';
import { PEOPLE, signInPage as signIn } from '../support/accounts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

/** One lead of the known set: when it came, what it did, who worked it and how. */
type Spec = {
  name: string;
  offer: 'alpha' | 'beta';
  deliveries: { source: string; action: string }[];
  daysAgo: number;
  owner?: 'rep1' | 'rep2';
  firstTouchAfter?: number;
  /** Status changes, each after the previous step (the first after the first touch). */
  statuses?: { to: string; after: number }[];
  test?: boolean;
};

const SPECS: Spec[] = [
  {
    name: 'One',
    offer: 'alpha',
    deliveries: [{ source: 'SPZA', action: 'PLT' }],
    daysAgo: 10,
    owner: 'rep1',
    firstTouchAfter: 2 * HOUR,
    statuses: [
      { to: 'contacted', after: 0 },
      { to: 'qualified', after: 3 * DAY },
      { to: 'won', after: 2 * DAY },
    ],
  },
  {
    name: 'Two',
    offer: 'alpha',
    deliveries: [
      { source: 'SPZA', action: 'PLT' },
      { source: 'TestDrive', action: 'StartTestDrive' },
    ],
    daysAgo: 9,
    owner: 'rep1',
    firstTouchAfter: 30 * HOUR,
    statuses: [{ to: 'contacted', after: 0 }],
  },
  {
    name: 'Three',
    offer: 'alpha',
    deliveries: [{ source: 'AzureMarketplace', action: 'INS' }],
    daysAgo: 8,
    owner: 'rep2',
    firstTouchAfter: HOUR,
    statuses: [
      { to: 'contacted', after: 0 },
      { to: 'won', after: 2 * DAY },
    ],
  },
  { name: 'Four', offer: 'beta', deliveries: [{ source: 'SPZA', action: 'PLT' }], daysAgo: 6 },
  {
    name: 'Five',
    offer: 'beta',
    deliveries: [{ source: 'AzurePortal', action: 'Create' }],
    daysAgo: 5,
    owner: 'rep2',
    firstTouchAfter: 10 * HOUR,
    statuses: [
      { to: 'contacted', after: 0 },
      { to: 'lost', after: DAY },
    ],
  },
  { name: 'Six', offer: 'beta', deliveries: [{ source: 'SPZA', action: 'DNC' }], daysAgo: 4 },
  { name: 'Seven', offer: 'alpha', deliveries: [{ source: 'SPZA', action: 'PLT' }], daysAgo: 3 },
  { name: 'Test', offer: 'alpha', deliveries: [{ source: 'SPZA', action: 'PLT' }], daysAgo: 2, test: true },
];

const run = `${Date.now().toString(36)}${process.pid}`;
/** A country no other test uses: filtering on it shows exactly this file's leads. */
const COUNTRY = `Dash-${run}`;
const offerKey = (offer: Spec['offer']) => `dash${run}.${offer}`;
/** Twelve offers in a country of their own: ten are drawn, two are "other offers". */
const MANY = `Many-${run}`;
const MANY_OFFERS = Array.from({ length: 12 }, (_, index) => `many${run}.o${String(index + 1).padStart(2, '0')}`);
/** A lead sent with Country "USA", under an offer of its own. */
const USA_OFFER = `usa${run}.offer`;
const USA_NAME = `Usa${run}`;

/** The leads the later tests look at, apart from the known set (their own country or offer). */
function seedExtras() {
  const db = openDatabase('.e2e-data/leads.db', { migrate: false });
  const deliver = (body: object, at: number) =>
    receiveDelivery(db, {
      rawBody: Buffer.from(JSON.stringify(body)),
      contentType: 'application/json',
      receivedAt: new Date(at),
      intakeKeyId: null,
    });
  try {
    const at = Date.now() - 2 * DAY;
    MANY_OFFERS.forEach((offer, index) => {
      // The first offer has three leads, every other one: the chart's order is fixed.
      for (let lead = 0; lead < (index === 0 ? 3 : 1); lead++)
        deliver(
          {
            UserDetails: {
              FirstName: `Many${lead}`,
              LastName: `O${index}`,
              Email: `m${index}.${lead}.${run}@many.example`,
              Country: MANY,
            },
            LeadSource: `SPZA-PLT|${offer}`,
            OfferTitle: `Many offer ${index + 1} ${run}`,
          },
          at + index * MINUTE,
        );
    });
    deliver(
      {
        UserDetails: { FirstName: USA_NAME, LastName: 'Sender', Email: `usa.${run}@usa.example`, Country: 'USA' },
        LeadSource: `SPZA-PLT|${USA_OFFER}`,
        OfferTitle: `Usa offer ${run}`,
      },
      at,
    );
  } finally {
    db.$client.close();
  }
}

function seed() {
  const db = openDatabase('.e2e-data/leads.db', { migrate: false });
  const sqlite = db.$client;
  const userId = (person: 'rep1' | 'rep2') =>
    (sqlite.prepare('SELECT id FROM users WHERE email = ?').get(PEOPLE[person].email) as { id: string }).id;
  const now = Date.now();
  try {
    for (const spec of SPECS) {
      const receivedAt = now - spec.daysAgo * DAY;
      let leadId = 0;
      spec.deliveries.forEach((delivery, index) => {
        const email = spec.test
          ? 'MSFT_TEST_636573304831318844@test.com'
          : `${spec.name.toLowerCase()}.${run}@dash.example`;
        const result = receiveDelivery(db, {
          rawBody: Buffer.from(
            JSON.stringify({
              UserDetails: {
                FirstName: spec.test ? 'MSFT_TEST_636573304831318844' : spec.name,
                LastName: `Dash${run}`,
                Email: email,
                Country: COUNTRY,
              },
              LeadSource: `${delivery.source}-${delivery.action}|${offerKey(spec.offer)}`,
              OfferTitle: `Dash ${spec.offer} ${run}`,
            }),
          ),
          contentType: 'application/json',
          receivedAt: new Date(receivedAt + index * HOUR),
          intakeKeyId: null,
        });
        leadId = result.leadId;
      });
      if (spec.owner)
        sqlite
          .prepare('UPDATE leads SET owner_id = ?, assigned_at = ? WHERE id = ?')
          .run(userId(spec.owner), receivedAt, leadId);
      if (spec.firstTouchAfter === undefined) continue;
      const touchedAt = receivedAt + spec.firstTouchAfter;
      sqlite
        .prepare(
          `INSERT INTO lead_touches (lead_id, kind, author_id, author_label, touched_at) VALUES (?, 'email', ?, 'Dashboard test', ?)`,
        )
        .run(leadId, spec.owner ? userId(spec.owner) : null, touchedAt);
      sqlite
        .prepare('UPDATE leads SET first_touch_at = ?, last_touch_at = ?, touch_count = 1 WHERE id = ?')
        .run(touchedAt, touchedAt, leadId);
      let at = touchedAt;
      let from = 'new';
      for (const status of spec.statuses ?? []) {
        at += status.after;
        sqlite
          .prepare(
            `INSERT INTO lead_status_changes (lead_id, from_status, to_status, changed_by_label, changed_at) VALUES (?, ?, ?, 'Dashboard test', ?)`,
          )
          .run(leadId, from, status.to, at);
        sqlite.prepare('UPDATE leads SET status = ? WHERE id = ?').run(status.to, leadId);
        from = status.to;
      }
    }
  } finally {
    sqlite.close();
  }
}

// ── The expected numbers, from the specs alone ──────────────────────────────────────────────────

const real = SPECS.filter((spec) => !spec.test);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.floor((sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2) / MINUTE);
};
const reached = (spec: Spec, steps: string[]) => (spec.statuses ?? []).some((status) => steps.includes(status.to));
const isDnc = (spec: Spec) => spec.deliveries.some((delivery) => delivery.action === 'DNC');
const stageOf = (spec: Spec) => {
  const actions = spec.deliveries.map((delivery) => delivery.action);
  if (actions.includes('INS') || actions.includes('Create')) return 'acquired';
  if (actions.includes('StartTestDrive')) return 'test_drive';
  if (actions.includes('PLT')) return 'contact_me';
  return 'dnc';
};
/** When a lead first reached a step: the first status at or past it (a skipped step takes the later one). */
function stepTime(spec: Spec, steps: string[]): number | null {
  let at = spec.firstTouchAfter ?? 0;
  for (const status of spec.statuses ?? []) {
    at += status.after;
    if (steps.includes(status.to)) return at;
  }
  return null;
}
const CONTACTED = ['contacted', 'qualified', 'nurturing', 'won'];
const QUALIFIED = ['qualified', 'won'];
const touched = real.filter((spec) => spec.firstTouchAfter !== undefined);
const inSla = (spec: Spec) => !isDnc(spec) && spec.firstTouchAfter !== undefined && spec.firstTouchAfter <= DAY;

const EXPECTED = {
  newLeads: real.length,
  touchedIn24h: real.filter(inSla).length / real.filter((spec) => !isDnc(spec)).length,
  medianFirstTouch: median(touched.map((spec) => spec.firstTouchAfter!)),
  qualified: real.filter((spec) => reached(spec, QUALIFIED)).length,
  won: real.filter((spec) => reached(spec, ['won'])).length,
};

// ── Reading the page ────────────────────────────────────────────────────────────────────────────

/** Opens a panel's "view as table" and reads every cell's raw value: { rowKey: { column: value } }. */
async function panelTable(page: Page, panel: string): Promise<Record<string, Record<string, string>>> {
  const table = page.locator(`table[data-panel="${panel}"]`);
  if (!(await table.isVisible())) {
    await page
      .locator(`[data-panel-card="${panel}"]`)
      .getByRole('button', { name: /view as table/i })
      .click();
  }
  await expect(table).toBeVisible();
  return table.evaluate((element) => {
    const out: Record<string, Record<string, string>> = {};
    for (const row of element.querySelectorAll('tbody tr[data-row]')) {
      const cells: Record<string, string> = {};
      for (const cell of row.querySelectorAll('td[data-key]'))
        cells[cell.getAttribute('data-key')!] = cell.getAttribute('data-value') ?? '';
      out[row.getAttribute('data-row')!] = cells;
    }
    return out;
  });
}

const num = (value: string | undefined) => (value === undefined || value === '' ? null : Number(value));

test.describe('dashboard', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test.beforeAll(() => {
    seed();
    seedExtras();
  });

  test('shows the known numbers in every panel, as tables and as CSV', async ({ page }) => {
    await signIn(page, PEOPLE.manager.email);
    await page.goto(`/dashboard?range=30d&country=${encodeURIComponent(COUNTRY)}`);
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

    const summary = await panelTable(page, 'summary');
    expect(num(summary.newLeads!.value)).toBe(EXPECTED.newLeads);
    expect(num(summary.touchedIn24h!.value)).toBeCloseTo(EXPECTED.touchedIn24h, 6);
    expect(num(summary.medianFirstTouch!.value)).toBe(EXPECTED.medianFirstTouch);
    expect(num(summary.qualified!.value)).toBe(EXPECTED.qualified);
    expect(num(summary.won!.value)).toBe(EXPECTED.won);
    expect(num(summary.conversion!.value)).toBeCloseTo(EXPECTED.won / EXPECTED.newLeads, 6);
    expect(num(summary.newLeads!.previous)).toBe(0);

    const acquisition = await panelTable(page, 'acquisition');
    const atLeast = (stages: string[]) => real.filter((spec) => stages.includes(stageOf(spec))).length;
    const funnel = [
      atLeast(['contact_me', 'test_drive', 'acquired']),
      atLeast(['test_drive', 'acquired']),
      atLeast(['acquired']),
    ];
    expect(['contact_me', 'test_drive', 'acquired'].map((step) => num(acquisition[step]!.leads))).toEqual(funnel);
    expect(num(acquisition.test_drive!.conversion)).toBeCloseTo(funnel[1]! / funnel[0]!, 6);
    await expect(page.locator('[data-panel-card="acquisition"]')).toContainText(`${real.filter(isDnc).length}`);

    const nurture = await panelTable(page, 'nurture');
    const contacted = real.filter((spec) => reached(spec, CONTACTED));
    const qualified = real.filter((spec) => reached(spec, QUALIFIED));
    const won = real.filter((spec) => reached(spec, ['won']));
    expect(['new', 'contacted', 'qualified', 'won'].map((step) => num(nurture[step]!.leads))).toEqual([
      real.length,
      contacted.length,
      qualified.length,
      won.length,
    ]);
    expect(num(nurture.contacted!.dropOff)).toBeCloseTo((real.length - contacted.length) / real.length, 6);
    expect(num(nurture.new!.medianMinutes)).toBe(median(contacted.map((spec) => stepTime(spec, CONTACTED)!)));
    expect(num(nurture.contacted!.medianMinutes)).toBe(
      median(qualified.map((spec) => stepTime(spec, QUALIFIED)! - stepTime(spec, CONTACTED)!)),
    );
    expect(num(nurture.qualified!.medianMinutes)).toBe(
      median(won.map((spec) => stepTime(spec, ['won'])! - stepTime(spec, QUALIFIED)!)),
    );

    const offers = await panelTable(page, 'offers');
    for (const offer of ['alpha', 'beta'] as const) {
      const mine = real.filter((spec) => spec.offer === offer);
      const wins = mine.filter((spec) => reached(spec, ['won'])).length;
      expect(num(offers[offerKey(offer)]!.leads)).toBe(mine.length);
      expect(num(offers[offerKey(offer)]!.won)).toBe(wins);
      expect(num(offers[offerKey(offer)]!.wonRate)).toBeCloseTo(wins / mine.length, 6);
    }

    const countries = await panelTable(page, 'countries');
    expect(Object.keys(countries)).toEqual([COUNTRY]);
    expect(num(countries[COUNTRY]!.leads)).toBe(real.length);

    const reps = await panelTable(page, 'reps');
    for (const person of ['rep1', 'rep2'] as const) {
      const mine = real.filter((spec) => spec.owner === person);
      const row = Object.values(reps).find((cells) => cells.rep === PEOPLE[person].name)!;
      expect(row, person).toBeTruthy();
      expect(num(row.assigned)).toBe(mine.length);
      expect(num(row.touchedInSla)).toBe(mine.filter(inSla).length);
      expect(num(row.medianMinutes)).toBe(
        median(mine.filter((spec) => spec.firstTouchAfter !== undefined).map((spec) => spec.firstTouchAfter!)),
      );
      expect(num(row.qualified)).toBe(mine.filter((spec) => reached(spec, QUALIFIED)).length);
      expect(num(row.won)).toBe(mine.filter((spec) => reached(spec, ['won'])).length);
    }

    const sla = await panelTable(page, 'sla');
    const weeks = Object.values(sla);
    expect(weeks.reduce((sum, week) => sum + num(week.eligible)!, 0)).toBe(real.filter((spec) => !isDnc(spec)).length);
    expect(weeks.reduce((sum, week) => sum + num(week.touchedIn24h)!, 0)).toBe(real.filter(inSla).length);
    // Open, contactable, untouched and older than a day: Four and Seven.
    const breaching = real.filter((spec) => spec.firstTouchAfter === undefined && !isDnc(spec));
    const slaCard = page.locator('[data-panel-card="sla"]');
    for (const spec of breaching)
      await expect(slaCard.getByRole('link', { name: new RegExp(`${spec.name} Dash${run}`) })).toBeVisible();

    const trend = await panelTable(page, 'trend');
    expect(Object.values(trend).reduce((sum, bucket) => sum + num(bucket.total)!, 0)).toBe(real.length);

    // The CSV holds the same numbers as the table.
    const download = page.waitForEvent('download');
    await page.locator('[data-panel-card="offers"]').getByRole('link', { name: /csv/i }).click();
    const file = await (await download).path();
    const csv = (await import('node:fs')).readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Offer,Leads,Won,Won rate');
    expect(lines.slice(1).sort()).toEqual(
      (['alpha', 'beta'] as const)
        .map((offer) => {
          const mine = real.filter((spec) => spec.offer === offer);
          const wins = mine.filter((spec) => reached(spec, ['won'])).length;
          return `Dash ${offer} ${run},${mine.length},${wins},${Math.round((wins / mine.length) * 10_000) / 10_000}`;
        })
        .sort(),
    );
  });

  test('filters live in the URL, and a funnel step opens exactly its leads in the table', async ({ page }) => {
    await signIn(page, PEOPLE.manager.email);
    await page.goto(`/dashboard?range=30d&country=${encodeURIComponent(COUNTRY)}`);
    const before = await panelTable(page, 'summary');
    expect(num(before.newLeads!.value)).toBe(real.length);

    // Narrow to one offer through the UI: the URL and every number follow.
    await page.getByLabel('Offer').selectOption(offerKey('beta'));
    await expect(page).toHaveURL(new RegExp(`offer=dash${run}.beta`));
    await expect(
      page.locator('table[data-panel="summary"] tr[data-row="newLeads"] td[data-key="value"]'),
    ).toHaveAttribute('data-value', String(real.filter((spec) => spec.offer === 'beta').length));
    await page.goBack();
    await expect(page).not.toHaveURL(/offer=/);
    await expect(
      page.locator('table[data-panel="summary"] tr[data-row="newLeads"] td[data-key="value"]'),
    ).toHaveAttribute('data-value', String(real.length));

    // A range preset through the UI.
    await page.getByLabel('Date range').selectOption('7d');
    await expect(page).toHaveURL(/range=7d/);
    const lastWeek = real.filter((spec) => spec.daysAgo < 7).length;
    await expect(
      page.locator('table[data-panel="summary"] tr[data-row="newLeads"] td[data-key="value"]'),
    ).toHaveAttribute('data-value', String(lastWeek));

    // Click-through: the "Test drive" step of the acquisition funnel.
    await page.goto(`/dashboard?range=30d&country=${encodeURIComponent(COUNTRY)}`);
    await panelTable(page, 'acquisition');
    await page.locator('table[data-panel="acquisition"] tr[data-row="test_drive"] a').first().click();
    await expect(page).toHaveURL(/\/leads\?/);
    expect(decodeURIComponent(page.url())).toContain('stage=test_drive,acquired');
    expect(decodeURIComponent(page.url())).toContain(`country=${COUNTRY}`);
    const expectedNames = real
      .filter((spec) => ['test_drive', 'acquired'].includes(stageOf(spec)))
      .map((spec) => `${spec.name} Dash${run}`);
    for (const name of expectedNames) await expect(page.getByRole('link', { name })).toBeVisible();
    await expect(page.locator('tbody tr')).toHaveCount(expectedNames.length);
  });

  test('the SLA chart draws the share and the counts on separate, labelled scales', async ({ page }) => {
    await signIn(page, PEOPLE.manager.email);
    await page.goto(`/dashboard?range=30d&country=${encodeURIComponent(COUNTRY)}`);
    const card = page.locator('[data-panel-card="sla"]');
    const share = card.locator('[data-sla-chart="% first touched within 24 h"]');
    const counts = card.locator('[data-sla-chart="Leads per week"]');
    await expect(share.getByRole('heading', { name: '% first touched within 24 h' })).toBeVisible();
    await expect(counts.getByRole('heading', { name: 'Leads per week' })).toBeVisible();
    const ticks = (chart: typeof share) =>
      chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    await expect(
      share.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').first(),
    ).toBeVisible();
    expect(await ticks(share)).toEqual(['0%', '50%', '100%']);
    const countTicks = await ticks(counts);
    expect(countTicks.length).toBeGreaterThan(1);
    for (const tick of countTicks) expect(tick).toMatch(/^[\d,]+$/);
    // Every counted lead is in the counts chart: its bars are the touched and the missed.
    await expect(counts.locator('.recharts-legend-item-text')).toHaveText(['Touched within 24 h', 'Missed 24 h']);
  });

  test('offers past the top ten are a line under the chart, not a bar, and not a link', async ({ page }) => {
    await signIn(page, PEOPLE.manager.email);
    await page.goto(`/dashboard?range=30d&country=${encodeURIComponent(MANY)}`);
    const card = page.locator('[data-panel-card="offers"]');
    const others = card.locator('[data-others]');
    await expect(others).toContainText('2 other offers: 2 leads');
    await expect(card.locator('.recharts-bar-rectangle')).toHaveCount(10);
    await expect(card.locator('figure')).not.toContainText('Other offers');
    // The one link there is says where to find them, and it holds no offer filter.
    const browse = others.getByRole('link');
    await expect(browse).toHaveCount(1);
    const href = decodeURIComponent((await browse.getAttribute('href'))!);
    expect(href).toContain(`country=${MANY}`);
    expect(href).not.toContain('offer=');
    // In the table the group is a row of its own, with no link.
    await panelTable(page, 'offers');
    const row = page.locator('table[data-panel="offers"] tr[data-row="other"]');
    await expect(row).toContainText('Other offers (2)');
    await expect(row.getByRole('link')).toHaveCount(0);
  });

  test('a country filter of US finds a lead sent as "USA"', async ({ page }) => {
    await signIn(page, PEOPLE.manager.email);
    const api = await (await page.request.get(`/api/leads?country=US&offer=${USA_OFFER}`)).json();
    expect(api.total).toBe(1);
    expect(api.rows[0].country).toBe('US');

    await page.goto(`/leads?country=US&offer=${USA_OFFER}`);
    await expect(page.getByRole('link', { name: `${USA_NAME} Sender` })).toBeVisible();

    await page.goto(`/dashboard?range=30d&offer=${USA_OFFER}`);
    const countries = await panelTable(page, 'countries');
    expect(Object.keys(countries)).toEqual(['US']);
    expect(countries.US!.country).toBe('United States (US)');
    // The dashboard's own filter takes a name or the three-letter code and looks for the code.
    const input = page.getByLabel('Country');
    await input.fill('USA');
    await input.press('Enter');
    await expect(page).toHaveURL(/country=US(&|$)/);
    await expect(input).toHaveValue('United States (US)');
    const summary = await panelTable(page, 'summary');
    expect(num(summary.newLeads!.value)).toBe(1);
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1366, height: 900 },
  ])
    test(`reads at ${viewport.width} px: no page errors, nothing wider than the screen`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setViewportSize(viewport);
      await signIn(page, PEOPLE.manager.email);
      await page.goto('/dashboard?range=30d');
      await expect(page.locator('[data-panel-card][aria-busy="true"]')).toHaveCount(0);
      await expect(page.locator('[data-panel-card] .recharts-surface').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const reps = page.locator('[data-panel-card="reps"]');
      await expect(reps.getByRole('link', { name: PEOPLE.rep1.name })).toBeVisible();
      expect(await reps.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });

  test('a rep is refused the page and its data', async ({ page }) => {
    await signIn(page, PEOPLE.rep1.email);
    // Like every page outside a role's permissions, it does not exist for a rep.
    const response = await page.goto('/dashboard');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
    const api = await page.request.get('/api/dashboard/summary');
    expect(api.status()).toBe(403);
  });
});
