import { AppError } from '@/lib/errors';

/** Microsoft's leads are a few hundred bytes; 64 KiB leaves room for long notes and nothing else. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The intake key from `?key=` (what Partner Center can carry) or `Authorization: Bearer`. */
export function presentedIntakeKey(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get('key');
  if (fromQuery) return fromQuery;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

function tooLarge(): AppError {
  return new AppError(
    'payload_too_large',
    `The body is larger than ${MAX_BODY_BYTES / 1024} KiB; a marketplace lead never is.`,
  );
}

/**
 * Reads the body, refusing it as soon as it grows past the limit: an unbounded body is never
 * buffered, whatever Content-Length claims.
 */
export async function readBoundedBody(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const encoding = request.headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new AppError('unsupported_encoding', 'Compressed bodies are not accepted; send plain JSON.', {
      details: [{ field: 'Content-Encoding', message: `"${encoding.slice(0, 40)}" is not supported` }],
    });
  }
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // A sender that hangs up mid-body makes the stream fail: that is an incomplete body (a 400 no
    // one will read), not a fault of ours to log as a 500.
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw new AppError('invalid_json', 'The body ended before it was complete; send the lead again.', { cause: error });
    });
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
