import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildSql } from '@/lib/dashboard/rollup';
import { receiveDelivery } from '@/lib/intake/service';
import { createTempDb } from '@/lib/testing/temp-db';
import { COUNTRIES, normaliseCountry } from './country';
import { countryMigrationSql, sqlKey } from './country-sql';

const MIGRATION = path.join(process.cwd(), 'db/migrations/0011_country_codes.sql');

let temp: ReturnType<typeof createTempDb>;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

/** Spellings stored before intake normalised them: every table spelling in several dresses, and strangers. */
function storedSpellings(): string[] {
  const values = new Set<string>();
  for (const country of COUNTRIES)
    for (const spelling of [country.code, country.alpha3, country.name, ...country.aliases]) {
      values.add(spelling);
      values.add(spelling.toLowerCase());
      values.add(spelling.toUpperCase());
      values.add(`The ${spelling}`);
      values.add(spelling.replaceAll(' ', '-'));
    }
  for (const other of ['Atlantis', 'Dash-abc123', 'ZZ', 'Georgia (US)', 'the', "O'Brien", 'Saint', ''])
    values.add(other);
  return [...values];
}

function runMigration(sql: string) {
  const client = temp.db.$client;
  client.transaction(() => {
    for (const statement of sql.split('--> statement-breakpoint')) client.exec(statement);
  })();
}

describe('migration 0011 (country codes)', () => {
  it('is the generated file', () => {
    expect(fs.readFileSync(MIGRATION, 'utf8')).toBe(countryMigrationSql());
  });

  it('stores what intake would store, in leads and events, and keeps the rollup in step', () => {
    const client = temp.db.$client;
    const values = storedSpellings();
    // One transaction for the setup: a commit per lead would wait on the disk thousands of times.
    const setup = client.transaction(() =>
      values.forEach((_, index) =>
        receiveDelivery(temp.db, {
          rawBody: Buffer.from(
            JSON.stringify({
              UserDetails: { Email: `p${index}@example.test`, Country: 'FR' },
              LeadSource: `SPZA-PLT|pub.offer${index % 5}`,
            }),
          ),
          contentType: 'application/json',
          receivedAt: new Date(Date.UTC(2026, 5, 1 + (index % 20))),
          intakeKeyId: null,
        }),
      ),
    );
    setup();
    // As stored before this change: the value as sent (set under the triggers, like any update).
    const ids = client.prepare('SELECT id FROM leads ORDER BY id').pluck().all() as number[];
    const set = client.prepare('UPDATE leads SET country = ? WHERE id = ?');
    const setEvent = client.prepare('UPDATE lead_events SET country = ? WHERE lead_id = ?');
    client.transaction(() =>
      ids.forEach((id, index) => {
        set.run(values[index] || null, id);
        setEvent.run(values[index] || null, id);
      }),
    )();

    runMigration(fs.readFileSync(MIGRATION, 'utf8'));

    const rows = client.prepare('SELECT id, country FROM leads ORDER BY id').all() as {
      id: number;
      country: string | null;
    }[];
    const events = new Map(
      (
        client.prepare('SELECT lead_id AS id, country FROM lead_events').all() as {
          id: number;
          country: string | null;
        }[]
      ).map((row) => [row.id, row.country]),
    );
    rows.forEach((row, index) => {
      const sent = values[index]!;
      expect(row.country, JSON.stringify(sent)).toBe(normaliseCountry(sent));
      expect(events.get(row.id), JSON.stringify(sent)).toBe(normaliseCountry(sent));
    });
    expect(rows.filter((row) => row.country === 'US').length).toBeGreaterThan(10);

    const rollup = () =>
      client.prepare('SELECT * FROM lead_daily_stats WHERE leads <> 0 ORDER BY day, dim, value').all();
    const afterTriggers = rollup();
    client.transaction(() => {
      for (const statement of rebuildSql('leads')) client.exec(statement);
    })();
    expect(afterTriggers).toEqual(rollup());
  }, 60_000);

  it('works the SQL key out as the SQL does', () => {
    const client = temp.db.$client;
    const sql = countryMigrationSql();
    const keyExpression = /s\.key = (\(SELECT[\s\S]*?AS t\)) AND leads\.country IS NOT/.exec(sql)![1]!;
    const key = client.prepare(`SELECT ${keyExpression.replaceAll('leads.country', '?')} AS key`).pluck();
    for (const value of ['U.S.A.', 'The Gambia', 'Saint Lucia', 'Bosnia & Herzegovina', 'Côte d’Ivoire', 'the', 'Thé'])
      expect(key.get(...Array(keyExpression.split('leads.country').length - 1).fill(value)), value).toBe(sqlKey(value));
  });
});
