// First run on an empty database: the app leads to /setup, which creates the first admin, signs
// them in, and is gone afterwards. Runs its own server so the shared one keeps its people.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { E2E_DATA } from '../support/accounts';

const port = E2E_PORT + 1;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  const dir = path.join(E2E_DATA, 'first-run');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
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
});

test.afterAll(() => {
  server?.kill();
});

test('the first visit creates the admin through /setup, which then disappears', async ({ page }) => {
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
