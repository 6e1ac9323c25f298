// The delivery log: every request to the intake webhook leaves a receipt, and an admin can replay
// a rejected one once its cause is fixed. takeDelivery is the webhook's whole job; the route only
// gathers the request's facts and maps the result.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { intakeDeliveries } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import { ingestLead, type IngestResult, type PreparedDelivery } from '@/lib/intake/ingest';
import type { ReceivedBody } from '@/lib/intake/request';
import { prepareDelivery } from '@/lib/intake/service';
import { identifyIntakeKey, type KeyIdentity } from '@/lib/intake-keys/service';
import { committerFor } from './group-commit';
import type { DeliveryOutcome } from './vocabulary';

export type IncomingDelivery = {
  receivedAt: Date;
  /** The request id, to find the receipt from a log line (and the other way round). */
  requestId: string | null;
  presentedKey: string | null;
  contentType: string | null;
  body: ReceivedBody;
  /** A refusal that comes before anything else (a method the webhook does not take). */
  refusal?: AppError;
};

export type TakenDelivery =
  | { ok: true; receiptId: number; result: IngestResult; keyLabel: string }
  /** `receiptId` is null only when even the receipt could not be written (the database is failing). */
  | { ok: false; receiptId: number | null; error: unknown; keyLabel: string | null };

/** Longest reason kept on a receipt: the message and the first field problems. */
const MAX_REASON_LENGTH = 2000;
const MAX_OFFER_TITLE_LENGTH = 200;

function unauthorized(): AppError {
  return new AppError('unauthorized', 'A valid intake key is required (?key=… or Authorization: Bearer …).', {
    headers: { 'WWW-Authenticate': 'Bearer realm="intake"' },
  });
}

const sha256 = (bytes: Buffer) => crypto.hash('sha256', bytes, 'hex');

/** The rejection as the receipt keeps it: the code, status and message the sender got. */
function describeError(error: unknown): { errorCode: string; status: number; reason: string } {
  if (error instanceof AppError) {
    const details = error.details?.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
    const reason = details ? `${error.message} ${details}` : error.message;
    return { errorCode: error.code, status: error.status, reason: reason.slice(0, MAX_REASON_LENGTH) };
  }
  // An error of ours, not the sender's: the body is kept so the delivery can be replayed once fixed.
  const name = error instanceof Error ? error.name : typeof error;
  return { errorCode: 'internal', status: 500, reason: `Unexpected error on our side (${name}).` };
}

/**
 * The offer a body names, read as far as it parses: only for filtering the log, never trusted.
 * Looks for a top-level OfferTitle in any letter case, as the normaliser does.
 */
export function offerTitleOf(bytes: Buffer): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  for (const [name, value] of Object.entries(parsed)) {
    if (name.toLowerCase() === 'offertitle' && typeof value === 'string' && value.trim()) {
      return value.trim().slice(0, MAX_OFFER_TITLE_LENGTH);
    }
  }
  return null;
}

type ReceiptValues = typeof intakeDeliveries.$inferInsert;

function receiptBase(incoming: IncomingDelivery, identity: KeyIdentity): ReceiptValues {
  return {
    receivedAt: incoming.receivedAt,
    outcome: 'rejected',
    status: 0,
    bodyBytes: incoming.body.size,
    bodySha256: incoming.body.complete ? sha256(incoming.body.bytes) : null,
    bodyTruncated: !incoming.body.complete,
    contentType: incoming.contentType?.slice(0, 200) ?? null,
    keyState: identity.state,
    intakeKeyId: identity.key?.id ?? null,
    keyLabel: identity.key?.label ?? null,
    requestId: incoming.requestId,
  };
}

// The webhook's writes as prepared statements bound by position: drizzle's query builder costs
// more per call than SQLite's own work for these (as in lib/intake/ingest.ts).
const RECEIPT_COLUMNS = [
  'received_at', 'outcome', 'status', 'error_code', 'reason', 'body_bytes', 'body_sha256', 'body',
  'body_truncated', 'content_type', 'key_state', 'intake_key_id', 'key_label', 'offer_title', 'lead_id',
  'event_id', 'request_id', 'replay_of',
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
      touchKey: client.prepare('update intake_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)'),
    };
    statementCache.set(client, statements);
  }
  return statements;
}

function insertReceipt(db: Db, values: ReceiptValues): number {
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
function storeAccepted(
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

/**
 * Authenticates, parses, validates and stores one webhook delivery, and writes its receipt; the
 * lead and an accepted receipt commit together (in the group commit of deliveries arriving at
 * the same time), and the promise settles only after that commit. A rejection (any cause, ours
 * included) keeps the body on its receipt so it can be replayed.
 */
export async function takeDelivery(db: Db, incoming: IncomingDelivery): Promise<TakenDelivery> {
  const identity = identifyIntakeKey(db, incoming.presentedKey, { now: incoming.receivedAt });
  const base = receiptBase(incoming, identity);
  const committer = committerFor(db.$client);
  try {
    if (incoming.refusal) throw incoming.refusal;
    // An unauthenticated sender learns nothing about its body: the key is judged first.
    if (identity.state !== 'valid') throw unauthorized();
    if (incoming.body.refusal) throw incoming.body.refusal;
    const prepared = prepareDelivery(incoming.body.bytes);
    const { result, receiptId } = await committer.submit(() =>
      storeAccepted(db, prepared, base, {
        rawBody: incoming.body.bytes,
        contentType: incoming.contentType,
        leadReceivedAt: incoming.receivedAt,
        touchKey: true,
      }),
    );
    return { ok: true, receiptId, result, keyLabel: identity.key?.label ?? '' };
  } catch (error) {
    let receiptId: number | null = null;
    try {
      receiptId = await committer.submit(() =>
        insertReceipt(db, {
          ...base,
          ...describeError(error),
          outcome: 'rejected',
          body: incoming.body.bytes,
          offerTitle: offerTitleOf(incoming.body.bytes),
        }),
      );
    } catch {
      // The database itself is failing; the caller answers 5xx so the sender knows.
    }
    return { ok: false, receiptId, error, keyLabel: identity.key?.label ?? null };
  }
}

export type ReplayResult = { receiptId: number; leadId: number; duplicate: boolean };

/**
 * Ingests a rejected delivery's kept body, as if it had been accepted when it first arrived (the
 * lead gets the original received time). Refuses what cannot be replayed; a body that still does
 * not validate answers with the same error the sender got, and changes nothing.
 */
export function replayDelivery(db: Db, actor: AuditActor, receiptId: number, now = new Date()): ReplayResult {
  const original = db.select().from(intakeDeliveries).where(eq(intakeDeliveries.id, receiptId)).get();
  if (!original) throw new AppError('not_found', `There is no delivery ${receiptId}.`);
  if (original.outcome !== 'rejected') {
    throw new AppError('conflict', 'Only rejected deliveries can be replayed; this one was stored.');
  }
  if (original.replayedAt) {
    throw new AppError('conflict', `This delivery was already replayed (delivery ${original.replayId}).`);
  }
  if (!original.body || original.bodyTruncated) {
    throw new AppError('conflict', 'The body was larger than the 64 KiB limit and was not kept whole, so it cannot be replayed.');
  }
  const prepared = prepareDelivery(original.body);
  return db.transaction(
    (tx) => {
      // Re-read inside the write lock: two admins replaying at once store the lead once.
      const current = tx
        .select({ replayedAt: intakeDeliveries.replayedAt })
        .from(intakeDeliveries)
        .where(eq(intakeDeliveries.id, receiptId))
        .get();
      if (current?.replayedAt) throw new AppError('conflict', 'This delivery was just replayed by someone else.');
      const { result, receiptId: replayId } = storeAccepted(
        db,
        prepared,
        {
          receivedAt: now,
          outcome: 'accepted',
          status: 0,
          bodyBytes: original.bodyBytes,
          bodySha256: original.bodySha256,
          contentType: original.contentType,
          keyState: original.keyState,
          intakeKeyId: original.intakeKeyId,
          keyLabel: original.keyLabel,
          requestId: null,
          replayOf: original.id,
        },
        { rawBody: original.body!, contentType: original.contentType, leadReceivedAt: original.receivedAt, touchKey: false },
      );
      tx.update(intakeDeliveries)
        .set({ replayedAt: now, replayedBy: actor.label, replayId })
        .where(eq(intakeDeliveries.id, original.id))
        .run();
      recordAudit(
        tx,
        actor,
        'delivery.replayed',
        { type: 'delivery', id: original.id },
        { replayId, leadId: result.leadId, duplicate: result.duplicate },
        now,
      );
      return { receiptId: replayId, leadId: result.leadId, duplicate: result.duplicate };
    },
    { behavior: 'immediate' },
  );
}

/** Deletes receipts received before `before` (the retention period); returns how many. */
export function purgeDeliveries(db: Db, before: Date): number {
  return db.delete(intakeDeliveries).where(lt(intakeDeliveries.receivedAt, before)).run().changes;
}
