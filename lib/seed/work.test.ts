import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildDailyStats } from '@/lib/dashboard/rollup';
import { receiveDelivery } from '@/lib/intake/service';
import { createTempDb } from '@/lib/testing/temp-db';
import { generateDeliveries } from './generate';
import { ensureSeedReps, LOST_REASONS, SEED_REP_NAMES, simulateWork, type WorkSummary } from './work';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const DAY = 86_400_000;

let temp: ReturnType<typeof createTempDb>;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

const all = <T>(sql: string, ...params: unknown[]) => temp.db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => temp.db.$client.prepare(sql).get(...params) as T;

/** Leads through the webhook's own path, received within `days` days before NOW. */
function ingest(count: number, seed: number, days = 60): void {
  for (const delivery of generateDeliveries({ count, seed, days, now: new Date(NOW) })) {
    receiveDelivery(temp.db, {
      rawBody: Buffer.from(JSON.stringify(delivery.body)),
      contentType: 'application/json',
      receivedAt: delivery.receivedAt,
      intakeKeyId: null,
    });
  }
}

const maxLeadId = () => one<{ id: number }>('select coalesce(max(id), 0) as id from leads').id;

function work(afterId = 0, seed = 3): WorkSummary {
  return simulateWork(temp.db, { afterId, seed, reps: ensureSeedReps(temp.db, new Date(NOW)), now: NOW });
}

/** The rollup rows that carry anything (the triggers leave zero rows behind when a lead moves). */
const rollup = () =>
  all<Record<string, number | string>>(
    `select * from lead_daily_stats
     where leads <> 0 or sla_eligible <> 0 or touched_in_sla <> 0 or touched <> 0 or contacted <> 0 or qualified <> 0
       or won <> 0 or stage_contact_me <> 0 or stage_test_drive <> 0 or stage_acquired <> 0 or do_not_contact <> 0
     order by day, dim, value`,
  );

/** Drops the triggers the seed turns off in bulk mode, as the seed does. */
function dropBulkTriggers(): void {
  const triggers = all<{ name: string }>(
    `select name from sqlite_master where type = 'trigger' and (name like 'lead_daily_stats_%' or name = 'lead_status_changes_stamp')`,
  );
  expect(triggers.map((trigger) => trigger.name).sort()).toEqual([
    'lead_daily_stats_delete',
    'lead_daily_stats_insert',
    'lead_daily_stats_update',
    'lead_status_changes_stamp',
  ]);
  for (const trigger of triggers) temp.db.$client.exec(`drop trigger "${trigger.name}"`);
}

/** Every invariant a worked database keeps, whichever way its stamps were written. */
function expectConsistent(): void {
  // Nothing happened after now (a follow-up is a plan, so it may be later).
  const future = one<{ n: number }>(
    `select count(*) as n from leads
     where max(coalesce(assigned_at, 0), coalesce(first_touch_at, 0), coalesce(last_touch_at, 0), coalesce(contacted_at, 0),
               coalesce(qualified_at, 0), coalesce(won_at, 0), last_activity_at, received_at) > ?`,
    NOW,
  ).n;
  expect(future).toBe(0);
  expect(one<{ n: number }>('select count(*) as n from lead_touches where touched_at > ?', NOW).n).toBe(0);
  expect(one<{ n: number }>('select count(*) as n from lead_status_changes where changed_at > ?', NOW).n).toBe(0);

  // Touches: after arrival and assignment, matching the touch rows.
  const badTouches = all(
    `select l.id from leads as l
     left join (select lead_id, count(*) as n, min(touched_at) as first, max(touched_at) as last from lead_touches group by lead_id) as t
       on t.lead_id = l.id
     where l.touch_count <> coalesce(t.n, 0) or l.first_touch_at is not t.first or l.last_touch_at is not t.last
        or l.first_touch_at < l.received_at or l.first_touch_at < l.assigned_at or l.last_touch_at < l.first_touch_at
        or (l.touch_count > 0 and l.owner_id is null) or l.assigned_at < l.received_at
        or (l.owner_id is null) <> (l.assigned_at is null)`,
  );
  expect(badTouches).toEqual([]);
  expect(
    one<{ n: number }>(
      'select count(*) as n from lead_touches as t join leads as l on l.id = t.lead_id where t.author_id is not l.owner_id',
    ).n,
  ).toBe(0);

  // Stamps are exactly what the history says (what the 0004 trigger would have written).
  const badStamps = all(
    `select l.id from leads as l
     where l.contacted_at is not (select min(c.changed_at) from lead_status_changes as c where c.lead_id = l.id and c.to_status in ('contacted', 'qualified', 'nurturing', 'won'))
        or l.qualified_at is not (select min(c.changed_at) from lead_status_changes as c where c.lead_id = l.id and c.to_status in ('qualified', 'won'))
        or l.won_at is not (select min(c.changed_at) from lead_status_changes as c where c.lead_id = l.id and c.to_status = 'won')`,
  );
  expect(badStamps).toEqual([]);

  // The status is where the history ends; each step starts where the last one ended.
  const badStatus = all(
    `select l.id, l.status from leads as l
     where l.status is not coalesce(
       (select c.to_status from lead_status_changes as c where c.lead_id = l.id order by c.changed_at desc, c.id desc limit 1), 'new')`,
  );
  expect(badStatus).toEqual([]);
  const badSteps = all(
    `select c.id from lead_status_changes as c
     where c.from_status is not coalesce(
       (select p.to_status from lead_status_changes as p where p.lead_id = c.lead_id
          and (p.changed_at < c.changed_at or (p.changed_at = c.changed_at and p.id < c.id))
        order by p.changed_at desc, p.id desc limit 1), 'new')
        or c.changed_by is not (select owner_id from leads where id = c.lead_id)
        or (c.to_status = 'lost') <> (c.lost_reason is not null)`,
  );
  expect(badSteps).toEqual([]);
  const reasons = all<{ reason: string }>(
    `select distinct lost_reason as reason from lead_status_changes where lost_reason is not null`,
  );
  for (const { reason } of reasons) expect(LOST_REASONS).toContain(reason);

  // Do-not-contact and test leads are never touched; follow-ups only on open, touched leads.
  expect(
    one<{ n: number }>(
      `select count(*) as n from leads where do_not_contact = 1
       and (touch_count > 0 or first_touch_at is not null or status <> 'new' or next_follow_up_at is not null
            or id in (select lead_id from lead_touches) or id in (select lead_id from lead_status_changes))`,
    ).n,
  ).toBe(0);
  expect(
    one<{ n: number }>(
      'select count(*) as n from leads where is_test = 1 and (owner_id is not null or touch_count > 0)',
    ).n,
  ).toBe(0);
  expect(
    one<{ n: number }>(
      `select count(*) as n from leads where next_follow_up_at is not null
       and (status not in ('contacted', 'qualified', 'nurturing') or first_touch_at is null or next_follow_up_at < last_touch_at)`,
    ).n,
  ).toBe(0);
  expect(
    one<{ n: number }>(
      'select count(*) as n from leads where last_activity_at < last_event_at or updated_at < last_activity_at',
    ).n,
  ).toBe(0);
}

describe('ensureSeedReps', () => {
  it('creates eight reps who cannot sign in, and finds them again', () => {
    const first = ensureSeedReps(temp.db, new Date(NOW));
    const second = ensureSeedReps(temp.db);
    expect(second).toEqual(first);
    expect(first.map((rep) => rep.name)).toEqual([...SEED_REP_NAMES]);
    expect(first[0]).toMatchObject({ name: 'Avery Quinn', email: 'seed-rep-1@example.test' });
    const users = all<{ role: string; created_at: number }>('select role, created_at from users');
    expect(users).toHaveLength(8);
    expect(users.every((user) => user.role === 'rep' && user.created_at === NOW)).toBe(true);
    expect(one<{ n: number }>('select count(*) as n from accounts').n).toBe(0);
  });
});

describe('simulateWork', () => {
  it('works leads with the triggers on: history, stamps and rollup all agree', () => {
    ingest(600, 11);
    const summary = work();
    const real = one<{ n: number }>('select count(*) as n from leads where is_test = 0').n;
    expect(summary.leads).toBe(real);
    // Rates land near the plan (the draws are evenly spread, so a few hundred leads suffice).
    expect(summary.assigned / real).toBeGreaterThan(0.68);
    expect(summary.assigned / real).toBeLessThan(0.82);
    expect(summary.touched / summary.assigned).toBeGreaterThan(0.7);
    expect(summary.touched / summary.assigned).toBeLessThan(0.9);
    const statuses = Object.fromEntries(
      all<{ status: string; n: number }>('select status, count(*) as n from leads group by status').map((row) => [
        row.status,
        row.n,
      ]),
    );
    for (const status of ['new', 'contacted', 'qualified', 'nurturing', 'won', 'lost'])
      expect(statuses[status]).toBeGreaterThan(0);
    const inSla = one<{ share: number }>(
      'select avg(first_touch_at - received_at <= ?) as share from leads where first_touch_at is not null',
      DAY,
    ).share;
    expect(inSla).toBeGreaterThan(0.45);
    expect(inSla).toBeLessThan(0.75);
    expect(summary.followUps).toBeGreaterThan(0);
    // Reps work differently (REP_PROFILES): the first takes more leads and touches faster than the last.
    const byRep = all<{ name: string; n: number; sla: number }>(
      `select u.name, count(*) as n, avg(l.first_touch_at - l.received_at <= ${DAY}) as sla
       from leads as l join users as u on u.id = l.owner_id where l.first_touch_at is not null group by u.name`,
    );
    const [best, worst] = [SEED_REP_NAMES[0], SEED_REP_NAMES[7]].map((name) => byRep.find((rep) => rep.name === name)!);
    expect(best!.n).toBeGreaterThan(worst!.n);
    expect(best!.sla).toBeGreaterThan(worst!.sla);
    expect(one<{ n: number }>('select count(*) as n from lead_touches').n).toBe(summary.touches);
    expect(one<{ n: number }>('select count(*) as n from lead_status_changes').n).toBe(summary.statusChanges);
    expectConsistent();

    // The rollup the triggers kept equals one rebuilt from scratch.
    const kept = rollup();
    expect(kept.length).toBeGreaterThan(0);
    rebuildDailyStats(temp.db.$client);
    expect(rollup()).toEqual(kept);
  });

  it('works leads with the triggers off (bulk mode): its own stamps, then a rebuilt rollup', () => {
    ingest(400, 12);
    dropBulkTriggers();
    work();
    expectConsistent();
    rebuildDailyStats(temp.db.$client);
    const totals = one<{ leads: number; touched: number; contacted: number; won: number }>(
      `select sum(leads) as leads, sum(touched) as touched, sum(contacted) as contacted, sum(won) as won
       from lead_daily_stats where dim = 'all'`,
    );
    expect(totals).toEqual(
      one(
        `select count(*) as leads, count(first_touch_at) as touched, count(contacted_at) as contacted, count(won_at) as won
         from leads where is_test = 0`,
      ),
    );
  });

  it('is deterministic for a seed, and different for another', () => {
    ingest(300, 13);
    const snapshot = () =>
      all(
        `select l.id, u.name as owner, l.status, l.assigned_at, l.first_touch_at, l.last_touch_at, l.touch_count,
                l.contacted_at, l.qualified_at, l.won_at, l.next_follow_up_at
         from leads as l left join users as u on u.id = l.owner_id order by l.id`,
      );
    const reset = () =>
      temp.db.$client.exec(
        `delete from lead_touches; delete from lead_status_changes;
         update leads set owner_id = null, assigned_at = null, status = 'new', touch_count = 0, first_touch_at = null,
           last_touch_at = null, next_follow_up_at = null, contacted_at = null, qualified_at = null, won_at = null,
           last_activity_at = last_event_at, updated_at = last_event_at`,
      );
    work(0, 5);
    const first = snapshot();
    reset();
    work(0, 5);
    expect(snapshot()).toEqual(first);
    reset();
    work(0, 6);
    expect(snapshot()).not.toEqual(first);
  });

  it('works only the leads added after afterId, leaving earlier ones as they were', () => {
    ingest(200, 14);
    work();
    const before = all('select * from leads order by id');
    const history = one<{ n: number }>('select count(*) as n from lead_status_changes').n;
    const afterId = maxLeadId();
    ingest(200, 15);
    const summary = work(afterId);
    expect(all('select * from leads where id <= ? order by id', afterId)).toEqual(before);
    expect(one<{ n: number }>('select count(*) as n from lead_status_changes where lead_id <= ?', afterId).n).toBe(
      history,
    );
    expect(summary.leads).toBe(
      one<{ n: number }>('select count(*) as n from leads where id > ? and is_test = 0', afterId).n,
    );
    expect(summary.assigned).toBeGreaterThan(0);
    expectConsistent();
    const kept = rollup();
    rebuildDailyStats(temp.db.$client);
    expect(rollup()).toEqual(kept);
  });
});
