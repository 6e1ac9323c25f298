// The seed's search-index builder, on the second core while the main thread simulates the work
// and rebuilds the secondary indexes. It builds leads_search in a scratch database file with the
// same definition and the same statements the in-place rebuild would run, so the shadow tables it
// leaves are the ones the main database would have got; the main thread copies them over.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export type SearchWorkerData = {
  /** The seeded database, read once (its lock is released before the index is built). */
  source: string;
  /** The scratch file to build in. */
  target: string;
  /** The `CREATE VIRTUAL TABLE leads_search …` statement from the source's schema. */
  createSql: string;
};
export type SearchWorkerMessage = 'released' | 'built';

const { source, target, createSql } = workerData as SearchWorkerData;
const port = parentPort!;

const db = new Database(target);
db.unsafeMode(true);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.pragma('cache_size = -262144');
db.exec(createSql);
// The rows to index, copied in lead order; then the source is let go.
db.prepare('attach database ? as source').run(source);
db.exec(
  `create table search_source as
   select id, concat_ws(' ', first_name, last_name) as name, email, company, title, description
   from source.leads order by id`,
);
db.exec('detach database source');
port.postMessage('released' satisfies SearchWorkerMessage);

db.exec(`insert into leads_search (leads_search, rank) values ('automerge', 0)`);
db.exec(`insert into leads_search (leads_search) values ('delete-all')`);
db.exec(
  `insert into leads_search (rowid, name, email, company, title, description)
   select id, name, email, company, title, description from search_source order by id`,
);
// One segment, as an index grown lead by lead would have merged to: the bulk load leaves a few
// dozen, and the first deliveries after the seed would stall for seconds merging them.
db.exec(`insert into leads_search (leads_search) values ('optimize')`);
db.exec(`insert into leads_search (leads_search, rank) values ('automerge', 4)`);
db.exec('drop table search_source');
db.close();
port.postMessage('built' satisfies SearchWorkerMessage);
