import { AppError } from '@/lib/errors';

/** Microsoft's leads are a few hundred bytes; 64 KiB leaves room for long notes and nothing else. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The intake key from `?key=` (what Partner Center can carry) or `Authorization: Bearer`. */
export function presentedIntakeKey(request: Request & { nextUrl?: { searchParams: URLSearchParams } }): string | null {
  // A route handler's request (NextRequest) has its URL parsed already.
  const fromQuery = (request.nextUrl ?? new URL(request.url)).searchParams.get('key');
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
  const body = await readDeliveryBody(request, limit);
  if (body.refusal) throw body.refusal;
  return body.bytes;
}

/** A webhook body as far as it was read: what the delivery log keeps and the intake parses. */
export type ReceivedBody = {
  /** The body, or its first `limit` bytes when it was refused as too large. */
  bytes: Buffer;
  /** Bytes received (or declared, when a declared length alone refused the body). */
  size: number;
  /** False when the body was refused before its end, so `bytes` is not all of it. */
  complete: boolean;
  /** Why the body cannot be taken (too large, compressed), or null. */
  refusal: AppError | null;
};

/**
 * Reads a webhook body for the delivery log: like readBoundedBody it never buffers more than
 * `limit` bytes, but it does not throw, so even a refused delivery leaves a receipt with what was
 * sent. A compressed body is kept as received (and refused).
 */
export async function readDeliveryBody(request: Request, limit = MAX_BODY_BYTES): Promise<ReceivedBody> {
  const encoding = request.headers.get('content-encoding')?.trim().toLowerCase();
  const refusal =
    encoding && encoding !== 'identity'
      ? new AppError('unsupported_encoding', 'Compressed bodies are not accepted; send plain JSON.', {
          details: [{ field: 'Content-Encoding', message: `"${encoding.slice(0, 40)}" is not supported` }],
        })
      : null;
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return { bytes: Buffer.alloc(0), size: declared, complete: false, refusal: refusal ?? tooLarge() };
  }
  if (!request.body) return { bytes: Buffer.alloc(0), size: 0, complete: true, refusal };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      // A sender that hangs up mid-body makes the stream fail: that is an incomplete body (a 400 no
      // one will read), not a fault of ours to log as a 500. What did arrive is kept.
      const refused = new AppError('invalid_json', 'The body ended before it was complete; send the lead again.', {
        cause: error,
      });
      return { bytes: Buffer.concat(chunks, total), size: total, complete: false, refusal: refusal ?? refused };
    }
    const { done, value } = chunk;
    if (done) break;
    if (total + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - total));
      total += value.byteLength;
      await reader.cancel().catch(() => undefined);
      return { bytes: Buffer.concat(chunks, limit), size: total, complete: false, refusal: refusal ?? tooLarge() };
    }
    total += value.byteLength;
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks, total), size: total, complete: true, refusal };
}
