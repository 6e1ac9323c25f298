// Load measurements with autocannon. Latency percentiles are computed from every response's time
// (autocannon's own histogram has no p95), throughput from autocannon's request count.
import autocannon from 'autocannon';

export type LoadFigures = {
  requests: number;
  /** Responses per second over the run. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A set of timings (ms) as the report shows them: nearest-rank median and p95, samples in run order. */
export type Summary = { samples: number[]; min: number; median: number; p95: number; max: number };

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: samples.map((sample) => round(sample, 0)),
    min: round(sorted[0] ?? NaN, 0),
    median: round(percentile(sorted, 50), 0),
    p95: round(percentile(sorted, 95), 0),
    max: round(sorted.at(-1) ?? NaN, 0),
  };
}

export async function load(options: {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Replaces `[<id>]` in the body with a unique id per request. */
  idReplacement?: boolean;
  connections: number;
  /** Either a duration or a number of requests. */
  seconds?: number;
  amount?: number;
}): Promise<LoadFigures> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon(
    {
      url: options.url,
      method: options.method ?? 'GET',
      headers: options.headers,
      body: options.body,
      idReplacement: options.idReplacement,
      connections: options.connections,
      ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
      timeout: 30,
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await done;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    throughput: round(times.length / result.duration, 0),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times.at(-1) ?? NaN),
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
  };
}

/** One request, for warm-ups and checks; throws on a non-2xx answer. */
export async function fetchOk(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}
