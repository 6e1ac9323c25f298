// Storing a webhook delivery and its receipt: the database half of lib/deliveries/service, run by
// whichever thread writes (lib/deliveries/writer.ts). Prepared statements bound by position.
import type Database from 'better-sqlite3';
import type { Db } from '@/db';
import type { intakeDeliveries } from '@/db/schema';
import { ingestLead, type IngestResult, type PreparedDelivery } from '@/lib/intake/ingest';
import type { DeliveryOutcome } from './vocabulary';

export type ReceiptValues = typeof intakeDeliveries.$inferInsert;

export const MAX_OFFER_TITLE_LENGTH = 200;

// The webhook's writes as prepared statements bound by position: drizzle's query builder costs
// more per call than SQLite's own work for these (as in lib/intake/ingest.ts).
const RECEIPT_COLUMNS = [
  'received_at',
  'outcome',
  'status',
  'error_code',
  'reason',
  'body_bytes',
  'body_sha256',
  'body',
  'body_truncated',
  'content_type',
  'key_state',
  'intake_key_id',
  'key_label',
  'offer_title',
  'lead_id',
  'event_id',
  'request_id',
  'replay_of',
] as const;

/** A key's last use is kept to the minute: most deliveries then skip the write. */
const KEY_TOUCH_RESOLUTION_MS = 60_000;

type Statements = {
  insertReceipt: Database.Statement<unknown[]>;
  eventBody: Database.Statement<[number], { raw_body: Buffer }>;
  touchKey: Database.Statement<[number, number, number]>;
};
const statementCache = new WeakMap<Database.Database, Statements>();

function statementsFor(db: Db): Statements {
  let statements = statementCache.get(db.$client);
  if (!statements) {
    const client = db.$client;
    statements = {
      insertReceipt: client.prepare(
        `insert into intake_deliveries (${RECEIPT_COLUMNS.join(', ')}) values (${RECEIPT_COLUMNS.map(() => '?').join(', ')})`,
      ),
      eventBody: client.prepare('select raw_body from lead_events where id = ?'),
      touchKey: client.prepare(
        'update intake_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)',
      ),
    };
    statementCache.set(client, statements);
  }
  return statements;
}

export function insertReceipt(db: Db, values: ReceiptValues): number {
  const row = {
    received_at: values.receivedAt.getTime(),
    outcome: values.outcome,
    status: values.status,
    error_code: values.errorCode ?? null,
    reason: values.reason ?? null,
    body_bytes: values.bodyBytes,
    body_sha256: values.bodySha256 ?? null,
    body: values.body ?? null,
    body_truncated: values.bodyTruncated ? 1 : 0,
    content_type: values.contentType ?? null,
    key_state: values.keyState,
    intake_key_id: values.intakeKeyId ?? null,
    key_label: values.keyLabel ?? null,
    offer_title: values.offerTitle ?? null,
    lead_id: values.leadId ?? null,
    event_id: values.eventId ?? null,
    request_id: values.requestId ?? null,
    replay_of: values.replayOf ?? null,
  } satisfies Record<(typeof RECEIPT_COLUMNS)[number], unknown>;
  return Number(statementsFor(db).insertReceipt.run(RECEIPT_COLUMNS.map((column) => row[column])).lastInsertRowid);
}

function sameBytes(db: Db, eventId: number, bytes: Buffer): boolean {
  const stored = statementsFor(db).eventBody.get(eventId);
  return stored ? stored.raw_body.equals(bytes) : false;
}

/** Stores a prepared delivery and its receipt; the caller's transaction makes it both or neither. */
export function storeAccepted(
  db: Db,
  prepared: PreparedDelivery,
  receipt: ReceiptValues,
  options: { rawBody: Buffer; contentType: string | null; leadReceivedAt: Date; touchKey: boolean },
): { result: IngestResult; receiptId: number } {
  const result = ingestLead(db, prepared, {
    rawBody: options.rawBody,
    contentType: options.contentType,
    receivedAt: options.leadReceivedAt,
    intakeKeyId: receipt.intakeKeyId ?? null,
  });
  if (options.touchKey && receipt.intakeKeyId != null) {
    const at = receipt.receivedAt.getTime();
    statementsFor(db).touchKey.run(at, receipt.intakeKeyId, at - KEY_TOUCH_RESOLUTION_MS);
  }
  const outcome: DeliveryOutcome = result.duplicate ? 'duplicate' : 'accepted';
  const receiptId = insertReceipt(db, {
    ...receipt,
    outcome,
    status: result.duplicate ? 200 : 201,
    // A retry is recognised by its lead fields; if its bytes differ from what was stored (extra
    // keys, another layout), they are kept here so nothing the sender said is lost.
    body: result.duplicate && !sameBytes(db, result.eventId, options.rawBody) ? options.rawBody : null,
    offerTitle: prepared.lead.offerTitle?.slice(0, MAX_OFFER_TITLE_LENGTH) ?? null,
    leadId: result.leadId,
    eventId: result.eventId,
  });
  return { result, receiptId };
}
