import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db';
import { receiveDelivery } from '@/lib/intake/service';
import { backupDatabase, inspectDatabase, restoreDatabase } from './backup';
import { liveServer, markerPath, writeServerMarker } from './server-marker';

let dir: string;
let file: string;
let db: Db;

function deliver(i: number) {
  return receiveDelivery(db, {
    rawBody: Buffer.from(
      JSON.stringify({
        UserDetails: { FirstName: 'Ann', LastName: `L${i}`, Email: `p${i}@x.example` },
        LeadSource: 'SPZA-PLT|contoso.suite',
      }),
    ),
    contentType: 'application/json',
    receivedAt: new Date(),
    intakeKeyId: null,
  });
}
const count = (target: Db) => target.$client.prepare('SELECT count(*) FROM leads').pluck().get() as number;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leads-ops-'));
  file = path.join(dir, 'leads.db');
  db = openDatabase(file);
  for (let i = 0; i < 300; i++) deliver(i);
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('copies the database while it keeps taking leads, and restores the copy', async () => {
    const backup = path.join(dir, 'copies', 'backup.db');
    // Leads keep arriving while the backup runs (the backup yields between page batches).
    const writing = (async () => {
      for (let i = 300; i < 400; i++) {
        deliver(i);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const summary = await backupDatabase(file, backup);
    await writing;
    expect(summary.leads).toBeGreaterThanOrEqual(300);
    expect(summary.leads).toBeLessThanOrEqual(400);
    expect(summary.migrations).toBeGreaterThan(0);
    expect(count(db)).toBe(400);

    // Restore into the original place (no server marker: nothing is using it).
    db.$client.close();
    const { summary: restored, replacedBy } = restoreDatabase(backup, file, new Date('2026-11-24T10:00:00Z'));
    expect(restored.leads).toBe(summary.leads);
    expect(replacedBy).toBe(`${file}.before-restore-2026-11-24T10-00-00-000Z`);
    expect(inspectDatabase(replacedBy!).leads).toBe(400);
    db = openDatabase(file);
    expect(count(db)).toBe(summary.leads);
    // The restored database takes new leads, and its rollup is in step.
    deliver(1000);
    expect(db.$client.prepare(`SELECT sum(leads) FROM lead_daily_stats WHERE dim = 'all'`).pluck().get()).toBe(
      count(db),
    );
  });

  it('refuses to overwrite a file, to copy onto itself, and to restore what is not a database of this app', async () => {
    const backup = path.join(dir, 'backup.db');
    await backupDatabase(file, backup);
    await expect(backupDatabase(file, backup)).rejects.toMatchObject({ code: 'conflict' });
    await expect(backupDatabase(file, backup, { overwrite: true })).resolves.toMatchObject({ leads: 300 });
    await expect(backupDatabase(file, file)).rejects.toMatchObject({ code: 'invalid_input' });

    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all, just some text that is long enough to look like a file');
    expect(() => restoreDatabase(junk, path.join(dir, 'other.db'))).toThrow(/not a SQLite database/);
    expect(() => restoreDatabase(path.join(dir, 'missing.db'), path.join(dir, 'other.db'))).toThrow(/no file/);
    const foreign = path.join(dir, 'foreign.db');
    const other = openDatabase(foreign, { migrate: false });
    other.$client.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
    other.$client.close();
    expect(() => restoreDatabase(foreign, path.join(dir, 'other.db'))).toThrow(/not a database of this app/);
  });

  it('refuses to restore while a server uses the database, and ignores a marker left by a dead one', async () => {
    const backup = path.join(dir, 'backup.db');
    await backupDatabase(file, backup);
    writeServerMarker(file);
    expect(liveServer(file)?.pid).toBe(process.pid);
    expect(() => restoreDatabase(backup, file)).toThrow(new RegExp(`process ${process.pid}`));
    // A server killed with SIGKILL leaves its marker behind, naming a process that is gone.
    const marker = JSON.parse(fs.readFileSync(markerPath(file), 'utf8'));
    fs.writeFileSync(markerPath(file), JSON.stringify({ ...marker, pid: 2 ** 22 + 12345 }));
    expect(liveServer(file)).toBeNull();
    db.$client.close();
    expect(restoreDatabase(backup, file).summary.leads).toBe(300);
    db = openDatabase(file);
  });
});
