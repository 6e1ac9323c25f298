import type { APIRequestContext } from '@playwright/test';
import { E2E_INTAKE_KEY } from '../../playwright.config';

export const INTAKE_PATH = '/api/intake/marketplace';
export const intakeUrl = (key = E2E_INTAKE_KEY) => `${INTAKE_PATH}?key=${encodeURIComponent(key)}`;

/** Posts exact bytes to the webhook, as Microsoft would. */
export function postLead(
  request: APIRequestContext,
  body: string | Buffer,
  options: { key?: string; headers?: Record<string, string> } = {},
) {
  return request.post(intakeUrl(options.key), {
    data: typeof body === 'string' ? Buffer.from(body) : body,
    headers: { 'content-type': 'application/json', ...options.headers },
  });
}

let counter = 0;
/** A unique, realistic lead so tests never collide with each other's data. */
export function uniqueLead(overrides: Record<string, unknown> = {}, userDetails: Record<string, unknown> = {}) {
  const id = `${Date.now().toString(36)}-${process.pid}-${counter++}`;
  return {
    UserDetails: {
      FirstName: 'Kovács',
      LastName: 'Éva',
      Email: `eva.${id}@contoso.example`,
      Phone: '+36 1 234 5678',
      Country: 'HU',
      Company: 'Contoso',
      Title: 'CTO',
      ...userDetails,
    },
    LeadSource: `SPZA-PLT|contoso.e2e-${id}`,
    ActionCode: 'PLT',
    OfferTitle: `E2E Offer ${id}`,
    Description: 'Looking for a 50-seat rollout',
    ...overrides,
  };
}
