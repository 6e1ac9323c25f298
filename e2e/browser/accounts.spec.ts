// A person's own account (password, time zone, theme) and an admin's password reset, through the
// real UI. Each test makes its own person with the CLI, so no other spec's logins change.
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN_STATE, cli, PASSWORD, signedIn } from '../support/accounts';

// Steps that hash a password (scrypt, deliberately slow) can take seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

test.use({ storageState: { cookies: [], origins: [] } });

async function newPerson(name: string, role = 'rep') {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now().toString(36)}@e2e.test`;
  await cli('user', ['add', '--email', email, '--name', name, '--role', role, '--password', PASSWORD]);
  return { email, name };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function openAccountPage(page: Page, name: string, role = 'Rep') {
  await page.getByRole('button', { name: `Account: ${name}, ${role}` }).click();
  await page.getByRole('menuitem', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
}

test('a rep changes their password: the current one is checked and other sessions end', async ({ page, baseURL }) => {
  const person = await newPerson('Cora Change');
  const elsewhere = await signedIn(baseURL!, person.email);
  expect((await elsewhere.get('/api/leads')).status()).toBe(200);

  await signIn(page, person.email, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  await openAccountPage(page, person.name);

  const form = page.getByRole('region', { name: 'Password' });
  await form.getByLabel('Current password').fill('not-my-password');
  await form.getByLabel('New password', { exact: true }).fill('a-brand-new-password');
  await form.getByLabel('New password again').fill('a-brand-new-password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('That is not your current password.')).toBeVisible();
  await expect(form.getByLabel('Current password')).toBeFocused();

  // The rules of lib/auth/limits.ts, named on the field.
  await form.getByLabel('Current password').fill(PASSWORD);
  await form.getByLabel('New password', { exact: true }).fill('short');
  await form.getByLabel('New password again').fill('short');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('Use at least 10 characters.')).toBeVisible();

  await form.getByLabel('New password', { exact: true }).fill('a-brand-new-password');
  await form.getByLabel('New password again').fill('a-brand-new-password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText('Password changed. You were signed out everywhere else.');

  // This browser stays signed in; the other session is gone.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  expect((await elsewhere.get('/api/leads')).status()).toBe(401);
  await elsewhere.dispose();
  // The old password no longer works, the new one does.
  await expect(signedIn(baseURL!, person.email)).rejects.toThrow(/401/);
  const again = await signedIn(baseURL!, person.email, 'a-brand-new-password');
  await again.dispose();
});

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  return context.newPage();
}

test('an admin resets a password: shown once, sessions end, a new one is required at sign-in', async ({
  page,
  browser,
  baseURL,
}) => {
  const person = await newPerson('Reid Reset');
  const before = await signedIn(baseURL!, person.email);

  const admin = await adminPage(browser);
  await admin.goto('/settings/users');
  await admin.getByRole('button', { name: `Reset password of ${person.name}` }).click();
  const confirm = admin.getByRole('alertdialog', { name: `Reset the password of ${person.name}?` });
  await confirm.getByRole('button', { name: 'Reset password' }).click();
  const shown = admin.getByRole('dialog', { name: `Temporary password for ${person.name}` });
  await expect(shown).toBeVisible();
  const temporary = (await shown.getByLabel('Temporary password').textContent())?.trim() ?? '';
  expect(temporary).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
  await expect(shown.getByRole('button', { name: 'Copy password' })).toBeVisible();
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);
  // Gone for good: not on the page, not after a reload.
  await expect(admin.getByText(temporary)).toHaveCount(0);
  await admin.reload();
  await expect(admin.getByText(temporary)).toHaveCount(0);

  // Signed out everywhere; the old password is dead.
  expect((await before.get('/api/leads')).status()).toBe(401);
  await before.dispose();
  await expect(signedIn(baseURL!, person.email)).rejects.toThrow(/401/);

  // With the temporary password the app opens only onto the password change — on the server too.
  await signIn(page, person.email, temporary);
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.goto('/leads');
  await expect(page).toHaveURL(/\/change-password$/);
  const api = await signedIn(baseURL!, person.email, temporary);
  const refused = await api.get('/api/leads');
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe('Choose a new password before you continue.');
  await api.dispose();

  // The temporary password cannot simply be kept.
  await page.getByLabel('Current password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill(temporary);
  await page.getByLabel('New password again').fill(temporary);
  await page.getByRole('button', { name: 'Set password and continue' }).click();
  await expect(page.getByText('Choose a password different from the current one.')).toBeVisible();

  await page.getByLabel('New password', { exact: true }).fill('reids-own-password');
  await page.getByLabel('New password again').fill('reids-own-password');
  await page.getByRole('button', { name: 'Set password and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  await page.goto('/leads');
  await expect(page).toHaveURL(/\/leads/);

  // Both steps are in the audit log, without any password.
  await admin.goto('/settings/audit');
  const log = admin.getByRole('region', { name: 'Audit log entries' });
  await expect(log.getByText('Password reset').first()).toBeVisible();
  await expect(log.getByText('Password changed').first()).toBeVisible();
  await expect(log.getByText(temporary)).toHaveCount(0);
  await admin.context().close();
});

test('the CLI resets a password and prints the temporary one once', async ({ baseURL }) => {
  const person = await newPerson('Cleo Cli');
  const printed = await cli('user', ['reset-password', '--email', person.email]);
  const temporary = /Temporary password \(shown once\): (\S+)/.exec(printed)?.[1] ?? '';
  expect(temporary).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
  const api = await signedIn(baseURL!, person.email, temporary);
  expect((await api.get('/api/leads')).status()).toBe(403);
  await api.dispose();
});

test('theme and time zone are saved, apply app-wide, and survive a reload', async ({ page }) => {
  const person = await newPerson('Theo Theme', 'manager');
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, person.email, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const html = page.locator('html');
  // "System" on a light device: no dark class; on a dark device: set before the page is shown.
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);

  await openAccountPage(page, person.name, 'Manager');
  const prefs = page.getByRole('region', { name: 'Preferences' });
  await prefs.getByRole('radio', { name: 'Light' }).check({ force: true });
  await prefs.getByLabel('Time zone').selectOption('Europe/Berlin');
  await prefs.getByRole('button', { name: 'Save preferences' }).click();
  await expect(prefs.getByRole('status')).toHaveText('Preferences saved.');
  // Light wins over the dark device, on every page and after a reload.
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.goto('/leads');
  await expect(html).not.toHaveClass(/\bdark\b/);

  await page.goto('/account');
  await expect(prefs.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await expect(prefs.getByRole('radio', { name: 'Light' })).toBeChecked();
  await prefs.getByRole('radio', { name: 'Dark' }).check({ force: true });
  await prefs.getByLabel('Time zone').selectOption('');
  await prefs.getByRole('button', { name: 'Save preferences' }).click();
  await expect(prefs.getByRole('status')).toHaveText('Preferences saved.');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  // Dark wins over the light device; the server renders it, so there is no flash.
  await expect(html).toHaveClass(/\bdark\b/);
  const served = await (await page.request.get('/account')).text();
  expect(served).toMatch(/<html[^>]*class="dark"/);
  await expect(prefs.getByLabel('Time zone')).toHaveValue('');
});
