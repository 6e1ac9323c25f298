// The delivery log: every request to the intake webhook leaves a receipt, and an admin can replay
// a rejected one once its cause is fixed. takeDelivery is the webhook's whole job; the route only
// gathers the request's facts and maps the result.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { intakeDeliveries } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { AppError, reportUnknownError } from '@/lib/errors';
import type { IngestResult } from '@/lib/intake/ingest';
import type { ReceivedBody } from '@/lib/intake/request';
import { prepareDelivery } from '@/lib/intake/service';
import { indexSearchBacklogWhenDue } from '@/lib/leads/search-index';
import { identifyIntakeKey, type KeyIdentity } from '@/lib/intake-keys/service';
import { GroupCommitter, type CommitDelay } from './group-commit';
import { insertReceipt, MAX_OFFER_TITLE_LENGTH, storeAccepted, type ReceiptValues } from './store';

export type IncomingDelivery = {
  receivedAt: Date;
  /** When the request arrived, in ms since the epoch with sub-ms precision (for its log line's duration). */
  startedAt?: number;
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

/** The HTTP status a taken delivery is answered with (the route's response and its log line). */
export function deliveryStatus(taken: TakenDelivery): number {
  if (taken.ok) return taken.result.duplicate ? 200 : 201;
  return taken.error instanceof AppError ? taken.error.status : 500;
}

const committers = new WeakMap<Database.Database, GroupCommitter>();

/**
 * The connection's one group committer for deliveries (one writer per process and database). Its
 * batches also index the search backlog once enough new leads wait (lib/leads/search-index).
 * `dedicated`: the connection does nothing else (the delivery writer's thread), and `commitDelay`
 * lets its batches wait for company under steady traffic; both on the first call only.
 */
export function deliveryCommitter(
  client: Database.Database,
  options: { dedicated?: boolean; commitDelay?: CommitDelay } = {},
): GroupCommitter {
  let committer = committers.get(client);
  if (!committer) {
    committer = new GroupCommitter(client, {
      maintenance: () => indexSearchBacklogWhenDue(client),
      onMaintenanceError: reportUnknownError,
      dedicated: options.dedicated,
      commitDelay: options.commitDelay,
    });
    committers.set(client, committer);
  }
  return committer;
}

/**
 * Authenticates, parses, validates and stores one webhook delivery, and writes its receipt; the
 * lead and an accepted receipt commit together (in the group commit of deliveries arriving at
 * the same time, lib/deliveries/group-commit), and the promise settles only after that commit is
 * durable. A rejection (any cause, ours included) keeps the body on its receipt so it can be
 * replayed. In the production server this runs on the delivery writer's thread
 * (lib/deliveries/writer.ts), with that thread's connection.
 */
export async function takeDelivery(db: Db, incoming: IncomingDelivery): Promise<TakenDelivery> {
  const committer = deliveryCommitter(db.$client);
  const identity = identifyIntakeKey(db, incoming.presentedKey, { now: incoming.receivedAt });
  const base = receiptBase(incoming, identity);
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
    const receipt: ReceiptValues = {
      ...base,
      ...describeError(error),
      outcome: 'rejected',
      body: incoming.body.bytes,
      offerTitle: offerTitleOf(incoming.body.bytes),
    };
    try {
      receiptId = await committer.submit(() => insertReceipt(db, receipt));
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
    throw new AppError(
      'conflict',
      'The body was larger than the 64 KiB limit and was not kept whole, so it cannot be replayed.',
    );
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
        {
          rawBody: original.body!,
          contentType: original.contentType,
          leadReceivedAt: original.receivedAt,
          touchKey: false,
        },
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
