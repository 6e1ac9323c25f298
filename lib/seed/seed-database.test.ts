import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { rebuildDailyStats } from '@/lib/dashboard/rollup';
import { seedDatabase } from './seed-database';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

type Client = ReturnType<typeof openDatabase>['$client'];
const schema = (client: Client) =>
  client
    .prepare(
      `select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_stat%' order by type, name`,
    )
    .all();
/** The search index's shadow tables, row for row. */
const searchTables = (client: Client) =>
  Object.fromEntries(
    (
      client.prepare(`select name from sqlite_master where type = 'table' and name glob 'leads_search_*'`).all() as {
        name: string;
      }[]
    ).map(({ name }) => [name, client.prepare(`select * from "${name}" order by 1`).all()]),
  );

describe('seedDatabase', () => {
  it('leaves a ready database: WAL, the migrated schema, and search and rollup as rebuilt in place', async () => {
    const file = path.join(dir, 'leads.db');
    const result = await seedDatabase({ file, count: 1200, seed: 4, days: 60 });
    expect(result.bulk).toBe(true);
    expect(result.deliveries).toBeGreaterThan(1200);
    expect(result.phases.map((phase) => phase.name)).toContain('search index: copy in');
    expect(fs.existsSync(`${file}.search-build`)).toBe(false);

    const fresh = openDatabase(path.join(dir, 'fresh.db'));
    const db = openDatabase(file);
    try {
      const client = db.$client;
      expect(client.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(schema(client)).toEqual(schema(fresh.$client));
      expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(() =>
        client.exec(`insert into leads_search (leads_search, rank) values ('integrity-check', 1)`),
      ).not.toThrow();
      const someone = client
        .prepare(`select id, email from leads where email is not null limit 1 offset 100`)
        .get() as { id: number; email: string };
      const hits = client
        .prepare(`select rowid from leads_search where leads_search match ?`)
        .all(`"${someone.email}"`) as { rowid: number }[];
      expect(hits.map((hit) => hit.rowid)).toContain(someone.id);

      // The index built on the second thread equals the one the in-place rebuild writes.
      const built = searchTables(client);
      expect(Object.keys(built).length).toBeGreaterThanOrEqual(3);
      const inPlaceFile = path.join(dir, 'in-place.db');
      const inPlace = await seedDatabase({
        file: inPlaceFile,
        count: 1200,
        seed: 4,
        days: 60,
        searchOnSecondThread: false,
      });
      expect(inPlace.phases.map((phase) => phase.name)).toContain('search index');
      const other = openDatabase(inPlaceFile);
      try {
        expect(searchTables(other.$client)).toEqual(built);
      } finally {
        other.$client.close();
      }

      const rollup = () => client.prepare('select * from lead_daily_stats order by rowid').all();
      const seeded = rollup();
      rebuildDailyStats(client);
      expect(rollup()).toEqual(seeded);
    } finally {
      db.$client.close();
      fresh.$client.close();
    }
  }, 60_000);
});
