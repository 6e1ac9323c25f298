import { AppError } from '@/lib/errors';

/** Lead ids are positive integers; anything else is a clear 400, never a failed lookup. */
export function parseLeadId(raw: string): number {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new AppError('invalid_query', 'The lead id must be a positive whole number.', {
      details: [{ field: 'id', message: 'must be a positive whole number' }],
    });
  }
  return id;
}
