// Concurrent webhook deliveries, as Microsoft would send them: each a unique lead, each on its own
// request, many at once. Plain node:http, one keep-alive agent (so one connection) per sender,
// like independent callers; with one agent shared by all senders more first requests were
// answered seconds late (see the README's note on the latency tail).
import http from 'node:http';
import { uniqueLead } from '../support/intake';
import { INTAKE_KEY } from '@/lib/testing/prod-server';

export type DeliveryResult = {
  email: string;
  /** HTTP status, or null when no response came (refused, reset, timed out). */
  status: number | null;
  error?: string;
  startedAt: number;
  ms: number;
};

export type Traffic = {
  /** Every request finished so far (also while running). */
  results: DeliveryResult[];
  /** Emails of requests sent and not finished yet. */
  inFlight: Set<string>;
  /** Stops starting new requests; resolves when the open ones have finished. */
  stop(): Promise<DeliveryResult[]>;
  done: Promise<DeliveryResult[]>;
};

export function postDelivery(
  baseUrl: string,
  body: Buffer,
  agent: http.Agent | false,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}/api/intake/marketplace?key=${encodeURIComponent(INTAKE_KEY)}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.byteLength },
        timeout: timeoutMs,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no response in ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Starts `senders` loops, each posting one unique lead after another until `durationMs` has
 * passed, `maxRequests` have been sent in all, or stop() is called.
 */
export function startTraffic(options: {
  baseUrl: string;
  senders: number;
  durationMs: number;
  maxRequests?: number;
  requestTimeoutMs?: number;
}): Traffic {
  const { baseUrl, senders, durationMs } = options;
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const deadline = performance.now() + durationMs;
  const results: DeliveryResult[] = [];
  const inFlight = new Set<string>();
  let stopped = false;
  let sent = 0;

  const agents = Array.from({ length: senders }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));

  async function sender(agent: http.Agent) {
    while (!stopped && sent < maxRequests && performance.now() < deadline) {
      sent++;
      const lead = uniqueLead();
      const email = lead.UserDetails.Email;
      inFlight.add(email);
      const startedAt = performance.now();
      try {
        const response = await postDelivery(baseUrl, Buffer.from(JSON.stringify(lead)), agent, requestTimeoutMs);
        results.push({ email, status: response.status, startedAt, ms: performance.now() - startedAt });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        results.push({
          email,
          status: null,
          error: code ?? String(error),
          startedAt,
          ms: performance.now() - startedAt,
        });
      } finally {
        inFlight.delete(email);
      }
    }
  }

  const done = Promise.all(agents.map(sender)).then(() => {
    for (const agent of agents) agent.destroy();
    return results;
  });
  return {
    results,
    inFlight,
    done,
    stop() {
      stopped = true;
      return done;
    },
  };
}

/** Waits until `traffic` has at least `count` acknowledged (2xx) deliveries, or `timeoutMs`. */
export async function untilAcks(traffic: Traffic, count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (traffic.results.filter(isAck).length < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} acknowledged deliveries after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const isAck = (result: DeliveryResult) => result.status !== null && result.status >= 200 && result.status < 300;

export type TrafficFigures = {
  requests: number;
  byStatus: Record<string, number>;
  acks: number;
  serverErrors: number;
  noResponse: number;
  seconds: number;
  throughput: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
};

export function summarise(results: DeliveryResult[], seconds: number): TrafficFigures {
  const byStatus: Record<string, number> = {};
  for (const result of results) {
    const key = result.status === null ? `no response (${result.error})` : String(result.status);
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }
  const answered = results
    .filter((result) => result.status !== null)
    .map((result) => result.ms)
    .sort((a, b) => a - b);
  const percentile = (p: number) =>
    answered.length
      ? Math.round(answered[Math.min(answered.length - 1, Math.ceil((p / 100) * answered.length) - 1)]! * 10) / 10
      : 0;
  const acks = results.filter(isAck).length;
  return {
    requests: results.length,
    byStatus,
    acks,
    serverErrors: results.filter((result) => result.status !== null && result.status >= 500).length,
    noResponse: results.filter((result) => result.status === null).length,
    seconds: Math.round(seconds * 10) / 10,
    throughput: Math.round((acks / seconds) * 10) / 10,
    latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99), max: percentile(100) },
  };
}
