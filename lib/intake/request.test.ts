import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { MAX_BODY_BYTES, presentedIntakeKey, readBoundedBody } from './request';

function streamOf(chunks: number[], chunkSize: number): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks.length) return controller.close();
      controller.enqueue(new Uint8Array(chunkSize).fill(chunks[pulled++]!));
    },
  });
  const request = new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as AppError).status;
  }
}

describe('readBoundedBody', () => {
  it('reads a body up to the limit', async () => {
    const { request } = streamOf([1, 2], MAX_BODY_BYTES / 2);
    expect((await readBoundedBody(request)).byteLength).toBe(MAX_BODY_BYTES);
  });

  it('stops reading as soon as the body passes the limit', async () => {
    const { request, pulled } = streamOf(new Array(1000).fill(7), 16 * 1024);
    expect(await statusOf(readBoundedBody(request))).toBe(413);
    expect(pulled()).toBeLessThan(10);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const request = new Request('http://localhost/x', {
      method: 'POST',
      body: 'x',
      headers: { 'content-length': String(MAX_BODY_BYTES + 1) },
    });
    expect(await statusOf(readBoundedBody(request))).toBe(413);
  });

  it('refuses compressed bodies with 415', async () => {
    const request = new Request('http://localhost/x', {
      method: 'POST',
      body: 'x',
      headers: { 'content-encoding': 'gzip' },
    });
    expect(await statusOf(readBoundedBody(request))).toBe(415);
  });

  it('answers a body cut off by the sender with 400, not an unhandled error', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('aborted'));
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"LeadSource":'));
      },
    });
    const request = new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
    const error = await readBoundedBody(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_json' });
  });

  it('returns an empty buffer for no body', async () => {
    expect((await readBoundedBody(new Request('http://localhost/x', { method: 'POST' }))).byteLength).toBe(0);
  });
});

describe('presentedIntakeKey', () => {
  it('reads ?key= first, then a Bearer token', () => {
    expect(presentedIntakeKey(new Request('http://h/x?key=abc'))).toBe('abc');
    expect(presentedIntakeKey(new Request('http://h/x', { headers: { authorization: 'Bearer  tok ' } }))).toBe('tok');
    expect(presentedIntakeKey(new Request('http://h/x', { headers: { authorization: 'Basic tok' } }))).toBeNull();
    expect(presentedIntakeKey(new Request('http://h/x'))).toBeNull();
  });
});
