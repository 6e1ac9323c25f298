import crypto from 'node:crypto';
import type { Db } from '@/db';
import { intakeKeys } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import { normaliseEmail, normaliseMarketplacePayload, type NormalisedLead } from '@/lib/marketplace/payload';
import { ingestLead, type Delivery, type IngestResult, type PreparedDelivery } from './ingest';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes and parses the body as JSON whatever the Content-Type says. */
export function parseDeliveryBody(rawBody: Buffer): unknown {
  if (rawBody.byteLength === 0) {
    throw new AppError('invalid_json', 'The body is empty; send the lead as a JSON object.');
  }
  let text: string;
  try {
    text = utf8.decode(rawBody);
  } catch {
    throw new AppError('invalid_json', 'The body is not valid UTF-8 text.');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_json', 'The body is not valid JSON.', {
      details: [{ field: '(body)', message: error instanceof Error ? error.message : 'parse error' }],
    });
  }
}

/** Length of the retry hash: 128 bits keep the index small, and a collision within 24 hours is not a realistic event. */
export const DEDUPE_HASH_BYTES = 16;

/** The identity of a delivery's content: the same fields again within 24 hours is a retry. */
export function dedupeHash(lead: NormalisedLead): Buffer {
  const fields = [
    lead.firstName,
    lead.lastName,
    normaliseEmail(lead.email),
    lead.phone,
    lead.country,
    lead.company,
    lead.title,
    lead.leadSource,
    lead.actionCode,
    lead.offerTitle,
    lead.description,
  ];
  return crypto.hash('sha256', JSON.stringify(fields), 'buffer').subarray(0, DEDUPE_HASH_BYTES);
}

/** Parses and validates a raw body into a lead, or throws a 400/422 AppError. */
export function prepareDelivery(rawBody: Buffer): PreparedDelivery {
  const lead = normaliseMarketplacePayload(parseDeliveryBody(rawBody));
  return { lead, dedupeHash: dedupeHash(lead) };
}

/** Parses, validates and stores one webhook delivery; returns only after the commit. */
export function receiveDelivery(db: Db, delivery: Delivery): IngestResult {
  const prepared = prepareDelivery(delivery.rawBody);
  return db.transaction(
    (tx) => {
      const result = ingestLead(db, prepared, delivery);
      if (delivery.intakeKeyId !== null) {
        tx.update(intakeKeys)
          .set({ lastUsedAt: delivery.receivedAt })
          .where(eq(intakeKeys.id, delivery.intakeKeyId))
          .run();
      }
      return result;
    },
    { behavior: 'immediate' },
  );
}
