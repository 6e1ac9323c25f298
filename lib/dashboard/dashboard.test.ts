import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveDelivery } from '@/lib/intake/service';
import { createTempDb } from '@/lib/testing/temp-db';
import {
  aggregate,
  medianFirstTouch,
  medianFirstTouchByOwner,
  medianStepTimes,
  ownerStats,
  type Dimension,
} from './aggregate';
import { parseDashboardParams, type DashboardFilters } from './params';
import { autoBucket, bucketsOf, bucketStart, bucketStartSql, DAY_MS, dayOf, isoDay, resolveRange } from './range';
import { rebuildDailyStats } from './rollup';
import { getPanel } from './service';

describe('date ranges', () => {
  const now = new Date('2026-11-24T15:30:00Z'); // a Tuesday
  const today = dayOf(now.getTime());

  it('resolves presets to whole UTC days ending today, with the previous period just before', () => {
    const week = resolveRange('7d', now);
    expect([isoDay(week.fromDay), isoDay(week.toDay - 1), week.days]).toEqual(['2026-11-18', '2026-11-24', 7]);
    expect(week.previous).toEqual({ fromDay: week.fromDay - 7, toDay: week.fromDay });
    expect(resolveRange('30d', now).days).toBe(30);
    expect(isoDay(resolveRange('quarter', now).fromDay)).toBe('2026-10-01');
    expect(isoDay(resolveRange('year', now).fromDay)).toBe('2026-01-01');
    expect(resolveRange('year', now).toDay).toBe(today + 1);
    const custom = resolveRange('custom', now, {
      from: dayOf(Date.parse('2026-02-01')),
      to: dayOf(Date.parse('2026-02-28')),
    });
    expect([custom.days, isoDay(custom.previous.fromDay)]).toEqual([28, '2026-01-04']);
  });

  it('parses the query contract and names bad parameters', () => {
    expect(parseDashboardParams(new URLSearchParams(''), now).range.preset).toBe('30d');
    const custom = parseDashboardParams(new URLSearchParams('from=2026-03-01&to=2026-03-31&source=SPZA'), now);
    expect([custom.range.preset, custom.range.days, custom.filters, custom.bucket]).toEqual([
      'custom',
      31,
      { source: 'SPZA' },
      'day',
    ]);
    const fields = (query: string) => {
      try {
        parseDashboardParams(new URLSearchParams(query), now);
        return [];
      } catch (error) {
        return ((error as { details?: { field: string }[] }).details ?? []).map((detail) => detail.field);
      }
    };
    expect(fields('range=fortnight')).toEqual(['range']);
    expect(fields('from=2026-02-30&to=2026-03-01')).toEqual(['from']);
    expect(fields('from=2026-03-05&to=2026-03-01')).toEqual(['from']);
    expect(fields('from=2026-03-05')).toEqual(['to']);
    expect(fields('range=7d&from=2026-03-05&to=2026-03-06')).toEqual(['range']);
    expect(fields('bucket=hour&colour=red').sort()).toEqual(['bucket', 'colour']);
    expect(fields('owner=me')).toEqual(['owner']);
    expect(fields('from=0099-01-01&to=0099-02-01')).toEqual(['from', 'to']);
    expect(fields('range=year&bucket=week')).toEqual([]);
    expect(fields('from=2020-01-01&to=2026-01-01&bucket=day')).toEqual(['bucket']);
  });

  it('picks a bucket from the range length', () => {
    expect([autoBucket(7), autoBucket(35), autoBucket(36), autoBucket(182), autoBucket(183)]).toEqual([
      'day',
      'day',
      'week',
      'week',
      'month',
    ]);
  });

  it('starts weeks on Monday and months on the 1st, in JavaScript and in SQL alike', () => {
    expect(isoDay(bucketStart('week', today))).toBe('2026-11-23');
    expect(isoDay(bucketStart('week', dayOf(Date.parse('2026-11-22'))))).toBe('2026-11-16'); // a Sunday
    expect(isoDay(bucketStart('month', today))).toBe('2026-11-01');
    const temp = createTempDb();
    try {
      for (let day = dayOf(Date.parse('2024-02-20')); day < dayOf(Date.parse('2024-03-20')); day += 1) {
        for (const bucket of ['day', 'week', 'month'] as const) {
          const { start } = temp.db.$client
            .prepare(`SELECT ${bucketStartSql(bucket, 'd')} AS start FROM (SELECT ? AS d)`)
            .get(day) as { start: number };
          expect(start, `${bucket} of ${isoDay(day)}`).toBe(bucketStart(bucket, day));
        }
      }
    } finally {
      temp.cleanup();
    }
  });

  it('lists every bucket a range touches, partial ones included', () => {
    const range = { fromDay: dayOf(Date.parse('2026-01-30')), toDay: dayOf(Date.parse('2026-03-02')) };
    expect(bucketsOf('month', range).map((bucket) => bucket.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(bucketsOf('week', range)[0]!.label).toBe('Week of 2026-01-26');
    expect(bucketsOf('day', range)).toHaveLength(31);
  });
});

// ── Aggregates against numbers computed here, lead by lead ──────────────────────────────────────

const NOW = new Date('2026-11-24T12:00:00Z');
const SOURCES = ['SPZA', 'AzureMarketplace', 'AzurePortal', 'TestDrive', 'Weird'];
const ACTIONS = ['PLT', 'StartTestDrive', 'INS', 'Create', 'DNC', 'Mystery'];
const OFFERS = ['contoso.suite', 'fabrikam.cloud', 'tailspin.app'];
const COUNTRIES = ['US', 'DE', 'FR', null];
const OWNERS = ['user-a', 'user-b', null];

type Row = {
  id: number;
  received_at: number;
  journey_sources: string;
  journey_actions: string;
  offer_ref: number | null;
  offer_key: string | null;
  country: string | null;
  owner_id: string | null;
  stage: string | null;
  do_not_contact: number;
  first_touch_at: number | null;
  contacted_at: number | null;
  qualified_at: number | null;
  won_at: number | null;
};

let temp: ReturnType<typeof createTempDb>;
let rows: Row[];

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(() => {
  temp = createTempDb();
  const rand = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const sqlite = temp.db.$client;
  for (const id of ['user-a', 'user-b']) {
    sqlite
      .prepare(`INSERT INTO users (id, name, email, role, created_at, updated_at) VALUES (?, ?, ?, 'rep', 0, 0)`)
      .run(id, id.toUpperCase(), `${id}@x.example`);
  }
  for (let i = 0; i < 400; i += 1) {
    const email = `p${Math.floor(rand() * 300)}@x.example`;
    const country = pick(COUNTRIES);
    const test = rand() < 0.05;
    receiveDelivery(temp.db, {
      rawBody: Buffer.from(
        JSON.stringify({
          UserDetails: {
            FirstName: test ? 'MSFT_TEST_1' : 'Pat',
            LastName: `L${i}`,
            Email: test ? 'MSFT_TEST_1@test.com' : email,
            ...(country ? { Country: country } : {}),
          },
          LeadSource: `${pick(SOURCES)}-${pick(ACTIONS)}|${pick(OFFERS)}`,
        }),
      ),
      contentType: null,
      receivedAt: new Date(NOW.getTime() - Math.floor(rand() * 120 * DAY_MS)),
      intakeKeyId: null,
    });
  }
  // Work on the leads: owners, first touches, status history (the trigger stamps the steps).
  const ids = sqlite.prepare('SELECT id, received_at FROM leads').all() as { id: number; received_at: number }[];
  for (const { id, received_at } of ids) {
    const owner = pick(OWNERS);
    sqlite.prepare('UPDATE leads SET owner_id = ? WHERE id = ?').run(owner, id);
    if (rand() < 0.7)
      sqlite
        .prepare('UPDATE leads SET first_touch_at = ? WHERE id = ?')
        .run(received_at + Math.floor(rand() * 3 * DAY_MS), id);
    const path = pick([
      [],
      ['contacted'],
      ['contacted', 'qualified'],
      ['contacted', 'qualified', 'won'],
      ['won'],
      ['contacted', 'lost'],
      ['nurturing', 'won'],
    ]);
    let at = received_at;
    let from = 'new';
    for (const status of path) {
      at += Math.floor(rand() * 5 * DAY_MS);
      sqlite
        .prepare(
          `INSERT INTO lead_status_changes (lead_id, from_status, to_status, changed_by_label, changed_at) VALUES (?, ?, ?, 'test', ?)`,
        )
        .run(id, from, status, at);
      sqlite.prepare('UPDATE leads SET status = ? WHERE id = ?').run(status, id);
      from = status;
    }
  }
  // An owner change on some leads, so the rollup moves rows between people.
  sqlite.prepare(`UPDATE leads SET owner_id = 'user-b' WHERE id % 7 = 0`).run();
  rows = sqlite
    .prepare(
      `SELECT l.id, l.received_at, l.journey_sources, l.journey_actions, l.offer_ref, o.key AS offer_key, l.country, l.owner_id, l.stage,
         l.do_not_contact, l.first_touch_at, l.contacted_at, l.qualified_at, l.won_at
       FROM leads AS l LEFT JOIN offers AS o ON o.id = l.offer_ref WHERE l.is_test = 0`,
    )
    .all() as Row[];
});
afterAll(() => temp.cleanup());

const KNOWN_SOURCES = ['AzureMarketplace', 'AzurePortal', 'SPZA', 'TestDrive'];
const KNOWN_ACTIONS = ['PLT', 'StartTestDrive', 'INS', 'Create', 'DNC'];
const tokensOf = (list: string) => list.split('|').filter(Boolean);

/** The values a lead counts under on a dimension, worked out in JavaScript. */
function valuesOf(row: Row, dim: Dimension): string[] {
  switch (dim) {
    case 'all':
      return [''];
    case 'offer':
      return [row.offer_ref === null ? '' : String(row.offer_ref)];
    case 'country':
      return [row.country ?? ''];
    case 'owner':
      return [row.owner_id ?? ''];
    case 'source':
    case 'action': {
      const known = dim === 'source' ? KNOWN_SOURCES : KNOWN_ACTIONS;
      const tokens = tokensOf(dim === 'source' ? row.journey_sources : row.journey_actions);
      const values = tokens.filter((token) => known.includes(token));
      if (tokens.some((token) => !known.includes(token))) values.push('');
      return values;
    }
  }
}

function matches(row: Row, filters: DashboardFilters): boolean {
  return (
    (!filters.source || tokensOf(row.journey_sources).includes(filters.source)) &&
    (!filters.action || tokensOf(row.journey_actions).includes(filters.action)) &&
    (!filters.offer || row.offer_key === filters.offer) &&
    (!filters.owner || (filters.owner === 'unassigned' ? row.owner_id === null : row.owner_id === filters.owner)) &&
    (!filters.country || (row.country ?? '') === filters.country)
  );
}

const MEASURES = {
  leads: () => 1,
  sla_eligible: (r: Row) => Number(r.do_not_contact === 0),
  touched_in_sla: (r: Row) =>
    Number(r.do_not_contact === 0 && r.first_touch_at !== null && r.first_touch_at - r.received_at <= DAY_MS),
  touched: (r: Row) => Number(r.first_touch_at !== null),
  contacted: (r: Row) => Number(r.contacted_at !== null),
  qualified: (r: Row) => Number(r.qualified_at !== null),
  won: (r: Row) => Number(r.won_at !== null),
  stage_contact_me: (r: Row) => Number(r.stage === 'contact_me'),
  stage_test_drive: (r: Row) => Number(r.stage === 'test_drive'),
  stage_acquired: (r: Row) => Number(r.stage === 'acquired'),
  do_not_contact: (r: Row) => Number(r.do_not_contact === 1),
};
type Measure = keyof typeof MEASURES;
const ALL_MEASURES = Object.keys(MEASURES) as Measure[];

function expected(range: { fromDay: number; toDay: number }, filters: DashboardFilters, dim: Dimension, week: boolean) {
  const groups = new Map<string, Record<string, number | string | null>>();
  for (const row of rows) {
    const day = Math.floor(row.received_at / DAY_MS);
    if (day < range.fromDay || day >= range.toDay || !matches(row, filters)) continue;
    for (const value of valuesOf(row, dim)) {
      const bucket = week ? bucketStart('week', day) : null;
      const key = `${value}@${bucket}`;
      const group = groups.get(key) ?? { value, bucket, ...Object.fromEntries(ALL_MEASURES.map((m) => [m, 0])) };
      for (const measure of ALL_MEASURES) (group[measure] as number) += MEASURES[measure](row);
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort((a, b) => `${a.value}@${a.bucket}`.localeCompare(`${b.value}@${b.bucket}`));
}

const FILTER_CASES: DashboardFilters[] = [
  {},
  { source: 'SPZA' },
  { source: 'Weird' },
  { action: 'INS' },
  { offer: 'fabrikam.cloud' },
  { owner: 'user-a' },
  { owner: 'unassigned' },
  { country: 'DE' },
  { source: 'AzureMarketplace', country: 'US' },
  { offer: 'contoso.suite', owner: 'user-b', action: 'PLT' },
];

describe('aggregates', () => {
  it('keeps the rollup in step through inserts, updates and history (triggers = rebuild)', () => {
    const read = () =>
      temp.db.$client.prepare('SELECT * FROM lead_daily_stats WHERE leads != 0 ORDER BY day, dim, value').all();
    const kept = read();
    expect(kept.length).toBeGreaterThan(100);
    rebuildDailyStats(temp.db.$client);
    expect(read()).toEqual(kept);
  });

  const range = resolveRange('90d', NOW);
  for (const filters of FILTER_CASES) {
    for (const dim of ['all', 'source', 'action', 'offer', 'country', 'owner'] as const) {
      it(`counts by ${dim} with ${JSON.stringify(filters)} exactly as the leads say`, () => {
        for (const week of [false, true]) {
          const actual = aggregate(temp.db, {
            range,
            filters,
            dim,
            bucket: week ? 'week' : undefined,
            measures: ALL_MEASURES,
          })
            .map((row) => ({ ...row }))
            .sort((a, b) => `${a.value}@${a.bucket}`.localeCompare(`${b.value}@${b.bucket}`));
          expect(actual).toEqual(expected(range, filters, dim, week));
        }
      });
    }
  }

  it('takes medians over the same leads (whole minutes, rounded down)', () => {
    const median = (values: number[]) => {
      if (!values.length) return null;
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const ms = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      return Math.floor(ms / 60_000);
    };
    for (const filters of FILTER_CASES) {
      const inRange = rows.filter(
        (row) =>
          row.received_at >= range.fromDay * DAY_MS && row.received_at < range.toDay * DAY_MS && matches(row, filters),
      );
      const touched = inRange.filter((row) => row.first_touch_at !== null);
      expect(medianFirstTouch(temp.db, range, filters)).toBe(
        median(touched.map((row) => row.first_touch_at! - row.received_at)),
      );
      const byOwner = medianFirstTouchByOwner(temp.db, range, filters);
      for (const owner of ['user-a', 'user-b']) {
        const mine = touched.filter((row) => row.owner_id === owner);
        expect(byOwner.get(owner) ?? null).toBe(median(mine.map((row) => row.first_touch_at! - row.received_at)));
      }
      const stats = ownerStats(temp.db, range, filters);
      for (const owner of ['user-a', 'user-b']) {
        const mine = inRange.filter((row) => row.owner_id === owner);
        const row = stats.find((item) => item.owner === owner);
        if (!mine.length) {
          expect(row).toBeUndefined();
          continue;
        }
        expect(row).toEqual({
          owner,
          leads: mine.length,
          touchedInSla: mine.filter((r) => MEASURES.touched_in_sla(r)).length,
          qualified: mine.filter((r) => r.qualified_at !== null).length,
          won: mine.filter((r) => r.won_at !== null).length,
          medianMinutes: median(
            mine.filter((r) => r.first_touch_at !== null).map((r) => r.first_touch_at! - r.received_at),
          ),
        });
      }
      const steps = medianStepTimes(temp.db, range, filters);
      expect(steps.new).toBe(
        median(inRange.filter((r) => r.contacted_at !== null).map((r) => r.contacted_at! - r.received_at)),
      );
      expect(steps.contacted).toBe(
        median(inRange.filter((r) => r.qualified_at !== null).map((r) => r.qualified_at! - r.contacted_at!)),
      );
      expect(steps.qualified).toBe(
        median(inRange.filter((r) => r.won_at !== null).map((r) => r.won_at! - r.qualified_at!)),
      );
    }
  });

  it('builds every panel, with funnels that only narrow and links that carry the filters', () => {
    const query = parseDashboardParams(new URLSearchParams('range=90d&country=DE'), NOW);
    const acquisition = getPanel(temp.db, 'acquisition', query, NOW);
    const leads = acquisition.rows.map((row) => row.cells.leads as number);
    expect(leads).toEqual([...leads].sort((a, b) => b - a));
    expect(acquisition.rows[1]!.href).toContain('stage=test_drive,acquired');
    expect(acquisition.rows[1]!.href).toContain('country=DE');
    const nurture = getPanel(temp.db, 'nurture', query, NOW);
    expect(nurture.rows.map((row) => row.cells.leads as number)).toEqual(
      [...nurture.rows.map((row) => row.cells.leads as number)].sort((a, b) => b - a),
    );
    const trend = getPanel(temp.db, 'trend', query, NOW);
    expect(trend.panel === 'trend' && trend.bucket).toBe('week');
    expect(trend.rows.reduce((sum, row) => sum + (row.cells.total as number), 0)).toBe(nurture.rows[0]!.cells.leads);
    // By action every lead counts once (its furthest stage): the series add up to the total.
    const byAction = getPanel(
      temp.db,
      'trend',
      parseDashboardParams(new URLSearchParams('range=90d&country=DE&by=action'), NOW),
      NOW,
    );
    expect(byAction.panel === 'trend' && byAction.stacked).toBe(true);
    for (const row of byAction.rows) {
      const series = byAction.columns.filter((column) => column.key.startsWith('stage:'));
      expect(series.reduce((sum, column) => sum + (row.cells[column.key] as number), 0)).toBe(row.cells.total);
    }
    for (const panel of ['summary', 'offers', 'countries', 'sla', 'reps', 'health'] as const) {
      expect(getPanel(temp.db, panel, query, NOW).rows.length, panel).toBeGreaterThan(0);
    }
  });
});
