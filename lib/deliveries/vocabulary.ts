// The delivery log's vocabularies: one home for the column enums, the filters and the badges.

/** What became of a request to the intake webhook. */
export const DELIVERY_OUTCOMES = ['accepted', 'duplicate', 'rejected'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export const DELIVERY_OUTCOME_LABELS: Record<DeliveryOutcome, string> = {
  accepted: 'Accepted',
  duplicate: 'Duplicate',
  rejected: 'Rejected',
};

/** How the request authenticated: a working key, none, one we do not know, or a revoked one. */
export const DELIVERY_KEY_STATES = ['valid', 'missing', 'unknown', 'revoked'] as const;
export type DeliveryKeyState = (typeof DELIVERY_KEY_STATES)[number];

export const DELIVERY_KEY_STATE_LABELS: Record<DeliveryKeyState, string> = {
  valid: 'Valid key',
  missing: 'No key',
  unknown: 'Unknown key',
  revoked: 'Revoked key',
};
