import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '@/db';
import { createTempDb } from '@/lib/testing/temp-db';
import { getDatabaseHealth, shippedMigrations } from './queries';

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};
const tags = journal.entries.map((entry) => entry.tag);

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('getDatabaseHealth', () => {
  it('reports the schema version: every shipped migration applied, the latest by tag and hash', () => {
    const temp = createTempDb();
    cleanup = temp.cleanup;
    const health = getDatabaseHealth(temp.db);
    expect(tags.length).toBeGreaterThan(0);
    expect(health).toEqual({
      ok: true,
      migrations: tags.length,
      schema: {
        applied: tags.length,
        available: tags.length,
        latest: {
          tag: tags.at(-1),
          hash: shippedMigrations().at(-1)!.hash.slice(0, 12),
          createdAt: expect.any(String),
        },
        pending: [],
        upToDate: true,
      },
      lastLeadAt: null,
    });
    expect(health.schema.latest!.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('names migrations that are not applied, and says the schema is behind', () => {
    const temp = createTempDb();
    cleanup = temp.cleanup;
    temp.db.run(
      sql`delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)`,
    );
    const { schema } = getDatabaseHealth(temp.db);
    expect(schema).toMatchObject({
      applied: tags.length - 1,
      available: tags.length,
      latest: { tag: tags.at(-2) },
      pending: [tags.at(-1)],
      upToDate: false,
    });
  });

  it('says the schema does not match when the database was migrated by a newer build', () => {
    const temp = createTempDb();
    cleanup = temp.cleanup;
    // This build ships one migration fewer than the database has applied.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    try {
      fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
      const copy = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      copy.entries.pop();
      fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(copy));
      const { schema } = getDatabaseHealth(temp.db, folder);
      expect(schema).toMatchObject({
        applied: tags.length,
        available: tags.length - 1,
        latest: { tag: null },
        pending: [],
        upToDate: false,
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('holds no personal data: only counts, tags, hashes and times', () => {
    const temp = createTempDb();
    cleanup = temp.cleanup;
    expect(JSON.stringify(getDatabaseHealth(temp.db))).not.toMatch(/@/);
  });
});
