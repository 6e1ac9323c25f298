// Who writes the webhook's deliveries. In the production server, a worker thread with its own
// connection (lib/deliveries/writer-worker.ts, bundled next to the build): the commits and their
// fsync run beside the event loop, which goes on serving requests. Anywhere else (tests, scripts,
// `next dev`), a group committer on the caller's connection. Either way a job settles only after
// its transaction is durable.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from '@/db';
import type { IngestResult, PreparedDelivery } from '@/lib/intake/ingest';
import { committerFor } from './group-commit';
import { insertReceipt, storeAccepted, type ReceiptValues } from './store';

export type AcceptJob = {
  kind: 'accept';
  prepared: PreparedDelivery;
  receipt: ReceiptValues;
  rawBody: Buffer;
  contentType: string | null;
  leadReceivedAt: Date;
};
export type RejectJob = { kind: 'reject'; receipt: ReceiptValues };
export type WriterJob = AcceptJob | RejectJob;
export type Accepted = { result: IngestResult; receiptId: number };

export type DeliveryWriter = {
  accept(job: AcceptJob): Promise<Accepted>;
  reject(job: RejectJob): Promise<number>;
};

/** Runs a job on a connection (the worker's, or the caller's). */
export function runJob(db: Db, job: WriterJob): Accepted | number {
  if (job.kind === 'reject') return insertReceipt(db, job.receipt);
  return storeAccepted(db, job.prepared, job.receipt, {
    rawBody: job.rawBody,
    contentType: job.contentType,
    leadReceivedAt: job.leadReceivedAt,
    touchKey: true,
  });
}

/** Structured clone turns Buffers into plain Uint8Arrays: make them Buffers again. */
export function reviveJob(job: WriterJob): WriterJob {
  const buffer = (value: Uint8Array | null | undefined) =>
    value ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : (value ?? null);
  const receipt = { ...job.receipt, body: buffer(job.receipt.body) };
  if (job.kind === 'reject') return { ...job, receipt };
  return {
    ...job,
    receipt,
    rawBody: buffer(job.rawBody)!,
    prepared: { ...job.prepared, dedupeHash: buffer(job.prepared.dedupeHash)! },
  };
}

function inThreadWriter(db: Db): DeliveryWriter {
  const committer = committerFor(db.$client);
  return {
    accept: (job) => committer.submit(() => runJob(db, job) as Accepted),
    reject: (job) => committer.submit(() => runJob(db, job) as number),
  };
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

/** The worker's bundle, built by `npm run build` next to Next's output. */
export const WRITER_WORKER_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), '.next', 'writer-worker.cjs');

class WorkerWriter implements DeliveryWriter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly databasePath: string) {}

  accept(job: AcceptJob): Promise<Accepted> {
    return this.send(job) as Promise<Accepted>;
  }

  reject(job: RejectJob): Promise<number> {
    return this.send(job) as Promise<number>;
  }

  private send(job: WriterJob): Promise<unknown> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  /** Starts the worker (again, after it died: whatever it had not answered was failed). */
  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WRITER_WORKER_FILE, { workerData: { databasePath: this.databasePath } });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    const fail = (error: unknown) => {
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

const cache = globalThis as unknown as { __deliveryWriter?: { client: unknown; writer: DeliveryWriter } };

/**
 * The writer for this connection's database: the worker in the production server (when its bundle
 * exists; DELIVERY_WRITER=inline turns it off), else in-thread group commit on the connection.
 */
export function writerFor(db: Db): DeliveryWriter {
  if (cache.__deliveryWriter?.client === db.$client) return cache.__deliveryWriter.writer;
  const useWorker =
    process.env.NEXT_RUNTIME === 'nodejs' &&
    process.env.NODE_ENV === 'production' &&
    process.env.DELIVERY_WRITER !== 'inline' &&
    !db.$client.memory &&
    fs.existsSync(WRITER_WORKER_FILE);
  const writer = useWorker ? new WorkerWriter(db.$client.name) : inThreadWriter(db);
  cache.__deliveryWriter = { client: db.$client, writer };
  return writer;
}
