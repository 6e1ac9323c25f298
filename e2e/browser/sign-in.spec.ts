import { expect, test } from '@playwright/test';
import { PASSWORD, PEOPLE } from '../support/accounts';

test.use({ storageState: { cookies: [], origins: [] } });

test('signs in through the form, shows the role, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Leadline' })).toBeVisible();

  await page.getByLabel('Email').fill(PEOPLE.manager.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong' })).toHaveText('Wrong email or password.');

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const menu = page.getByRole('button', { name: `Account: ${PEOPLE.manager.name}, Manager` });
  await expect(menu).toBeVisible();
  // Managers do not administer the workspace.
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  await menu.click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a deep link survives signing in', async ({ page }) => {
  await page.goto('/settings/users');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fusers$/);
});

test('a rep sees only their own and unassigned leads, and no settings', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(PEOPLE.rep2.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account: ${PEOPLE.rep2.name}, Rep` })).toBeVisible();
  // A rep lands on their queue; the overview is for those who assign.
  await expect(page).toHaveURL(/\/leads$/);
  await expect(page.getByRole('tab', { name: 'My queue', selected: true })).toBeVisible();
  // The webhook secret and the admin pages are not for reps.
  await expect(page.getByTestId('webhook-url')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  const response = await page.goto('/settings/users');
  expect(response?.status()).toBe(404);
});
