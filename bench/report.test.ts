import { describe, expect, it } from 'vitest';
import type { LoadFigures } from './http';
import { percentile } from './http';
import { evaluate, renderMarkdown, type BenchResult } from './report';

const figures = (p95: number, extra: Partial<LoadFigures> = {}): LoadFigures => ({
  requests: 40,
  throughput: 100,
  p50: p95 / 2,
  p95,
  p99: p95,
  max: p95,
  errors: 0,
  non2xx: 0,
  statuses: { 200: 40 },
  ...extra,
});

function result(overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    machine: { cpus: 2, model: 'test', memoryGb: 24, node: 'v20', platform: 'Linux' },
    startedAt: '2026-11-24T03:00:00.000Z',
    reduced: false,
    seed: { leads: 1_000_000, deliveries: 1_300_000, seconds: 100, leadsPerSecond: 10_000, log: [] },
    intake: {
      connections: 10,
      seconds: 10,
      webhook: figures(20, { throughput: 900, statuses: { 201: 9000 } }),
      trivial: figures(10, { throughput: 1000 }),
      ratio: 0.9,
    },
    table: [{ label: 'first page', query: '', figures: figures(20) }],
    dashboard: [{ label: 'summary, last 30 days', path: '/api/dashboard/summary?range=30d', figures: figures(40) }],
    export: { rows: 100_000, bytes: 20_000_000, seconds: 3, peakRssMb: 300 },
    memory: { rssAfterMb: 280 },
    bundles: { leadsFirstLoadKb: 200, dashboardFirstLoadKb: 230, chartsKb: 120, chartsLazy: true },
    checks: [],
    seconds: 400,
    ...overrides,
  };
}

describe('evaluate', () => {
  it('passes a run that meets every target', () => {
    expect(evaluate(result()).filter((check) => !check.ok)).toEqual([]);
  });

  it('names each missed target and a broken harness', () => {
    const missed = evaluate(
      result({
        seed: { leads: 1_000_000, deliveries: 1, seconds: 130, leadsPerSecond: 1, log: [] },
        table: [{ label: 'sort: name', query: 'sort=name', figures: figures(60) }],
        dashboard: [{ label: 'sla, last year', path: '/x', figures: figures(20, { non2xx: 3 }) }],
        export: { rows: 100_000, bytes: 1, seconds: 6, peakRssMb: 450 },
        bundles: { leadsFirstLoadKb: 260, dashboardFirstLoadKb: 230, chartsKb: 0, chartsLazy: false },
      }),
    ).filter((check) => !check.ok);
    expect(missed.map((check) => check.label)).toEqual([
      'every table and dashboard request answered 2xx',
      'seed under 120 s',
      'every table request p95 under 50 ms',
      'export under 5 s',
      'server RSS under 400 MB during the export',
      'leads page first-load JS under 250 KB gzipped',
      'dashboard charts loaded lazily (recharts not in the first load)',
    ]);
  });

  it('writes a markdown table with every target and row', () => {
    const markdown = renderMarkdown({ ...result(), checks: evaluate(result()) });
    expect(markdown).toContain('| seed under 120 s | 100 s | ✓ |');
    expect(markdown).toContain('| first page | `(none)` | 10 | 20 | ✓ |');
  });
});

describe('percentile', () => {
  it('is the nearest-rank percentile of sorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
