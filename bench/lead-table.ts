// npm run bench -- [--db PATH] [--seed] [--runs N] [--only table|dashboard]
// Times the server work at scale: every lead list request shape (filters, sorts, search, deep
// pages, counts), the rep's queue, a lead's neighbours, every dashboard panel over 30 days and a
// year (unfiltered and filtered) and a full keyset export pass, on a
// database seeded with `npm run seed -- --count 1000000` (or seeded here with --seed). Prints the
// median and worst of N runs per request; nothing is asserted (figures, not timed tests).
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db';
import { getLeadNeighbours, getLeads, getQueue, leadListBatches, type ListContext } from '@/lib/leads/queries';
import { parseLeadListParams } from '@/lib/leads/search-params';
import { parseDashboardParams } from '@/lib/dashboard/params';
import { PANELS } from '@/lib/dashboard/panels';
import { getPanel } from '@/lib/dashboard/service';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.DATABASE_PATH ?? './data/bench.db' },
    seed: { type: 'boolean', default: false },
    count: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
  },
});
const runs = Math.max(1, Number(values.runs) || 5);

if (values.seed) {
  console.log(`Seeding ${values.count} leads into ${values.db} …`);
  execFileSync('npx', ['tsx', 'db/scripts/seed.ts', '--count', values.count!], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_PATH: values.db },
  });
}

const db = openDatabase(values.db!);
const leadCount = (db.$client.prepare('select count(*) as n from leads').get() as { n: number }).n;
console.log(`${leadCount.toLocaleString('en')} leads in ${values.db}; ${runs} runs per request (median / worst)\n`);

const offer = (db.$client.prepare('select key from offers order by lead_count desc limit 2').all() as { key: string }[]).map((row) => row.key);
const context: ListContext = { db, scope: { kind: 'all' }, viewerId: 'bench-viewer' };
const repContext: ListContext = { db, scope: { kind: 'own_or_unassigned', userId: 'bench-viewer' }, viewerId: 'bench-viewer' };

const LIST_REQUESTS = [
  '',
  'page=200',
  'sort=name',
  'sort=-name&page=200',
  'sort=company&page=100',
  'sort=country',
  'sort=-lastActivityAt&page=150',
  'sort=nextFollowUpAt',
  'sort=status',
  'sort=stage&pageSize=200',
  'status=new',
  'status=won',
  'status=new,contacted',
  'stage=acquired&sort=name',
  'stage=dnc,test_drive',
  'source=TestDrive',
  'source=AzurePortal&sort=company',
  'action=PLT',
  'action=DNC',
  `offer=${offer[0]}`,
  `offer=${offer[0]},${offer[1]}&sort=name`,
  'owner=me',
  'owner=unassigned&sort=name',
  'country=DE',
  'country=DE&sort=country',
  'country=DE,FR',
  'country=IS,LI',
  'dnc=only',
  'dnc=hide&sort=company',
  'sla=first_touch_overdue',
  'sla=first_touch_due',
  'sla=follow_up_due',
  'received=today',
  'received=7d&sort=name',
  'received=quarter&status=new',
  'from=2026-01-01&to=2026-03-31&sort=company',
  'q=smith',
  'q=contoso&sort=name',
  'q=com',
  'q=smith%20contoso',
  'q=zzzzqqq',
  'stage=dnc&country=FR&source=SPZA',
  'includeTest=true&sort=company',
];

function time(fn: () => unknown): { median: number; worst: number } {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, worst: samples.at(-1)! };
}

const rows: { label: string; median: number; worst: number; note: string }[] = [];
const table = values.only !== 'dashboard';
const dashboard = values.only !== 'table';
for (const request of table ? LIST_REQUESTS : []) {
  const query = parseLeadListParams(new URLSearchParams(request));
  let note = '';
  const figures = time(() => {
    const page = getLeads(db, context, query);
    note = `${page.totalCapped ? `${page.total}+` : page.total} matches`;
  });
  rows.push({ label: `GET /api/leads?${request}`, ...figures, note });
}
const repQuery = parseLeadListParams(new URLSearchParams('sort=name'));
if (table) {
  rows.push({ label: 'rep scope: ?sort=name', ...time(() => getLeads(db, repContext, repQuery)), note: '' });
  rows.push({ label: 'rep queue', ...time(() => getQueue(db, 'bench-viewer')), note: '' });
  const middle = getLeads(db, context, repQuery).rows[25]?.id ?? 1;
  rows.push({ label: 'neighbours (prev/next) ?sort=name', ...time(() => getLeadNeighbours(db, context, repQuery, middle)), note: '' });
}

// Every dashboard panel over the last 30 days and the last year: unfiltered (the daily rollup),
// with one filter (the rollup's slice, or a grouped scan for cross-dimension panels), and with two
// filters (a grouped scan of the range's leads).
const owner = (db.$client.prepare('select owner_id as id from leads where owner_id is not null limit 1').get() as { id: string } | undefined)?.id;
const DASHBOARD_VIEWS = [
  'range=30d',
  'range=year',
  `range=year&country=DE`,
  ...(owner ? [`range=30d&owner=${owner}`] : []),
  `range=30d&source=SPZA&offer=${offer[0]}`,
  `range=year&source=SPZA&offer=${offer[0]}`,
];
for (const view of dashboard ? DASHBOARD_VIEWS : []) {
  const query = parseDashboardParams(new URLSearchParams(view));
  for (const panel of PANELS) {
    let note = '';
    const figures = time(() => {
      const data = getPanel(db, panel, query);
      note = `${data.rows.length} rows`;
    });
    rows.push({ label: `GET /api/dashboard/${panel}?${view.replace(owner ?? '-', '<rep>')}`, ...figures, note });
  }
}

const width = Math.max(...rows.map((row) => row.label.length));
for (const row of rows) {
  const flag = row.worst >= 100 ? '  ← over 100 ms' : '';
  console.log(`${row.label.padEnd(width)}  ${row.median.toFixed(1).padStart(7)} / ${row.worst.toFixed(1).padStart(7)} ms  ${row.note}${flag}`);
}
const over = rows.filter((row) => row.median >= 100);
console.log(`\n${rows.length - over.length} of ${rows.length} requests answer in under 100 ms (median).`);

// One whole export pass in keyset batches (the CSV stream's database work).
if (!table) process.exit(0);
const exportQuery = parseLeadListParams(new URLSearchParams('sort=name'));
const started = performance.now();
let exported = 0;
let slowestBatch = 0;
let batchStart = performance.now();
for (const batch of leadListBatches(db, context, exportQuery, 1000)) {
  exported += batch.length;
  slowestBatch = Math.max(slowestBatch, performance.now() - batchStart);
  batchStart = performance.now();
}
console.log(
  `Export pass (sort=name): ${exported.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest 1,000-row batch ${slowestBatch.toFixed(1)} ms.`,
);
