// The seed's producer thread: generates deliveries and prepares them exactly as the webhook does
// (parse, validate, normalise, retry hash), so the main thread only writes. Bodies and hashes
// travel packed in a few buffers (cheap to copy between threads); batches flow with credit-based back-pressure.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareDelivery } from '@/lib/intake/service';
import type { NormalisedLead } from '@/lib/marketplace/payload';
import { generateDeliveries } from '@/lib/seed/generate';

export type SeedBatch = {
  /** Raw bodies back to back; body i spans bodyEnds[i - 1] (or 0) to bodyEnds[i]. */
  bodies: Uint8Array;
  bodyEnds: Uint32Array;
  /** 16-byte retry hashes back to back. */
  hashes: Uint8Array;
  receivedAt: Float64Array;
  leads: NormalisedLead[];
};
export type SeedWorkerData = { count: number; seed: number; days: number; batchSize: number };

const { count, seed, days, batchSize } = workerData as SeedWorkerData;
const port = parentPort!;
let credits = 2;
let resume: (() => void) | null = null;
port.on('message', () => {
  credits++;
  resume?.();
  resume = null;
});

async function produce() {
  let bodies: Buffer[] = [];
  let hashes: Buffer[] = [];
  let receivedAt: number[] = [];
  let leads: NormalisedLead[] = [];
  const send = async () => {
    while (credits === 0) await new Promise<void>((resolve) => (resume = resolve));
    credits--;
    const packedBodies = Buffer.concat(bodies);
    const bodyEnds = new Uint32Array(bodies.length);
    let end = 0;
    bodies.forEach((body, index) => (bodyEnds[index] = end += body.byteLength));
    const batch: SeedBatch = {
      bodies: new Uint8Array(packedBodies.buffer, packedBodies.byteOffset, packedBodies.byteLength),
      bodyEnds,
      hashes: Buffer.concat(hashes),
      receivedAt: Float64Array.from(receivedAt),
      leads,
    };
    port.postMessage(batch);
    bodies = [];
    hashes = [];
    receivedAt = [];
    leads = [];
  };
  for (const delivery of generateDeliveries({ count, seed, days })) {
    const rawBody = Buffer.from(JSON.stringify(delivery.body));
    const prepared = prepareDelivery(rawBody);
    bodies.push(rawBody);
    hashes.push(prepared.dedupeHash);
    receivedAt.push(delivery.receivedAt.getTime());
    leads.push(prepared.lead);
    if (leads.length >= batchSize) await send();
  }
  if (leads.length) await send();
  port.postMessage('done');
}

void produce();
