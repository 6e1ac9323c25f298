import type { z } from 'zod';
import { AppError } from '@/lib/errors';

/**
 * A query string read through a zod schema (each key once, the last value winning), or a 400
 * `invalid_query` naming every wrong parameter and why; unknown keys are named too.
 */
export function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  searchParams: URLSearchParams,
  message: string,
): z.output<Schema> {
  const raw: Record<string, string> = {};
  for (const [key, value] of searchParams) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: key, message: 'is not a known parameter' }))
      : [{ field: issue.path.map(String).join('.') || '(query)', message: issue.message }],
  );
  throw new AppError('invalid_query', message, { details });
}
