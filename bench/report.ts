// The benchmark's result (written as JSON) and its markdown table (for the README).
import type { LoadFigures } from './http';
import { TARGETS } from './matrix';

export type Check = { kind: 'target' | 'harness'; label: string; ok: boolean; value: string };

export type BenchResult = {
  machine: { cpus: number; model: string; memoryGb: number; node: string; platform: string };
  startedAt: string;
  reduced: boolean;
  seed: { leads: number; deliveries: number; seconds: number; leadsPerSecond: number; log: string[] };
  intake: { connections: number; seconds: number; webhook: LoadFigures; trivial: LoadFigures; ratio: number };
  table: { label: string; query: string; figures: LoadFigures }[];
  dashboard: { label: string; path: string; figures: LoadFigures }[];
  export: { rows: number; bytes: number; seconds: number; peakRssMb: number };
  memory: { rssAfterMb: number };
  bundles: { leadsFirstLoadKb: number; dashboardFirstLoadKb: number; chartsKb: number; chartsLazy: boolean };
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
    ...result.checks.filter((check) => check.kind === 'target').map((check) => `| ${check.label} | ${check.value} | ${check.ok ? '✓' : '✗ missed'} |`),
    '',
    `**Seed**: ${n(seed.leads)} leads (${n(seed.deliveries)} deliveries) through the ingest code in ${seed.seconds} s (${n(seed.leadsPerSecond)} leads/s).`,
    '',
    `**Intake** (${intake.connections} concurrent senders, ${intake.seconds} s each, unique leads):`,
    '',
    '| Handler | Requests/s | p50 ms | p99 ms | max ms |',
    '|---|---|---|---|---|',
    `| \`POST /api/intake/marketplace\` | ${n(intake.webhook.throughput)} | ${intake.webhook.p50} | ${intake.webhook.p99} | ${intake.webhook.max} |`,
    `| \`GET /api/health/live\` (trivial) | ${n(intake.trivial.throughput)} | ${intake.trivial.p50} | ${intake.trivial.p99} | ${intake.trivial.max} |`,
    `| Ratio intake ÷ trivial | ${intake.ratio} | | | |`,
    '',
    `**\`GET /api/leads\`** (one client, ${result.table[0]?.figures.requests ?? 0} requests each after a warm-up; target p95 < ${TARGETS.tableP95Ms} ms):`,
    '',
    '| Request | Query | p50 ms | p95 ms | |',
    '|---|---|---|---|---|',
    ...latencyRows(result.table.map((row) => ({ ...row, request: row.query || '(none)' })), TARGETS.tableP95Ms),
    '',
    `**Dashboard** (one client, ${result.dashboard[0]?.figures.requests ?? 0} requests each; target p95 < ${TARGETS.dashboardP95Ms} ms):`,
    '',
    '| Panel | Request | p50 ms | p95 ms | |',
    '|---|---|---|---|---|',
    ...latencyRows(result.dashboard.map((row) => ({ ...row, request: row.path })), TARGETS.dashboardP95Ms),
    '',
    `**Export**: ${n(result.export.rows)} rows (${(result.export.bytes / 2 ** 20).toFixed(1)} MiB of CSV) in ${result.export.seconds} s; server RSS peaked at ${result.export.peakRssMb} MB. **Server memory after the run**: ${result.memory.rssAfterMb} MB RSS.`,
    '',
    `**Bundles** (gzipped, from the build): leads page first load ${result.bundles.leadsFirstLoadKb} KB; dashboard first load ${result.bundles.dashboardFirstLoadKb} KB, with the charts (recharts, ${result.bundles.chartsKb} KB) ${result.bundles.chartsLazy ? 'loaded lazily' : 'in the first load'}.`,
    '',
  ];
  return lines.join('\n');
}
