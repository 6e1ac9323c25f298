import { readBoundedBody } from '@/lib/intake/request';
import { AppError } from '@/lib/errors';

/** Reads a small JSON object body (16 KiB cap while streaming) or throws a 400/413 AppError. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const raw = await readBoundedBody(request, 16 * 1024);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('invalid_json', 'The body is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError('invalid_input', 'Send a JSON object.', {
      details: [{ field: '(body)', message: 'Expected an object.' }],
    });
  }
  return parsed as Record<string, unknown>;
}
