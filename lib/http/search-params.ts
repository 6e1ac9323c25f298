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
