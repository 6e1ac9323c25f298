import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveDelivery } from '@/lib/intake/service';
import { generateDeliveries } from '@/lib/seed/generate';
import { ensureSeedReps, simulateWork } from '@/lib/seed/work';
import { createTempDb } from '@/lib/testing/temp-db';
import { rebuildDailyStats, rebuildSql } from './rollup';

const NOW = Date.parse('2026-06-01T12:00:00Z');

let temp: ReturnType<typeof createTempDb>;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

/** Every row with its rowid and stored types, so "equal" means equal on disk too. */
const table = () =>
  temp.db.$client
    .prepare(
      `select rowid, typeof(day) as day_type, typeof(leads) as leads_type, typeof(won) as won_type, *
       from lead_daily_stats order by rowid`,
    )
    .all();

describe('rebuildDailyStats', () => {
  it('writes exactly the table the grouped SQL passes (rebuildSql) write', () => {
    for (const delivery of generateDeliveries({ count: 1500, seed: 11, days: 90, now: new Date(NOW) })) {
      receiveDelivery(temp.db, {
        rawBody: Buffer.from(JSON.stringify(delivery.body)),
        contentType: 'application/json',
        receivedAt: delivery.receivedAt,
        intakeKeyId: null,
      });
    }
    simulateWork(temp.db, { afterId: 0, seed: 5, reps: ensureSeedReps(temp.db, new Date(NOW)), now: NOW });
    // Tokens outside the vocabulary, a lead with no country and one with no offer, so every
    // branch of the dimension expressions has rows.
    const client = temp.db.$client;
    client.exec(`update leads set journey_sources = journey_sources || 'Partner|' where id % 7 = 0`);
    client.exec(`update leads set journey_actions = '|Mystery|' where id % 11 = 0`);
    client.exec(`update leads set country = null where id % 13 = 0`);
    client.exec(`update leads set offer_ref = null where id % 17 = 0`);

    client.transaction(() => {
      for (const statement of rebuildSql('leads')) client.exec(statement);
    })();
    const expected = table();
    expect(expected.length).toBeGreaterThan(500);
    for (const dim of ['all', 'offer', 'country', 'owner', 'source', 'action']) {
      expect(expected.some((row) => (row as { dim: string }).dim === dim)).toBe(true);
    }
    expect(
      expected.some(
        (row) => (row as { dim: string; value: string }).dim === 'source' && (row as { value: string }).value === '',
      ),
    ).toBe(true);

    rebuildDailyStats(client);
    expect(table()).toEqual(expected);
  }, 30_000);
});
