// Where the webhook's deliveries are taken (lib/deliveries/service.ts takeDelivery). In the
// production server, on the delivery writer's thread (lib/deliveries/writer-worker.ts, bundled
// next to the build) with its own connection: key check, parsing, validation, the commits, their
// fsync and the request's log line all run beside the event loop, which only reads the body and
// answers. Anywhere else (tests, scripts, `next dev`), in the caller's thread on the caller's
// connection. Either way the answer comes once the delivery's transaction is durable.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from '@/db';
import { AppError, errorCodeOf, type ErrorCode, type ErrorDetail } from '@/lib/errors';
import { logIntakeDelivery } from '@/lib/log/request-log';
import { deliveryStatus, takeDelivery, type IncomingDelivery, type TakenDelivery } from './service';

export type DeliveryTaker = (incoming: IncomingDelivery) => Promise<TakenDelivery>;

/** A clock both threads share: performance.now() starts afresh in each thread, the epoch does not. */
export const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Takes a delivery and writes the webhook's request line (lib/log/request-log) on the thread that
 * took it, so the server's thread spends nothing on it. Its duration runs from the request's
 * arrival to the delivery being durable.
 */
export async function takeAndLog(db: Db, incoming: IncomingDelivery): Promise<TakenDelivery> {
  const taken = await takeDelivery(db, incoming);
  logIntakeDelivery({
    requestId: incoming.requestId ?? '',
    status: deliveryStatus(taken),
    outcome: taken.ok ? (taken.result.duplicate ? 'duplicate' : 'accepted') : 'rejected',
    ...(taken.ok
      ? { leadId: taken.result.leadId, eventId: taken.result.eventId }
      : { errorCode: errorCodeOf(taken.error) }),
    ...(taken.receiptId ? { receiptId: taken.receiptId } : {}),
    ...(taken.keyLabel ? { keyLabel: taken.keyLabel } : {}),
    bodyBytes: incoming.body.size,
    durationMs: epochNow() - (incoming.startedAt ?? incoming.receivedAt.getTime()),
  });
  return taken;
}

// --- Crossing the thread boundary -------------------------------------------------------------
// Structured clone keeps plain data, Dates and typed arrays, but not classes: an AppError is sent
// as its fields and made again on the other side; any other error as its name and message.

type SentError =
  | { app: true; code: ErrorCode; message: string; details?: ErrorDetail[]; headers?: Record<string, string> }
  | { app: false; name: string; message: string };

export function sendError(error: unknown): SentError {
  if (error instanceof AppError) {
    return { app: true, code: error.code, message: error.message, details: error.details, headers: error.headers };
  }
  return {
    app: false,
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
  };
}

export function receiveError(sent: SentError): Error {
  if (sent.app) return new AppError(sent.code, sent.message, { details: sent.details, headers: sent.headers });
  return Object.assign(new Error(sent.message), { name: sent.name });
}

/**
 * A delivery as posted to the worker: one flat object, the body as a latin1 string (one character
 * per byte, so the very bytes come back). Posting and reading it costs the two threads ~10 µs
 * together, against ~16 µs for the delivery as it is with its body in a transferred buffer.
 */
export type SentDelivery = {
  receivedAt: number;
  startedAt?: number;
  requestId: string | null;
  presentedKey: string | null;
  contentType: string | null;
  body: string;
  bodySize: number;
  bodyComplete: boolean;
  bodyRefusal: SentError | null;
  refusal: SentError | null;
};
export type SentTaken =
  Extract<TakenDelivery, { ok: true }> | (Omit<Extract<TakenDelivery, { ok: false }>, 'error'> & { error: SentError });

export function sendDelivery(incoming: IncomingDelivery): SentDelivery {
  const { body } = incoming;
  return {
    receivedAt: incoming.receivedAt.getTime(),
    startedAt: incoming.startedAt,
    requestId: incoming.requestId,
    presentedKey: incoming.presentedKey,
    contentType: incoming.contentType,
    body: body.bytes.toString('latin1'),
    bodySize: body.size,
    bodyComplete: body.complete,
    bodyRefusal: body.refusal ? sendError(body.refusal) : null,
    refusal: incoming.refusal ? sendError(incoming.refusal) : null,
  };
}

export function receiveDelivery(sent: SentDelivery): IncomingDelivery {
  return {
    receivedAt: new Date(sent.receivedAt),
    startedAt: sent.startedAt,
    requestId: sent.requestId,
    presentedKey: sent.presentedKey,
    contentType: sent.contentType,
    body: {
      bytes: Buffer.from(sent.body, 'latin1'),
      size: sent.bodySize,
      complete: sent.bodyComplete,
      refusal: sent.bodyRefusal ? (receiveError(sent.bodyRefusal) as AppError) : null,
    },
    refusal: sent.refusal ? (receiveError(sent.refusal) as AppError) : undefined,
  };
}

export function sendTaken(taken: TakenDelivery): SentTaken {
  return taken.ok ? taken : { ...taken, error: sendError(taken.error) };
}

export function receiveTaken(sent: SentTaken): TakenDelivery {
  return sent.ok ? sent : { ...sent, error: receiveError(sent.error) };
}

/** Messages: the server posts each delivery; the worker answers a group commit's deliveries together. */
export type ToWriter = { id: number; delivery: SentDelivery };
export type FromWriter = {
  answers: ({ id: number; ok: true; taken: SentTaken } | { id: number; ok: false; error: SentError })[];
};

// --- The worker, seen from the server ---------------------------------------------------------

type Pending = { resolve: (taken: TakenDelivery) => void; reject: (error: unknown) => void };

/** The worker's bundle, built by `npm run build` next to Next's output. */
export const WRITER_WORKER_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), '.next', 'writer-worker.cjs');

class WorkerTaker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly databasePath: string) {}

  /**
   * Posts the delivery at once. (Gathering a turn's deliveries into one message saved the
   * per-message cost but made the two threads take turns: the worker idled while the server read
   * the batch, the server while the worker stored it, and throughput fell by a fifth.)
   */
  take(incoming: IncomingDelivery): Promise<TakenDelivery> {
    const id = this.nextId++;
    const message: ToWriter = { id, delivery: sendDelivery(incoming) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.start().postMessage(message);
      } catch (error) {
        this.settle(id, (pending) => pending.reject(error));
      }
    });
  }

  private settle(id: number, how: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    how(pending);
  }

  /** Starts the worker (again, after it died: whatever it had not answered was failed). */
  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WRITER_WORKER_FILE, { workerData: { databasePath: this.databasePath } });
    worker.unref();
    worker.on('message', ({ answers }: FromWriter) => {
      for (const answer of answers) {
        this.settle(answer.id, (pending) =>
          answer.ok ? pending.resolve(receiveTaken(answer.taken)) : pending.reject(receiveError(answer.error)),
        );
      }
    });
    const fail = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const failure = error instanceof Error ? error : new Error('The delivery writer stopped.');
      for (const pending of this.pending.values()) pending.reject(failure);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The delivery writer exited (${code}).`)));
    this.worker = worker;
    return worker;
  }
}

const cache = globalThis as unknown as { __deliveryTaker?: { client: unknown; take: DeliveryTaker } };

/**
 * Who takes this connection's deliveries: the worker in the production server (when its bundle
 * exists; DELIVERY_WRITER=inline turns it off), else takeDelivery on the connection itself.
 */
export function deliveryTaker(db: Db): DeliveryTaker {
  if (cache.__deliveryTaker?.client === db.$client) return cache.__deliveryTaker.take;
  const useWorker =
    process.env.NEXT_RUNTIME === 'nodejs' &&
    process.env.NODE_ENV === 'production' &&
    process.env.DELIVERY_WRITER !== 'inline' &&
    !db.$client.memory &&
    fs.existsSync(WRITER_WORKER_FILE);
  let take: DeliveryTaker;
  if (useWorker) {
    const worker = new WorkerTaker(db.$client.name);
    take = (incoming) => worker.take(incoming);
  } else {
    take = (incoming) => takeAndLog(db, incoming);
  }
  cache.__deliveryTaker = { client: db.$client, take };
  return take;
}
