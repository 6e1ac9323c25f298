import { describe, expect, it } from 'vitest';
import type { BrowserResult, NavigationFigures } from './browser';
import type { LoadFigures, Summary } from './http';
import { percentile, summarise } from './http';
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

const timings = (p95: number): Summary => ({ samples: [p95], min: p95 / 2, median: p95 / 2, p95, max: p95 });
const navigation = (path: string, p95: number): NavigationFigures => ({
  path,
  coldMs: p95 * 2,
  total: timings(p95),
  ttfb: timings(p95 / 4),
  domContentLoaded: timings(p95 / 2),
  longTasks: timings(p95 / 8),
});
const browser = (overrides: Partial<BrowserResult> = {}): BrowserResult => ({
  chromium: '156.0',
  viewport: '1366×900',
  sampling: { warmup: 2, runs: 20, filterChanges: 20 },
  leads: navigation('/leads', 400),
  queue: navigation('/leads', 300),
  dashboard: { ...navigation('/dashboard', 1200), panelsAnswered: timings(900), cards: 9, charts: 6 },
  filter: { changes: 20, steps: ['status chip "Contacted"'], total: timings(150), longTasks: timings(40) },
  error: null,
  ...overrides,
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
    browser: browser(),
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

  it('judges the browser pass on p95, each measure against its own limit', () => {
    const slow = browser({
      leads: navigation('/leads', 1000),
      queue: navigation('/leads', 999),
      dashboard: { ...navigation('/dashboard', 2400), panelsAnswered: timings(2000), cards: 9, charts: 6 },
      filter: { changes: 20, steps: [], total: timings(300), longTasks: timings(40) },
    });
    const missed = evaluate(result({ browser: slow })).filter((check) => !check.ok);
    expect(missed.map((check) => [check.label, check.value])).toEqual([
      ['/leads first rows p95 under 1000 ms (manager)', '1000 ms (median 500 ms)'],
      ['/dashboard every panel drawn p95 under 2000 ms', '2400 ms (median 1200 ms)'],
      ['/leads filter change p95 under 300 ms', '300 ms (median 150 ms)'],
    ]);
  });

  it('fails the harness and misses every target the browser pass did not reach', () => {
    const stopped = browser({ dashboard: null, filter: null, error: '/dashboard: panel "sla" shows an error' });
    const missed = evaluate(result({ browser: stopped })).filter((check) => !check.ok);
    expect(missed).toEqual([
      {
        kind: 'harness',
        label: 'the browser pass measured every page',
        ok: false,
        value: '/dashboard: panel "sla" shows an error',
      },
      { kind: 'target', label: '/dashboard every panel drawn p95 under 2000 ms', ok: false, value: 'not measured' },
      { kind: 'target', label: '/leads filter change p95 under 300 ms', ok: false, value: 'not measured' },
    ]);
    const markdown = renderMarkdown({ ...result({ browser: stopped }), checks: evaluate(result()) });
    expect(markdown).toContain('| filter change to new rows painted | not measured |');
    expect(markdown).toContain('The browser pass stopped early: /dashboard: panel "sla" shows an error');
  });

  it('writes a markdown table with every target and row', () => {
    const markdown = renderMarkdown({ ...result(), checks: evaluate(result()) });
    expect(markdown).toContain('| seed under 120 s | 100 s | ✓ |');
    expect(markdown).toContain('| first page | `(none)` | 10 | 20 | ✓ |');
    expect(markdown).toContain('| /leads first rows p95 under 1000 ms (manager) | 400 ms (median 200 ms) | ✓ |');
    expect(markdown).toContain('| first lead rows, manager, All leads | `/leads` | 200 | 200 | 400 | 400 | ✓ | 800 |');
    // The breakdown rows keep the table's eight columns, the page column empty.
    expect(markdown).toContain("| ↳ its HTML's first byte (server render) | | 50 | 50 | 100 | 100 | | |");
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

describe('summarise', () => {
  it('gives min, nearest-rank median and p95, and max, keeping the samples in run order', () => {
    const samples = [512.4, 101.6, 300, 250.2, 90, 880, 120, 130, 140, 150];
    expect(summarise(samples)).toEqual({
      samples: [512, 102, 300, 250, 90, 880, 120, 130, 140, 150],
      min: 90,
      median: 140,
      p95: 880,
      max: 880,
    });
    // Twenty runs: p95 is the 19th, so one slow run alone does not set it.
    const twenty = [...Array.from({ length: 19 }, (_, i) => 100 + i), 5000];
    expect(summarise(twenty).p95).toBe(118);
    expect(summarise(twenty).max).toBe(5000);
  });
});
