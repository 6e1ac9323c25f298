// Every route of the app, read from its route files (so a new route is covered automatically),
// refuses a request without valid credentials — except the webhook, the auth endpoints and health.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { anonymous } from '../support/accounts';

const APP_DIR = path.resolve('app');
const PUBLIC_API = [/^\/api\/intake\/marketplace$/, /^\/api\/auth\//, /^\/api\/health$/];
const PUBLIC_PAGES = ['/sign-in', '/setup'];

type Route = { url: string; file: string; kind: 'page' | 'api'; handlers: string[] };

function collectRoutes(dir: string, segments: string[] = []): Route[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry): Route[] => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('_') || entry.name.startsWith('@')) return [];
      // Route groups add nothing to the URL; dynamic segments get a sample value.
      const segment = entry.name.startsWith('(')
        ? null
        : entry.name.startsWith('[...') || entry.name.startsWith('[[...')
          ? 'sample'
          : entry.name.startsWith('[')
            ? '1'
            : entry.name;
      return collectRoutes(full, segment === null ? segments : [...segments, segment]);
    }
    const url = `/${segments.join('/')}`;
    if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) return [{ url, file: full, kind: 'page', handlers: ['GET'] }];
    if (/^route\.(ts|js)$/.test(entry.name)) {
      const source = fs.readFileSync(full, 'utf8');
      const handlers = [...source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (m) => m[1]!,
      );
      const aliased = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
        [...m[1]!.matchAll(/(\w+)\s+as\s+(GET|POST|PUT|PATCH|DELETE)\b/g)]
          .filter((a) => a[1] !== 'notAllowed')
          .map((a) => a[2]!),
      );
      return [{ url, file: full, kind: 'api', handlers: [...handlers, ...aliased] }];
    }
    return [];
  });
}

const routes = collectRoutes(APP_DIR);
const protectedRoutes = routes.filter((route) =>
  route.kind === 'page' ? !PUBLIC_PAGES.includes(route.url) : !PUBLIC_API.some((pattern) => pattern.test(route.url)),
);

test('the route list is read from the app folder', () => {
  expect(routes.map((route) => route.url)).toEqual(
    expect.arrayContaining(['/', '/sign-in', '/api/leads', '/api/leads/1']),
  );
  expect(protectedRoutes.length).toBeGreaterThan(5);
});

// Each way of arriving without valid credentials: nothing, a forged session cookie, a bogus key.
const CREDENTIALS = {
  none: {},
  'forged session cookie': { cookie: 'better-auth.session_token=forged.value' },
  'unknown API key': { authorization: 'Bearer mla_not-a-real-key-at-all-000000000' },
} satisfies Record<string, Record<string, string>>;

for (const route of protectedRoutes) {
  for (const [name, headers] of Object.entries(CREDENTIALS)) {
    test(`${route.kind} ${route.url} refuses a request with ${name}`, async ({ baseURL }) => {
      const client = await anonymous(baseURL!);
      for (const method of route.handlers) {
        const response = await client.fetch(route.url, {
          method,
          headers,
          maxRedirects: 0,
          data: method === 'GET' ? undefined : '{}',
        });
        if (route.kind === 'api') {
          expect(response.status(), `${method} ${route.url}`).toBe(401);
          expect((await response.json()).error.code).toBe('unauthorized');
        } else {
          expect([302, 303, 307, 308], `${method} ${route.url}`).toContain(response.status());
          expect(response.headers().location ?? '').toMatch(/\/sign-in(\?|$)/);
        }
      }
      await client.dispose();
    });
  }
}

test('public routes stay public', async ({ baseURL }) => {
  const client = await anonymous(baseURL!);
  expect((await client.get('/api/health')).status()).toBe(200);
  expect((await client.get('/sign-in')).status()).toBe(200);
  // Setup is gone once a user exists.
  const setup = await client.get('/setup', { maxRedirects: 0 });
  expect([307, 308]).toContain(setup.status());
  expect(setup.headers().location).toMatch(/\/sign-in$/);
  await client.dispose();
});
