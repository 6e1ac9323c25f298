import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  HOSTILE_CORPUS,
  statusesOf,
  uniqueFor,
  type HostileCase,
  type Keys,
} from '@/e2e/fixtures/hostile-corpus';

// The hostile corpus through the real route handler, in process: every case that does not need a
// real socket (slow and lying bodies run only against the production server, in
// e2e/api/hostile.spec.ts). An aborted body is simulated by a stream that fails mid-way.

const KEY = 'hostile-intake-key-0123456789abcdef';
const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'leads-hostile-'));
type Handler = (request: Request) => Promise<Response>;
let route: Record<'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE', Handler>;
let keys: Keys;
let readLead: (id: number) => Record<string, unknown> | null;
let storedWith: (tag: string) => number;

beforeAll(async () => {
  process.env.DATABASE_PATH = path.join(dir, 'leads.db');
  process.env.INTAKE_KEY = KEY;
  const { bootstrapIntake } = await import('@/lib/intake-keys/bootstrap');
  bootstrapIntake();
  const { getDb } = await import('@/db');
  const { intakeKeys } = await import('@/db/schema');
  const { createIntakeKey } = await import('@/lib/intake-keys/service');
  const { getLeadById } = await import('@/lib/leads/queries');
  const { eq } = await import('drizzle-orm');
  const db = getDb();
  const revoked = createIntakeKey(db, { label: 'revoked', secret: Buffer.alloc(32, 1) });
  db.update(intakeKeys)
    .set({ revokedAt: new Date(Date.now() - 1000) })
    .where(eq(intakeKeys.id, revoked.id))
    .run();
  keys = { valid: KEY, revoked: revoked.key, apiKey: 'mla_not_an_intake_key_0123456789' };
  readLead = (id) => getLeadById(db, { kind: 'all' }, id) as Record<string, unknown> | null;
  storedWith = (tag) =>
    (
      db.$client
        .prepare('select count(*) as n from lead_events where instr(cast(raw_body as text), ?) > 0')
        .get(tag) as { n: number }
    ).n;
  const handlers = await import('@/app/api/intake/marketplace/route');
  route = handlers as unknown as typeof route;
});

afterAll(async () => {
  const { closeDb } = await import('@/db');
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.DATABASE_PATH;
  delete process.env.INTAKE_KEY;
});

function requestFor(item: HostileCase, body: Buffer): Request {
  const query =
    item.query?.(keys) ??
    (
      {
        query: `?key=${encodeURIComponent(keys.valid)}`,
        bearer: '',
        none: '',
        wrong: '?key=wrong-key-0123456789',
        revoked: `?key=${encodeURIComponent(keys.revoked)}`,
        'api-key': `?key=${keys.apiKey}`,
      } as const
    )[item.key ?? 'query'];
  const headers = new Headers({ 'content-type': 'application/json', ...item.headers });
  const authorization = item.authorization?.(keys) ?? (item.key === 'bearer' ? `Bearer ${keys.valid}` : undefined);
  if (authorization !== undefined) headers.set('authorization', authorization);
  const method = item.method ?? 'POST';
  const url = `http://localhost/api/intake/marketplace${query}`;
  const transport = item.transport?.kind ?? 'whole';
  if (method === 'GET') return new Request(url, { method, headers });
  if (transport === 'chunked' || transport === 'abort') {
    const chunkBytes = item.transport?.kind === 'chunked' ? item.transport.chunkBytes : 16;
    const stop =
      item.transport?.kind === 'abort'
        ? item.transport.afterBytes < 0
          ? body.length + item.transport.afterBytes
          : item.transport.afterBytes
        : body.length;
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= stop) {
          if (transport === 'abort') controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
          else controller.close();
          return;
        }
        const end = Math.min(stop, offset + chunkBytes);
        controller.enqueue(new Uint8Array(body.subarray(offset, end)));
        offset = end;
      },
    });
    return new Request(url, { method, headers, body: stream, duplex: 'half' } as RequestInit);
  }
  headers.set('content-length', String(body.length));
  return new Request(url, { method, headers, body: new Uint8Array(body) });
}

// Only a real socket can dribble or lie about its length.
const inProcess = HOSTILE_CORPUS.map((item, index) => ({ item, index })).filter(
  ({ item }) => item.transport?.kind !== 'dribble' && item.transport?.kind !== 'declared-length',
);

describe('the hostile corpus through the intake route handler', () => {
  it('has at least 150 cases, each uniquely named', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(HOSTILE_CORPUS.map((item) => `${item.group}: ${item.name}`)).size).toBe(HOSTILE_CORPUS.length);
  });

  it.each(inProcess.map(({ item, index }) => [`${item.group}: ${item.name}`, item, index] as const))(
    '%s',
    async (_name, item, index) => {
      const u = uniqueFor('vt', index);
      const post = (body: Buffer) => route[item.method ?? 'POST'](requestFor(item, body));
      let primeId: number | undefined;
      if (item.prime) {
        const primed = await post(Buffer.from(item.prime(u)));
        expect(primed.status).toBe(201);
        primeId = (await primed.json()).leadId;
      }
      const response = await post(bodyOf(item.body, u));
      // An aborted body has nobody to answer in real life; in process the handler must still say 400, not 500.
      const allowed = item.transport?.kind === 'abort' ? [400] : statusesOf(item.expect);
      expect(allowed, `status ${response.status}: ${await response.clone().text()}`).toContain(response.status);
      const payload = await response.json();
      if (response.status >= 400) {
        expect(payload.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        if (item.expect.code)
          expect(payload.error.code).toBe(item.transport?.kind === 'abort' ? 'invalid_json' : item.expect.code);
        if (item.expect.fields)
          expect(payload.error.details.map((detail: { field: string }) => detail.field)).toEqual(item.expect.fields);
        if (item.expect.samePrimeLead === undefined) expect(storedWith(u.tag)).toBe(0);
        return;
      }
      expect(payload).toEqual({
        leadId: expect.any(Number),
        eventId: expect.any(Number),
        duplicate: response.status === 200,
      });
      if (item.expect.samePrimeLead) expect(payload.leadId).toBe(primeId);
      const lead = readLead(payload.leadId);
      expect(lead).not.toBeNull();
      if (item.expect.lead) expect(JSON.parse(JSON.stringify(lead))).toMatchObject(item.expect.lead(u));
    },
  );
});
