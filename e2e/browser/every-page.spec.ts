// Every page, as each role, at desktop and phone width: no uncaught error, no console error (a
// hydration mismatch is one), no failed same-origin request (a missing favicon is one).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, PEOPLE, signedIn } from '../support/accounts';
import { postLead, uniqueLead } from '../support/intake';

type Role = 'admin' | 'manager' | 'rep';

const COMMON = ['/', '/leads', '/leads?view=all', '/leads?status=new&sort=-receivedAt'];
const PAGES: Record<Role, string[]> = {
  admin: [
    ...COMMON,
    '/dashboard',
    '/settings',
    '/settings/users',
    '/settings/keys',
    '/settings/deliveries',
    '/settings/audit',
    '/settings/privacy',
    '/settings/qualification',
  ],
  manager: [...COMMON, '/dashboard'],
  rep: COMMON,
};

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function browserAs(browser: Browser, baseURL: string, role: Role, viewport: { width: number; height: number }) {
  const person = role === 'admin' ? ADMIN : role === 'manager' ? PEOPLE.manager : PEOPLE.rep1;
  const api = await signedIn(baseURL, person.email, role === 'admin' ? ADMIN.password : undefined);
  const storageState = await api.storageState();
  await api.dispose();
  return browser.newContext({ baseURL, storageState, viewport });
}

/** Collects what went wrong on a page while it is used. */
function watch(page: Page, baseURL: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(baseURL) && response.status() >= 400)
      problems.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('requestfailed', (request) => {
    // A navigation away cancels pending prefetches; that is not a failure of the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed ${request.url()}`);
  });
  return problems;
}

for (const role of ['admin', 'manager', 'rep'] as const) {
  for (const viewport of VIEWPORTS) {
    test(`every ${role} page at ${viewport.name} width loads without an error`, async ({
      browser,
      baseURL,
      request,
    }) => {
      test.setTimeout(120_000);
      const lead = uniqueLead({}, { Company: 'A company with a rather long name, Incorporated and Partners' });
      const response = await postLead(request, JSON.stringify(lead));
      expect(response.status()).toBe(201);
      const { leadId } = (await response.json()) as { leadId: number };

      const context = await browserAs(browser, baseURL!, role, viewport);
      const page = await context.newPage();
      const problems = watch(page, baseURL!);
      for (const path of [...PAGES[role], `/leads/${leadId}`]) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('main')).toBeVisible();
        expect(problems, `${role} at ${viewport.name} on ${path}`).toEqual([]);
      }
      await context.close();
    });
  }
}
