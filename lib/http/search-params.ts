import { z as zod } from 'zod';
import type { z } from 'zod';

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads a page's search params one by one through their schemas: a parameter that does not parse
 * (or is repeated, which no form sends) is left out and named in `ignored`, so a bad or stale
 * link still shows the page and says what it dropped.
 */
export function parseEachParam<Schemas extends Record<string, z.ZodType>>(
  raw: RawSearchParams,
  schemas: Schemas,
): { values: Partial<{ [K in keyof Schemas]: z.output<Schemas[K]> }>; ignored: (keyof Schemas & string)[] } {
  const values: Partial<Record<keyof Schemas, unknown>> = {};
  const ignored: (keyof Schemas & string)[] = [];
  for (const name of Object.keys(schemas) as (keyof Schemas & string)[]) {
    const value = raw[name];
    const single = Array.isArray(value) ? (value.length === 1 ? value[0] : null) : value;
    if (single === undefined || single === '') continue;
    const parsed = single === null ? null : schemas[name]!.safeParse(single);
    if (!parsed?.success) {
      ignored.push(name);
      continue;
    }
    values[name] = parsed.data;
  }
  return { values: values as Partial<{ [K in keyof Schemas]: z.output<Schemas[K]> }>, ignored };
}

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30). */
export const dayParam = () => zod.iso.date();

/** A page number from 1. */
export const pageParam = () =>
  zod
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number)
    .pipe(zod.number().int().min(1));

/** Drops a `to` day before the `from` day, naming it as ignored. */
export function dropReversedRange<Search extends { from?: string; to?: string }>(
  search: Search,
  ignored: string[],
): void {
  if (search.from && search.to && search.from > search.to) {
    delete search.to;
    ignored.push('to');
  }
}

/** A link to a filtered log page: set parameters in the given order, the first page left out. */
export function logHref(path: string, search: { page: number } & Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    if (name === 'page' || value === undefined || value === '') continue;
    params.set(name, String(value));
  }
  if (search.page > 1) params.set('page', String(search.page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
