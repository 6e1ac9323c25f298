import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { ADMIN, ADMIN_STATE } from './e2e/support/accounts';

// End-to-end tests run against a real production server (`next start`) on a fresh database.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3211);
export const E2E_INTAKE_KEY = 'e2e-intake-key-0123456789abcdef';
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

// Debian's Chromium where it exists (no browser downloads here); Playwright's own elsewhere.
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  // Two workers share two cores with the server: a chart's code and numbers can take a few seconds.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    // People and keys for the suites below (see e2e/support/accounts.ts); they act as the admin
    // unless a test says otherwise.
    { name: 'setup', testDir: './e2e/setup', testMatch: /.*\.setup\.ts/ },
    { name: 'api', testDir: './e2e/api', dependencies: ['setup'], use: { storageState: ADMIN_STATE } },
    {
      name: 'browser',
      testDir: './e2e/browser',
      dependencies: ['setup'],
      use: {
        ...devices['Desktop Chrome'],
        storageState: ADMIN_STATE,
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // The server's stdout and stderr go to .e2e-data/server.log, which `npm run test:logs` scans
    // for leaked personal data and secrets after the run.
    // Playwright's request context keeps idle connections without a limit; with Node's 5 s idle
    // close, a request sent on a connection the server was closing at that instant failed with
    // ECONNRESET (once in CI). The server keeps idle connections for 65 s instead, longer than any
    // pause in a test.
    command: `rm -rf .e2e-data && mkdir -p .e2e-data && next start -H 127.0.0.1 -p ${E2E_PORT} --keepAliveTimeout 65000 > .e2e-data/server.log 2>&1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      DATABASE_PATH: '.e2e-data/leads.db',
      INTAKE_KEY: E2E_INTAKE_KEY,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ADMIN_NAME: ADMIN.name,
      NEXT_TELEMETRY_DISABLED: '1',
      PUBLIC_URL: '',
      // Every browser suite signs in from 127.0.0.1; the per-account throttle is still tested.
      SIGN_IN_PER_MINUTE: '1000',
    },
  },
});
