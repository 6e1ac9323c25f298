// The seed's producer thread: generates deliveries and parses them exactly as the webhook does,
// so the main thread only writes. Batches flow with credit-based back-pressure.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareDelivery } from '@/lib/intake/service';
import type { NormalisedLead } from '@/lib/marketplace/payload';
import { generateDeliveries } from '@/lib/seed/generate';

export type SeedBatch = { rawBodies: Uint8Array[]; receivedAt: number[]; leads: NormalisedLead[] };
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
  let batch: SeedBatch = { rawBodies: [], receivedAt: [], leads: [] };
  const send = async () => {
    while (credits === 0) await new Promise<void>((resolve) => (resume = resolve));
    credits--;
    port.postMessage(batch);
    batch = { rawBodies: [], receivedAt: [], leads: [] };
  };
  for (const delivery of generateDeliveries({ count, seed, days })) {
    const rawBody = Buffer.from(JSON.stringify(delivery.body));
    batch.rawBodies.push(rawBody);
    batch.receivedAt.push(delivery.receivedAt.getTime());
    batch.leads.push(prepareDelivery(rawBody));
    if (batch.leads.length >= batchSize) await send();
  }
  if (batch.leads.length) await send();
  port.postMessage('done');
}

void produce();
