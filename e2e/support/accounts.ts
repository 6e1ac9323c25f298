// The people and keys the e2e suites act as, made by e2e/setup through the real CLIs.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';

export const E2E_DATA = path.resolve('.e2e-data');
export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password', name: 'Ada Admin' };
export const PASSWORD = 'e2e-user-password';
export const PEOPLE = {
  manager: { email: 'manager@e2e.test', name: 'Mona Manager', role: 'manager' },
  rep1: { email: 'rep1@e2e.test', name: 'Rita Rep', role: 'rep' },
  rep2: { email: 'rep2@e2e.test', name: 'Remy Rep', role: 'rep' },
  leaver: { email: 'leaver@e2e.test', name: 'Lee Leaver', role: 'rep' },
} as const;
export type Person = keyof typeof PEOPLE;

export const ADMIN_STATE = path.join(E2E_DATA, 'admin-state.json');
const KEYS_FILE = path.join(E2E_DATA, 'api-keys.json');

export type ApiKeys = { reader: string; manager: string; revoked: string; revokedId: number };
export const saveApiKeys = (keys: ApiKeys) => fs.writeFileSync(KEYS_FILE, JSON.stringify(keys));
export const apiKeys = (): ApiKeys => JSON.parse(fs.readFileSync(KEYS_FILE, 'utf8')) as ApiKeys;

/** Runs one of the app's CLIs (npm run user / api-key) against the e2e database. */
export async function cli(script: 'user' | 'api-key', args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npx', ['tsx', `db/scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_PATH: path.join(E2E_DATA, 'leads.db') },
  });
  return stdout;
}

/** A fresh API client signed in as someone, through the real sign-in endpoint. */
export async function signedIn(baseURL: string, email: string, password = PASSWORD): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await context.post('/api/auth/sign-in/email', {
    data: { email, password },
    headers: { origin: baseURL },
  });
  if (!response.ok()) throw new Error(`sign-in as ${email} failed: ${response.status()} ${await response.text()}`);
  return context;
}

/** A client with no credentials at all. */
export function anonymous(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

/** A client that presents an API key. */
export function withKey(baseURL: string, key: string): Promise<APIRequestContext> {
  return request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
}

/** Signs a browser page in through the form, as a person would, and waits for the first screen (a rep's is the queue). */
export async function signInPage(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Overview|Leads)$/ })).toBeVisible();
}
