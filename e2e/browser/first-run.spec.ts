// First run: however the database was started (empty, or seeded with reps who have no password),
// someone can get in — through /setup, or as the admin named by ADMIN_EMAIL. Each case runs its
// own server on its own database, so the shared one keeps its people; they run one at a time on
// the one spare port.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { E2E_DATA } from '../support/accounts';

const port = E2E_PORT + 1;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;

// Steps that hash a password (scrypt, deliberately slow) can take seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** A fresh, empty folder for one case's database and server log. */
function freshDir(name: string): string {
  const dir = path.join(E2E_DATA, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** `npm run seed` (small) into a database; returns what it printed. */
async function seed(dir: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'db/scripts/seed.ts', '--count', '60'], {
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'leads.db'), ADMIN_EMAIL: '', ...env },
  });
  return stdout;
}

async function startServer(dir: string, env: Record<string, string> = {}): Promise<void> {
  // Its log is scanned by `npm run test:logs` too: this server generates a webhook key and sees
  // the first admin's address typed into /setup.
  const log = fs.openSync(path.join(dir, 'server.log'), 'a');
  // Node runs Next's own entry directly, so killing this process stops the server.
  server = spawn(
    process.execPath,
    [path.resolve('node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        DATABASE_PATH: path.join(dir, 'leads.db'),
        ADMIN_EMAIL: '',
        ADMIN_PASSWORD: '',
        NEXT_TELEMETRY_DISABLED: '1',
        ...env,
      },
      stdio: ['ignore', log, log],
    },
  );
  fs.closeSync(log);
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('first-run server did not start');
}

async function stopServer(): Promise<void> {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill();
  await exited;
}

test.afterEach(stopServer);

/** Fills /setup and lands on the overview as that admin. */
async function completeSetup(page: Page, name: string, email: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('first-admin-password');
  await page.getByLabel('Password again').fill('first-admin-password');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Account: ${name}, Admin` })).toBeVisible();
}

test('the first visit creates the admin through /setup, which then disappears', async ({ page }) => {
  await startServer(freshDir('first-run'));
  await page.goto(`${base}/`);
  await expect(page).toHaveURL(`${base}/setup`);
  await page.getByLabel('Your name').fill('First Admin');
  await page.getByLabel('Work email').fill('first@e2e.test');
  await page.getByLabel('Password', { exact: true }).fill('first-admin-password');
  await page.getByLabel('Password again').fill('something-else-entirely');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByText('Type the same password twice.')).toBeVisible();
  // What was typed survives the failed attempt.
  await expect(page.getByLabel('Work email')).toHaveValue('first@e2e.test');

  await page.getByLabel('Password again').fill('first-admin-password');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account: First Admin, Admin' })).toBeVisible();

  await page.goto(`${base}/setup`);
  await expect(page).toHaveURL(`${base}/`);
});

test('a seeded database without ADMIN_EMAIL: the seed points to /setup, which still works once', async ({
  page,
  browser,
}) => {
  const dir = freshDir('first-run-seeded');
  const printed = await seed(dir);
  expect(printed).toContain('open /setup to create the first admin');
  await startServer(dir);

  // The seeded reps have no password: every way in leads to /setup.
  await page.goto(`${base}/`);
  await expect(page).toHaveURL(`${base}/setup`);
  await page.goto(`${base}/sign-in`);
  await expect(page).toHaveURL(`${base}/setup`);
  await expect(page.getByText('Nobody can sign in as an admin yet.')).toBeVisible();
  await completeSetup(page, 'Seeded Admin', 'seeded-admin@e2e.test');

  // Closed now, for anyone: a signed-out visitor is sent to sign in.
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await stranger.newPage();
  await other.goto(`${base}/setup`);
  await expect(other).toHaveURL(`${base}/sign-in`);
  await stranger.close();

  // The seed now names who to sign in as.
  expect(await seed(dir)).toContain('Sign in as seeded-admin@e2e.test (an admin).');
});

test('a seeded database with ADMIN_EMAIL: the scripted admin is made at start and signs in', async ({ page }) => {
  const dir = freshDir('first-run-scripted');
  const admin = { ADMIN_EMAIL: 'scripted-admin@e2e.test', ADMIN_PASSWORD: 'scripted-admin-password' };
  const printed = await seed(dir, { ADMIN_EMAIL: admin.ADMIN_EMAIL });
  expect(printed).toContain('it makes scripted-admin@e2e.test the admin');
  // Never a password in what the seed prints.
  expect(printed).not.toContain(admin.ADMIN_PASSWORD);
  await startServer(dir, { ...admin, ADMIN_NAME: 'Scripted Admin' });

  await page.goto(`${base}/setup`);
  await expect(page).toHaveURL(`${base}/sign-in`);
  await page.getByLabel('Email').fill(admin.ADMIN_EMAIL);
  await page.getByLabel('Password').fill(admin.ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account: Scripted Admin, Admin' })).toBeVisible();

  // The seeded reps are there to work with, in Settings → Users.
  await page.goto(`${base}/settings/users`);
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row')).toHaveCount(10);
});
