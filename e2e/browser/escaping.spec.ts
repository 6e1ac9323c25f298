// Customer text is text on every page that shows it: leads whose every field is an HTML/script
// payload arrive through the webhook, and the home screen, the leads table (and its search), the
// lead page (journey, raw payload, the person's other leads), the dashboard and the audit log show
// them literally — no dialog, no `window.__xss`, no injected element. The CSV export neutralises
// cells a spreadsheet would run as formulas.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { postLead } from '../support/intake';

const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;

/** Every text field a payload; the marker keeps email and offer unique and searchable. */
function hostileLead(marker: string, offer = 'offer') {
  return {
    UserDetails: {
      FirstName: '<script>window.__xss=1</script>',
      LastName: '<img src=x onerror="window.__xss=1;alert(1)">',
      Email: `javascript:window.__xss=1//${marker}@contoso.example`,
      Phone: '"><svg onload="window.__xss=1">',
      Country: `<iframe src="javascript:top.__xss=1"></iframe>${marker}`,
      Company: `"><svg/onload=window.__xss=1>${marker}`,
      Title: '<a href="javascript:window.__xss=1">click me</a>',
    },
    LeadSource: `<img src=x onerror=window.__xss=1>-<svg onload=alert(1)>|xss${marker}.${offer}`,
    ActionCode: '<svg onload=window.__xss=1>',
    OfferTitle: `<script>alert(document.domain)</script> Offer ${marker} ${offer}`,
    Description: `<details open ontoggle="window.__xss=1"><summary>x</summary></details><style>body{display:none}</style>${marker}`,
  };
}
type HostileLead = ReturnType<typeof hostileLead>;
const fullName = (lead: HostileLead) => `${lead.UserDetails.FirstName} ${lead.UserDetails.LastName}`;

async function ingest(request: APIRequestContext, lead: HostileLead): Promise<number> {
  const response = await postLead(request, JSON.stringify(lead));
  expect(response.status()).toBe(201);
  return (await response.json()).leadId;
}

/** Fails the test on any dialog, and checks after each page that nothing ran or was injected. */
function guard(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return async (where: string) => {
    // Give injected handlers (onload, onerror, ontoggle) a chance to fire before looking.
    await page.waitForLoadState('load');
    await page.waitForTimeout(150);
    expect(dialogs, `a dialog opened on ${where}`).toEqual([]);
    const found = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      injected: [
        ...document.querySelectorAll('[onerror], [onload], [ontoggle], iframe, img[src="x"], a[href^="javascript:" i]'),
      ].map((element) => element.outerHTML.slice(0, 120)),
      scripts: [...document.scripts].filter((script) =>
        /^\s*(window\.__xss=1|alert\(document\.domain\))\s*$/.test(script.textContent ?? ''),
      ).length,
      hiddenBody: getComputedStyle(document.body).display === 'none',
    }));
    expect(found, `payload ran or was injected on ${where}`).toEqual({
      xss: undefined,
      injected: [],
      scripts: 0,
      hiddenBody: false,
    });
  };
}

test('lead text with HTML and script payloads is shown literally on every page and never runs', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const check = guard(page);
  const marker = `xss${run}`;
  const lead = hostileLead(marker);
  const id = await ingest(request, lead);
  // The same person for another offer: the lead page lists it under their other leads.
  const other = hostileLead(marker, 'second');
  await ingest(request, other);

  // Home: the latest leads. Other suites post leads at the same time, so deliver a fresh copy until
  // one is among the latest eight when the page renders.
  await expect(async () => {
    // (Another marker: these extra copies must not show up in the search below.)
    await ingest(request, hostileLead(`home${run}${Date.now().toString(36)}`));
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Latest leads' }).getByText(fullName(lead)).first()).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 45_000 });
  await expect(
    page.getByRole('list', { name: 'Latest leads' }).getByText('<script>alert(document.domain)</script> Offer').first(),
  ).toBeVisible();
  await check('the home screen');

  // The leads table, searched through the UI and opened by URL.
  await page.goto('/leads');
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(marker);
  await expect(page).toHaveURL(new RegExp(`q=${marker}`));
  const table = page.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: marker })).toHaveCount(2);
  await expect(table.getByText(fullName(lead)).first()).toBeVisible();
  await expect(table.getByText(lead.UserDetails.Company).first()).toBeVisible();
  await check('the leads table');
  await page.goto(`/leads?q=${marker}&cols=name,company,title,email,country,offer,action,stage,status`);
  await expect(table.getByText(lead.UserDetails.Title).first()).toBeVisible();
  await expect(table.getByText(lead.UserDetails.Email).first()).toBeVisible();
  await expect(table.getByText(lead.UserDetails.Country).first()).toBeVisible();
  await expect(table.getByText(lead.OfferTitle).first()).toBeVisible();
  await check('the leads table with every column');

  // The lead page: name, contact, journey with its raw payload, the person's other leads.
  await page.goto(`/leads/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName(lead));
  for (const value of [
    lead.UserDetails.Company,
    lead.UserDetails.Email,
    lead.UserDetails.Phone,
    lead.UserDetails.Country,
  ]) {
    await expect(page.getByText(value, { exact: false }).first()).toBeVisible();
  }
  const journey = page.getByRole('list', { name: 'Journey' });
  await expect(journey.getByText(lead.Description)).toBeVisible();
  await journey.getByText('Raw payload as received').click();
  await expect(journey.locator('pre')).toContainText('"FirstName":"<script>window.__xss=1</script>"');
  await expect(page.getByText(other.OfferTitle)).toBeVisible();
  // Contact links never carry a script URL.
  for (const href of await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
    expect(href.toLowerCase().trimStart()).not.toMatch(/^(javascript|data|vbscript):/);
  }
  await check('the lead page');

  // The dashboard, filtered to this lead's offer and country: offer and country names in panels and filters.
  const offerKey = `xss${marker}.offer`;
  await page.goto(
    `/dashboard?offer=${encodeURIComponent(offerKey)}&country=${encodeURIComponent(lead.UserDetails.Country)}`,
  );
  // The charts' labels are shortened; the table view shows the whole text.
  for (const [panel, text] of [
    ['offers', lead.OfferTitle],
    ['countries', lead.UserDetails.Country],
  ] as const) {
    const card = page.locator(`[data-panel-card="${panel}"]`);
    await card.getByRole('button', { name: /view as table/i }).click();
    await expect(card.getByRole('table').getByText(text).first()).toBeVisible();
  }
  await check('the dashboard');

  // The audit log names leads by id only, but it is a page that could show lead data: it must be clean too.
  await page.goto('/settings/audit');
  await check('the audit log');

  // The delivery log shows offer titles and, for a rejected delivery, the body as received.
  const refused = await request.post(`/api/intake/marketplace?key=wrong-key-${marker}-0123456789`, {
    data: Buffer.from(JSON.stringify(hostileLead(marker, 'refused'))),
    headers: { 'content-type': 'application/json' },
  });
  expect(refused.status()).toBe(401);
  await page.goto(`/settings/deliveries?offer=${encodeURIComponent(marker)}`);
  const receipts = page.getByRole('region', { name: 'Delivery receipts' });
  await expect(receipts.getByText(lead.OfferTitle).first()).toBeVisible();
  await check('the delivery log');
  await page.goto(`/settings/deliveries?offer=${encodeURIComponent(marker)}&outcome=rejected`);
  await receipts
    .getByRole('link', { name: /^Delivery \d+$/ })
    .first()
    .click();
  await expect(page.locator('pre')).toContainText('<script>window.__xss=1</script>');
  await check('a rejected delivery');
});

/** RFC 4180 rows (quoted fields with doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

test('the CSV export neutralises cells a spreadsheet would run as formulas', async ({ page, request }) => {
  const marker = `csv${run}`;
  const response = await postLead(
    request,
    JSON.stringify({
      UserDetails: {
        FirstName: '=HYPERLINK("http://evil.example","click")',
        LastName: 'Formula',
        Email: `-${marker}@contoso.example`,
        Phone: '+36 1 555 0100',
        Country: '@SUM(A1:A2)',
        Company: `\t=1+1 ${marker}`,
        Title: "\r+cmd|' /C calc'!A0",
      },
      LeadSource: `SPZA-PLT|csv${marker}.offer`,
      ActionCode: 'PLT',
      OfferTitle: '@Offer',
      Description: 'plain',
    }),
  );
  expect(response.status()).toBe(201);

  const exported = await page.request.get(`/api/leads/export?q=${marker}&cols=name,company,title,email,country,offer`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toContain('text/csv');
  const text = await exported.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual(['Name', 'Company', 'Title', 'Email', 'Country', 'Offer']);
  expect(rows).toEqual([
    [
      `'=HYPERLINK("http://evil.example","click") Formula`,
      `'=1+1 ${marker}`,
      `'+cmd|' /C calc'!A0`,
      `'-${marker}@contoso.example`,
      `'@SUM(A1:A2)`,
      `'@Offer`,
    ],
  ]);
  for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});
