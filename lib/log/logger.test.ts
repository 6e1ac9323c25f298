import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logLevelFrom, turnDestination } from './logger';
import { runWithRequestContext } from './request-context';
import { logIntakeDelivery, logRequest, withRequestLog } from './request-log';
import { requestIdOf } from './request-id';
import { AppError, UNKNOWN_ERROR_REPORTER } from '@/lib/errors';
import { noteRequestActor } from './request-context';

/** A logger writing into an array, one parsed object per line. */
function capture(level?: string) {
  const raw: string[] = [];
  const log = createLogger({ level, destination: { write: (chunk: string) => void raw.push(chunk) } });
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, raw, lines };
}

const savedEnv = { ...process.env };
delete process.env.LOG_LEVEL;
afterEach(() => {
  process.env = { ...savedEnv };
  vi.restoreAllMocks();
});

describe('createLogger', () => {
  it('writes one JSON object per line with level, time, service and pid', () => {
    const { log, raw, lines } = capture();
    log.info({ leadId: 7 }, 'stored');
    expect(raw).toHaveLength(1);
    expect(raw[0]!.endsWith('\n')).toBe(true);
    expect(lines()[0]).toMatchObject({
      level: 'info',
      service: 'leadline',
      pid: process.pid,
      leadId: 7,
      msg: 'stored',
    });
    expect(new Date(lines()[0]!.time as string).toISOString()).toBe(lines()[0]!.time);
  });

  it('takes its level from LOG_LEVEL (info by default, silent allowed)', () => {
    expect(logLevelFrom(undefined)).toBe('info');
    expect(logLevelFrom('DEBUG')).toBe('debug');
    expect(logLevelFrom('silent')).toBe('silent');
    expect(logLevelFrom('loud')).toBe('info');
    process.env.LOG_LEVEL = 'warn';
    const { log, lines } = capture();
    log.info('hidden');
    log.warn('shown');
    expect(lines().map((line) => line.msg)).toEqual(['shown']);
    const silent = capture('silent');
    silent.log.fatal('nothing');
    expect(silent.raw).toEqual([]);
  });

  it('redacts personal and secret fields by name, at the top and nested', () => {
    const { log, raw, lines } = capture();
    log.info(
      {
        email: 'eva@contoso.example',
        key: 'abc',
        user: { firstName: 'Éva', lastName: 'Kovács', phone: '+36 1 234', password: 'pw-123456' },
        req: { headers: { authorization: 'Bearer x', cookie: 'a=b', 'set-cookie': 'c=d' } },
        body: '{"Email":"x"}',
        delivery: { rawBody: 'raw', token: 't' },
        leadId: 3,
      },
      'redaction',
    );
    expect(lines()[0]).toMatchObject({
      email: '[redacted]',
      key: '[redacted]',
      user: { firstName: '[redacted]', lastName: '[redacted]', phone: '[redacted]', password: '[redacted]' },
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]' } },
      body: '[redacted]',
      delivery: { rawBody: '[redacted]', token: '[redacted]' },
      leadId: 3,
    });
    for (const secret of ['contoso', 'Éva', 'Kovács', '+36', 'pw-123456', 'Bearer x', 'a=b', 'c=d']) {
      expect(raw[0]).not.toContain(secret);
    }
  });

  it('scrubs free text: messages, string fields, error messages', () => {
    process.env.INTAKE_KEY = 'env-intake-key-0123456789';
    const { log, raw, lines } = capture();
    log.info({ path: '/x?key=env-intake-key-0123456789', agent: 'bot (ops@contoso.com)' }, 'mail to a@b.io failed');
    log.error({ err: new Error('no user someone@contoso.com with Bearer abcdefgh123') }, 'boom');
    log.warn('cookie better-auth.session_token=zzz.yyy expired');
    const [first, second, third] = lines();
    expect(first).toMatchObject({ path: '/x?key=[redacted]', agent: 'bot ([email])', msg: 'mail to [email] failed' });
    expect(second).toMatchObject({
      err: { type: 'Error', message: 'no user [email] with Bearer [redacted]' },
      msg: 'boom',
    });
    expect(second!.err).not.toHaveProperty('stack');
    expect(third!.msg).toBe('cookie better-auth.session_token=[redacted] expired');
    expect(raw.join('')).not.toMatch(/@contoso|env-intake-key|abcdefgh123|zzz\.yyy/);
  });

  it('stamps the request id of the request being handled on every line', () => {
    const { log, lines } = capture();
    runWithRequestContext({ requestId: 'req-1' }, () => log.info('inside'));
    log.info('outside');
    expect(lines()[0]).toMatchObject({ requestId: 'req-1', msg: 'inside' });
    expect(lines()[1]).not.toHaveProperty('requestId');
  });
});

describe("turnDestination (on the delivery writer's thread)", () => {
  it("gathers a turn's lines and writes them together, with one write, at the turn's end", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'turn-log-')), 'out.log');
    const fd = fs.openSync(file, 'w');
    try {
      const destination = turnDestination(fd);
      const writes = vi.spyOn(fs, 'writeSync');
      const log = createLogger({ destination });
      log.info({ leadId: 1 }, 'request');
      log.info({ leadId: 2 }, 'request');
      expect(fs.readFileSync(file, 'utf8')).toBe('');
      await new Promise((resolve) => setImmediate(resolve));
      const lines = fs
        .readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => line.leadId)).toEqual([1, 2]);
      expect(writes).toHaveBeenCalledTimes(1);
      // A later turn's line is written at that turn's end.
      log.warn('later');
      await new Promise((resolve) => setImmediate(resolve));
      expect(fs.readFileSync(file, 'utf8')).toContain('"msg":"later"');
    } finally {
      fs.closeSync(fd);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('request lines', () => {
  it('logRequest writes method, path, status, duration, id and actor — and 5xx as errors', () => {
    const { log, lines } = capture();
    logRequest(
      { requestId: 'r1', method: 'GET', path: '/api/leads', status: 200, durationMs: 12.345, actor: 'user:u1' },
      log,
    );
    logRequest({ requestId: 'r2', method: 'GET', path: '/api/leads', status: 503, durationMs: 1 }, log);
    expect(lines()[0]).toEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        requestId: 'r1',
        method: 'GET',
        path: '/api/leads',
        status: 200,
        durationMs: 12.3,
        actor: 'user:u1',
      }),
    );
    expect(lines()[1]).toMatchObject({ level: 'error', status: 503 });
  });

  it('logIntakeDelivery writes the webhook request line with its outcome, never the key', () => {
    const { log, raw, lines } = capture();
    logIntakeDelivery(
      {
        requestId: 'r3',
        status: 201,
        outcome: 'accepted',
        leadId: 5,
        eventId: 9,
        bodyBytes: 812,
        durationMs: 4.04,
        keyLabel: 'Offer A',
      },
      log,
    );
    logIntakeDelivery(
      { requestId: 'r4', status: 401, outcome: 'rejected', errorCode: 'unauthorized', durationMs: 0.2 },
      log,
    );
    expect(lines()[0]).toEqual(
      expect.objectContaining({
        msg: 'request',
        method: 'POST',
        path: '/api/intake/marketplace',
        status: 201,
        outcome: 'accepted',
        leadId: 5,
        eventId: 9,
        bodyBytes: 812,
        durationMs: 4,
        keyLabel: 'Offer A',
      }),
    );
    expect(lines()[1]).toMatchObject({ status: 401, outcome: 'rejected', errorCode: 'unauthorized' });
    expect(raw.join('')).not.toContain('key=');
  });

  it('withRequestLog logs one line per request, without the query string, with the actor and the id', async () => {
    const { log, lines } = capture();
    // toErrorResponse reports unknown errors through the hook the logger installs; aim it here.
    const hooks = globalThis as { [key: symbol]: unknown };
    const reporter = hooks[UNKNOWN_ERROR_REPORTER];
    hooks[UNKNOWN_ERROR_REPORTER] = (error: unknown) => log.error({ err: error }, 'unhandled error');
    try {
      const handler = withRequestLog(async (request: Request) => {
        noteRequestActor('api_key:4');
        return Response.json({ ok: true, id: requestIdOf(request) }, { status: 202 });
      }, log);
      const request = new Request('http://localhost/api/leads/export?key=SECRET&q=eva@contoso.example', {
        headers: { 'x-request-id': 'caller-id-1' },
      });
      const response = await handler(request);
      expect(await response.json()).toEqual({ ok: true, id: 'caller-id-1' });
      const failing = withRequestLog(async (_request: Request): Promise<Response> => {
        throw new Error('db gone for x@y.io');
      }, log);
      expect((await failing(new Request('http://localhost/api/leads'))).status).toBe(500);
      const known = withRequestLog(async (_request: Request): Promise<Response> => {
        throw new AppError('not_found', 'nope');
      }, log);
      expect((await known(new Request('http://localhost/api/leads/9'))).status).toBe(404);
    } finally {
      hooks[UNKNOWN_ERROR_REPORTER] = reporter;
    }
    const requestLines = lines().filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(3);
    expect(requestLines[0]).toMatchObject({
      requestId: 'caller-id-1',
      method: 'GET',
      path: '/api/leads/export',
      status: 202,
      actor: 'api_key:4',
    });
    expect(requestLines[1]).toMatchObject({ path: '/api/leads', status: 500, level: 'error' });
    expect(requestLines[1]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines[2]).toMatchObject({ path: '/api/leads/9', status: 404 });
    const unhandled = lines().find((line) => line.msg === 'unhandled error');
    expect(unhandled).toMatchObject({
      requestId: requestLines[1]!.requestId,
      err: { type: 'Error', message: 'db gone for [email]' },
    });
    expect(JSON.stringify(lines())).not.toMatch(/SECRET|contoso/);
  });
});

describe('requestIdOf', () => {
  it('keeps a valid incoming id, replaces a bad one, and answers the same id for the same request', () => {
    expect(requestIdOf(new Request('http://h/', { headers: { 'x-request-id': 'abc-123' } }))).toBe('abc-123');
    const bad = new Request('http://h/', { headers: { 'x-request-id': 'has space' } });
    const id = requestIdOf(bad);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdOf(bad)).toBe(id);
    expect(requestIdOf(new Request('http://h/'))).not.toBe(id);
  });
});
