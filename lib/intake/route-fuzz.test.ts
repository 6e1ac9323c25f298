import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTABLE_STATUSES, fuzzBody } from '@/lib/testing/fuzz-bodies';

// 10,000 random and malformed bodies through the real route handler, in process, on a database in
// memory-backed storage (fsync there is free, so the run takes seconds). The Playwright suite
// repeats a sample of the same corpus over HTTP against the production server.

const KEY = 'fuzz-intake-key-0123456789abcdef';
const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'leads-fuzz-'));
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  process.env.DATABASE_PATH = path.join(dir, 'leads.db');
  process.env.INTAKE_KEY = KEY;
  const { bootstrapIntake } = await import('@/lib/intake-keys/bootstrap');
  bootstrapIntake();
  ({ POST } = await import('@/app/api/intake/marketplace/route'));
});

afterAll(async () => {
  const { closeDb } = await import('@/db');
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.DATABASE_PATH;
  delete process.env.INTAKE_KEY;
});

describe('intake route handler under fuzzing', () => {
  it('answers 10,000 random and malformed bodies with a 2xx or a clear 4xx, never a 5xx', async () => {
    const statuses = new Map<number, number>();
    for (const body of fc.sample(fuzzBody, { numRuns: 10_000, seed: 20261123 })) {
      const response = await POST(
        new Request(`http://localhost/api/intake/marketplace?key=${KEY}`, {
          method: 'POST',
          body: typeof body === 'string' ? body : new Uint8Array(body),
        }),
      );
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (!ACCEPTABLE_STATUSES.includes(response.status)) {
        throw new Error(`status ${response.status} for body ${JSON.stringify(String(body).slice(0, 200))}`);
      }
      if (response.status >= 400) {
        const { error } = await response.json();
        expect(error.message).toEqual(expect.any(String));
      }
    }
    // The corpus reaches every outcome, so the test would notice a handler that rejects everything.
    for (const status of ACCEPTABLE_STATUSES) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
