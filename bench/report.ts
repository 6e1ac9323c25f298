// The benchmark's result (written as JSON) and its markdown table (for the README).
import type { BrowserResult, NavigationFigures } from './browser';
import type { LoadFigures, Summary } from './http';
import { EXPORT, TARGETS } from './matrix';

export type Check = { kind: 'target' | 'harness'; label: string; ok: boolean; value: string };

export type BenchResult = {
  machine: { cpus: number; model: string; memoryGb: number; node: string; platform: string };
  startedAt: string;
  reduced: boolean;
  seed: { leads: number; deliveries: number; seconds: number; leadsPerSecond: number; log: string[] };
  intake: {
    connections: number;
    seconds: number;
    /** Each handler's better round (by throughput), and every round's throughput in order. */
    webhook: LoadFigures;
    trivial: LoadFigures;
    rounds?: { webhook: number[]; trivial: number[] };
    ratio: number;
  };
  table: { label: string; query: string; figures: LoadFigures }[];
  dashboard: { label: string; path: string; figures: LoadFigures }[];
  export: { rows: number; bytes: number; seconds: number; peakRssMb: number };
  memory: { rssAfterMb: number };
  bundles: { leadsFirstLoadKb: number; dashboardFirstLoadKb: number; chartsKb: number; chartsLazy: boolean };
  browser: BrowserResult;
  checks: Check[];
  seconds: number;
};

const n = (value: number) => value.toLocaleString('en');
const mark = (ok: boolean) => (ok ? '✓' : '✗ over');

function latencyRows(rows: { label: string; request: string; figures: LoadFigures }[], limit: number): string[] {
  return rows.map(
    ({ label, request, figures }) =>
      `| ${label} | \`${request}\` | ${figures.p50} | ${figures.p95} | ${mark(figures.p95 < limit)} |`,
  );
}

export function renderMarkdown(result: BenchResult): string {
  const { machine, seed, intake } = result;
  const lines = [
    `Benchmark of ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC${result.reduced ? ' (reduced run)' : ''} on ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GiB, Node ${machine.node}, ${machine.platform}; ${result.seconds} s in all.`,
    '',
    '| Target | Measured | |',
    '|---|---|---|',
    ...result.checks
      .filter((check) => check.kind === 'target')
      .map((check) => `| ${check.label} | ${check.value} | ${check.ok ? '✓' : '✗ missed'} |`),
    '',
    `**Seed**: ${n(seed.leads)} leads (${n(seed.deliveries)} deliveries) through the ingest code in ${seed.seconds} s (${n(seed.leadsPerSecond)} leads/s).`,
    '',
    `**Intake** (${intake.connections} concurrent senders, unique leads; ${intake.rounds ? `${intake.rounds.webhook.length} rounds of ${intake.seconds} s each in turn, the better round of each shown` : `${intake.seconds} s each`}):`,
    '',
    '| Handler | Requests/s | p50 ms | p99 ms | max ms |',
    '|---|---|---|---|---|',
    `| \`POST /api/intake/marketplace\` | ${n(intake.webhook.throughput)} | ${intake.webhook.p50} | ${intake.webhook.p99} | ${intake.webhook.max} |`,
    `| \`GET /api/health/live\` (trivial) | ${n(intake.trivial.throughput)} | ${intake.trivial.p50} | ${intake.trivial.p99} | ${intake.trivial.max} |`,
    `| Ratio intake ÷ trivial | ${intake.ratio} | | | |`,
    ...(intake.rounds
      ? [
          '',
          `Every round (requests/s): webhook ${intake.rounds.webhook.map(n).join(', ')}; trivial ${intake.rounds.trivial.map(n).join(', ')}.`,
        ]
      : []),
    '',
    `**\`GET /api/leads\`** (one client, ${result.table[0]?.figures.requests ?? 0} requests each after a warm-up; target p95 < ${TARGETS.tableP95Ms} ms):`,
    '',
    '| Request | Query | p50 ms | p95 ms | |',
    '|---|---|---|---|---|',
    ...latencyRows(
      result.table.map((row) => ({ ...row, request: row.query || '(none)' })),
      TARGETS.tableP95Ms,
    ),
    '',
    `**Dashboard** (one client, ${result.dashboard[0]?.figures.requests ?? 0} requests each; target p95 < ${TARGETS.dashboardP95Ms} ms):`,
    '',
    '| Panel | Request | p50 ms | p95 ms | |',
    '|---|---|---|---|---|',
    ...latencyRows(
      result.dashboard.map((row) => ({ ...row, request: row.path })),
      TARGETS.dashboardP95Ms,
    ),
    '',
    `**Export**: ${n(result.export.rows)} rows (${(result.export.bytes / 2 ** 20).toFixed(1)} MiB of CSV) in ${result.export.seconds} s; server RSS peaked at ${result.export.peakRssMb} MB. **Server memory after the run**: ${result.memory.rssAfterMb} MB RSS.`,
    '',
    `**Bundles** (gzipped, from the build): leads page first load ${result.bundles.leadsFirstLoadKb} KB; dashboard first load ${result.bundles.dashboardFirstLoadKb} KB, with the charts (recharts, ${result.bundles.chartsKb} KB) ${result.bundles.chartsLazy ? 'loaded lazily' : 'in the first load'}.`,
    '',
    ...browserLines(result.browser),
  ];
  return lines.join('\n');
}

const ms = (summary: Summary) => `| ${summary.min} | ${summary.median} | ${summary.p95} | ${summary.max} |`;

function browserLines(browser: BrowserResult): string[] {
  const { sampling } = browser;
  const navigation = (label: string, figures: NavigationFigures | null, limit: number) =>
    figures
      ? [
          `| ${label} | \`${figures.path}\` ${ms(figures.total)} ${mark(figures.total.p95 < limit)} | ${figures.coldMs} |`,
          `| ↳ its HTML's first byte (server render) | ${ms(figures.ttfb)} | |`,
          `| ↳ DOMContentLoaded | ${ms(figures.domContentLoaded)} | |`,
          `| ↳ main thread in long tasks until then | ${ms(figures.longTasks)} | |`,
        ]
      : [`| ${label} | not measured | | | | | | |`];
  const { dashboard, filter } = browser;
  return [
    `**Browser** (Chromium ${browser.chromium}, ${browser.viewport}, signed in; ${sampling.runs} loads of each page after ${sampling.warmup === 1 ? 'a warm-up' : `${sampling.warmup} warm-ups`}, the first load in an empty cache (the cold column); times in ms from navigation start, taken in the page with \`performance.now()\` at the first frame that paints the state; targets on p95):`,
    '',
    '| Measure | Page | min | median | p95 | max | | cold |',
    '|---|---|---|---|---|---|---|---|',
    ...navigation('first lead rows, manager, All leads', browser.leads, TARGETS.firstRowsMs),
    ...navigation('first lead rows, rep, My queue', browser.queue, TARGETS.firstRowsMs),
    ...navigation(
      `every dashboard panel drawn${dashboard ? ` (${dashboard.cards} panels, ${dashboard.charts} charts)` : ''}`,
      dashboard,
      TARGETS.dashboardDrawnMs,
    ),
    ...(dashboard ? [`| ↳ the last panel's numbers received | ${ms(dashboard.panelsAnswered)} | |`] : []),
    filter
      ? `| filter change to new rows painted (${filter.changes} changes: ${filter.steps.join(', ')} in turn; from the event) | \`/leads\` ${ms(filter.total)} ${mark(filter.total.p95 < TARGETS.filterChangeP95Ms)} | |`
      : '| filter change to new rows painted | not measured | | | | | | |',
    ...(filter ? [`| ↳ main thread in long tasks meanwhile | ${ms(filter.longTasks)} | |`] : []),
    ...(browser.error ? ['', `The browser pass stopped early: ${browser.error}`] : []),
    '',
  ];
}

/** The run judged: harness checks (the benchmark itself worked) and the targets. */
export function evaluate(result: BenchResult): Check[] {
  const target = (label: string, ok: boolean, value: string): Check => ({ kind: 'target', label, ok, value });
  const harness = (label: string, ok: boolean, value: string): Check => ({ kind: 'harness', label, ok, value });
  const all = [...result.table, ...result.dashboard];
  const failing = all.filter((row) => row.figures.non2xx || row.figures.errors || row.figures.requests === 0);
  const worstTable = Math.max(...result.table.map((row) => row.figures.p95));
  const worstDashboard = Math.max(...result.dashboard.map((row) => row.figures.p95));
  const { webhook } = result.intake;
  const { browser } = result;
  // A measure the pass never reached is a miss, not a pass.
  const p95Target = (label: string, summary: Summary | undefined, limit: number) =>
    summary
      ? target(label, summary.p95 < limit, `${summary.p95} ms (median ${summary.median} ms)`)
      : target(label, false, 'not measured');
  return [
    harness(
      'every table and dashboard request answered 2xx',
      failing.length === 0,
      failing.map((row) => row.label).join(', ') || 'all',
    ),
    harness(
      'every webhook delivery answered 201',
      webhook.non2xx === 0 && webhook.errors === 0,
      JSON.stringify(webhook.statuses),
    ),
    harness(
      `the export streamed at least ${EXPORT.rows.toLocaleString('en')} rows`,
      result.export.rows >= Math.min(EXPORT.rows, result.seed.leads - 100),
      String(result.export.rows),
    ),
    target(
      `seed under ${TARGETS.seedSeconds} s`,
      result.seed.seconds < TARGETS.seedSeconds,
      `${result.seed.seconds} s`,
    ),
    target(
      `intake ≥ ${TARGETS.intakeRatio} × trivial throughput`,
      result.intake.ratio >= TARGETS.intakeRatio,
      `${result.intake.ratio}`,
    ),
    target(`intake p99 under ${TARGETS.intakeP99Ms} ms`, webhook.p99 < TARGETS.intakeP99Ms, `${webhook.p99} ms`),
    target(
      `every table request p95 under ${TARGETS.tableP95Ms} ms`,
      worstTable < TARGETS.tableP95Ms,
      `worst ${worstTable} ms`,
    ),
    target(
      `every dashboard request p95 under ${TARGETS.dashboardP95Ms} ms`,
      worstDashboard < TARGETS.dashboardP95Ms,
      `worst ${worstDashboard} ms`,
    ),
    target(
      `export under ${TARGETS.exportSeconds} s`,
      result.export.seconds < TARGETS.exportSeconds,
      `${result.export.seconds} s`,
    ),
    target(
      `server RSS under ${TARGETS.exportPeakRssMb} MB during the export`,
      result.export.peakRssMb < TARGETS.exportPeakRssMb,
      `${result.export.peakRssMb} MB`,
    ),
    target(
      `leads page first-load JS under ${TARGETS.leadsFirstLoadKbGzip} KB gzipped`,
      result.bundles.leadsFirstLoadKb < TARGETS.leadsFirstLoadKbGzip,
      `${result.bundles.leadsFirstLoadKb} KB`,
    ),
    target(
      'dashboard charts loaded lazily (recharts not in the first load)',
      result.bundles.chartsLazy,
      result.bundles.chartsLazy ? 'yes' : 'no',
    ),
    harness('the browser pass measured every page', browser.error === null, browser.error ?? 'all'),
    p95Target(
      `/leads first rows p95 under ${TARGETS.firstRowsMs} ms (manager)`,
      browser.leads?.total,
      TARGETS.firstRowsMs,
    ),
    p95Target(
      `/leads first rows p95 under ${TARGETS.firstRowsMs} ms (rep's queue)`,
      browser.queue?.total,
      TARGETS.firstRowsMs,
    ),
    p95Target(
      `/dashboard every panel drawn p95 under ${TARGETS.dashboardDrawnMs} ms`,
      browser.dashboard?.total,
      TARGETS.dashboardDrawnMs,
    ),
    p95Target(
      `/leads filter change p95 under ${TARGETS.filterChangeP95Ms} ms`,
      browser.filter?.total,
      TARGETS.filterChangeP95Ms,
    ),
  ];
}
