import { z } from 'zod';
import { AppError, type ErrorDetail } from '@/lib/errors';
import { normaliseCountry } from './country';
import { parseLeadSource } from './lead-source';
import { stageOfAction, type LeadStage } from './vocabulary';

// Microsoft's documented payload: every property a string, none required. Real deliveries differ
// in key case (`UserDetails` / `userDetails`), may send numbers for strings, and pad values.

export const USER_DETAIL_FIELDS = ['FirstName', 'LastName', 'Email', 'Phone', 'Country', 'Company', 'Title'] as const;
export const TOP_LEVEL_FIELDS = ['UserDetails', 'LeadSource', 'ActionCode', 'OfferTitle', 'Description'] as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** With the `u` flag a surrogate pair is one code point, so this matches only unpaired halves. */
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * Strings and finite numbers are accepted (phones arrive as numbers); null means "not given".
 * One transform rather than a union of schemas: this runs for every field of every lead.
 */
const textField = z
  .unknown()
  .optional()
  .transform((value, ctx): string | null => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      ctx.issues.push({ code: 'custom', input: value, message: `must be a string, not ${describe(value)}` });
      return z.NEVER;
    }
    // NUL bytes are never meaningful in a lead and break many downstream tools; the raw body keeps them.
    // A lone surrogate (`"\ud800"` in the JSON) has no UTF-8 form: SQLite would get invalid bytes that
    // read back as three U+FFFD. It becomes one U+FFFD here, so what is stored is what was normalised.
    const text = String(value).replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd').trim();
    return text === '' ? null : text;
  });

export const userDetailsSchema = z.object({
  FirstName: textField,
  LastName: textField,
  Email: textField,
  Phone: textField,
  Country: textField,
  Company: textField,
  Title: textField,
});

export const marketplacePayloadSchema = z.object({
  UserDetails: z
    .record(z.string(), z.unknown(), {
      error: (issue) => `must be an object, not ${describe(issue.input)}`,
    })
    .nullish()
    .transform((value) => canonicaliseKeys(value ?? {}, USER_DETAIL_FIELDS))
    .pipe(userDetailsSchema),
  LeadSource: textField,
  ActionCode: textField,
  OfferTitle: textField,
  Description: textField,
});

export type MarketplacePayload = z.infer<typeof marketplacePayloadSchema>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Picks the known fields out of an object whatever their case. Where a sender repeats a field in
 * two spellings, the exact documented spelling wins, then the first non-null one.
 * Unknown keys (including `__proto__`) are left behind: the raw body keeps them.
 */
function canonicaliseKeys<K extends string>(
  source: Record<string, unknown>,
  fields: readonly K[],
): Partial<Record<K, unknown>> {
  const byLower = new Map(fields.map((field) => [field.toLowerCase(), field]));
  const result = Object.create(null) as Partial<Record<K, unknown>>;
  const exact = new Set<K>();
  for (const key of Object.keys(source)) {
    const field = byLower.get(key.toLowerCase());
    if (!field || exact.has(field)) continue;
    if (key === field) exact.add(field);
    if (key === field || result[field] === undefined || result[field] === null) {
      result[field] = source[key];
    }
  }
  return result;
}

export type NormalisedLead = {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  company: string | null;
  title: string | null;
  leadSource: string | null;
  actionCode: string | null;
  offerTitle: string | null;
  description: string | null;
  source: string | null;
  action: string | null;
  publisherId: string | null;
  offerId: string | null;
  /** The acquisition stage this delivery's action reaches (null for unknown actions). */
  stage: LeadStage | null;
  isTest: boolean;
};

const TEST_MARKER = 'msft_test';

function fieldPath(path: PropertyKey[]): string {
  return path.map(String).join('.') || '(body)';
}

/**
 * Turns a parsed JSON body into a normalised lead, or throws a 422 AppError that names every
 * offending field.
 */
export function normaliseMarketplacePayload(json: unknown): NormalisedLead {
  if (!isPlainObject(json)) {
    throw new AppError('invalid_lead', 'The body must be a JSON object describing one lead.', {
      details: [{ field: '(body)', message: `must be an object, not ${describe(json)}` }],
    });
  }
  const canonical = canonicaliseKeys(json, TOP_LEVEL_FIELDS);
  if (
    (canonical.UserDetails === undefined || canonical.UserDetails === null) &&
    (canonical.LeadSource === undefined || canonical.LeadSource === null)
  ) {
    throw new AppError('invalid_lead', 'The body is not a marketplace lead.', {
      details: [
        { field: 'UserDetails', message: 'either UserDetails or LeadSource must be present' },
        { field: 'LeadSource', message: 'either UserDetails or LeadSource must be present' },
      ],
    });
  }

  const parsed = marketplacePayloadSchema.safeParse(canonical);
  if (!parsed.success) {
    const details: ErrorDetail[] = parsed.error.issues.map((issue) => ({
      field: fieldPath(issue.path),
      message: issue.message,
    }));
    throw new AppError('invalid_lead', 'Some fields of the lead have the wrong type.', { details });
  }
  return toNormalisedLead(parsed.data);
}

export function toNormalisedLead(payload: MarketplacePayload): NormalisedLead {
  const user = payload.UserDetails;
  const parsedSource = parseLeadSource(payload.LeadSource, payload.ActionCode);
  const lead: Omit<NormalisedLead, 'isTest' | 'stage'> = {
    firstName: user.FirstName,
    lastName: user.LastName,
    email: user.Email,
    phone: user.Phone,
    country: normaliseCountry(user.Country),
    company: user.Company,
    title: user.Title,
    leadSource: payload.LeadSource,
    actionCode: payload.ActionCode,
    offerTitle: payload.OfferTitle,
    description: payload.Description,
    ...parsedSource,
  };
  return {
    ...lead,
    stage: stageOfAction(lead.action),
    isTest: Object.values(lead).some(
      (value) => typeof value === 'string' && value.toLowerCase().startsWith(TEST_MARKER),
    ),
  };
}

/** The email a person is grouped by: trimmed and lower-cased; null when there is none. */
export function normaliseEmail(email: string | null): string | null {
  const normalised = email?.trim().toLowerCase();
  return normalised ? normalised : null;
}
