// The table's benchmark matrix in process, without HTTP: median and worst of five getLeads
// calls per row, to compare query changes quickly (npm run bench measures the real server).
//   npx tsx bench/inproc-matrix.ts <seeded db> [--rep]
// --rep: as the rep with the most leads (their own and the unassigned); default: a manager (all).
import { openDatabase } from '@/db';
import { getLeads } from '@/lib/leads/queries';
import { parseLeadListParams } from '@/lib/leads/search-params';
import { tableMatrix } from './matrix';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/inproc-matrix.ts <seeded db> [--rep]');
const db = openDatabase(file);
const client = db.$client;
const offers = client.prepare('select key from offers order by lead_count desc limit 2').pluck().all() as string[];
const ownerId = client
  .prepare('select owner_id from leads where owner_id is not null group by owner_id order by count(*) desc limit 1')
  .pluck()
  .get() as string;
const rep = process.argv.includes('--rep');
const context = {
  db,
  scope: rep ? ({ kind: 'own_or_unassigned', userId: ownerId } as const) : ({ kind: 'all' } as const),
  viewerId: rep ? ownerId : null,
};
for (const row of tableMatrix({
  offers: [offers[0]!, offers[1]!],
  ownerId,
  monthStart: '2026-10-01',
  monthEnd: '2026-10-31',
})) {
  const query = parseLeadListParams(new URLSearchParams(row.query));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    getLeads(db, context, query);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${row.label.padEnd(42)} ${times[2]!.toFixed(1).padStart(7)} ${times[4]!.toFixed(1).padStart(7)} ms`);
}
db.$client.close();
