// The seed's work simulation: after a load, reps claim, touch and move the new leads through the
// nurture funnel, so the managers' dashboard (funnels, SLA, leaderboard) has realistic data.
// Set-based SQL only (a million leads in seconds) and deterministic: every choice a lead gets is
// drawn from its id and the seed, never from Math.random.
import crypto from 'node:crypto';
import type { Db } from '@/db';

/** The seed's reps: role rep, no accounts row, so nobody can sign in as them. */
export const SEED_REP_NAMES = [
  'Avery Quinn',
  'Jordan Blake',
  'Riley Chen',
  'Morgan Ellis',
  'Casey Novak',
  'Taylor Brooks',
  'Jamie Okafor',
  'Skyler Reyes',
] as const;
export const seedRepEmail = (index: number) => `seed-rep-${index + 1}@example.test`;

export type SeedRep = { id: string; name: string; email: string };

/** Finds the seed reps, creating the missing ones (in users only, like createUser without the account). */
export function ensureSeedReps(db: Db, now = new Date()): SeedRep[] {
  const client = db.$client;
  const find = client.prepare<[string], SeedRep>('select id, name, email from users where email = ?');
  const insert = client.prepare(
    `insert into users (id, name, email, email_verified, role, created_at, updated_at) values (?, ?, ?, 0, 'rep', ?, ?)`,
  );
  return client.transaction(() =>
    SEED_REP_NAMES.map((name, index) => {
      const email = seedRepEmail(index);
      const known = find.get(email);
      if (known) return known;
      const id = crypto.randomUUID();
      insert.run(id, name, email, now.getTime(), now.getTime());
      return { id, name, email };
    }),
  )();
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How the simulated team works, as rates (delays are in the SQL below). */
export const WORK_RATES = {
  /** Share of new leads that get an owner, shortly after they arrive. */
  assigned: 0.75,
  /** Of contacted leads that are not qualified: to nurturing, or lost; the rest stay contacted. */
  nurturing: 0.2,
  lostAfterContact: 0.15,
  /** Of qualified leads: lost; the won share is the rep's, the rest stay qualified. */
  lostAfterQualified: 0.2,
  /** Share of open touched leads with a follow-up planned. */
  followUp: 0.25,
} as const;

/**
 * Each seed rep's own way of working, so the leaderboard has something to rank: their share of
 * the assigned leads (a weight), and of their leads the share touched at all (if contactable),
 * touched within 24 h of arrival (of those touched; the rest take 1–6 days), qualified (of those
 * contacted) and won (of those qualified). Averaged over the team: about 85 % touched, 60 %
 * within the SLA, 35 % qualified, 40 % won. Reps past the eighth reuse these in turn.
 */
export const REP_PROFILES = [
  { share: 16, touched: 0.93, inSla: 0.8, qualified: 0.4, won: 0.46 },
  { share: 14, touched: 0.88, inSla: 0.66, qualified: 0.37, won: 0.42 },
  { share: 13, touched: 0.86, inSla: 0.6, qualified: 0.39, won: 0.48 },
  { share: 12, touched: 0.83, inSla: 0.55, qualified: 0.33, won: 0.37 },
  { share: 12, touched: 0.86, inSla: 0.62, qualified: 0.35, won: 0.4 },
  { share: 12, touched: 0.8, inSla: 0.45, qualified: 0.3, won: 0.35 },
  { share: 11, touched: 0.84, inSla: 0.57, qualified: 0.34, won: 0.36 },
  { share: 10, touched: 0.77, inSla: 0.4, qualified: 0.28, won: 0.3 },
] as const;

export const TOUCH_KIND_ORDER = ['email', 'call', 'meeting'] as const;
export const LOST_REASONS = [
  'No budget this year',
  'Chose a competitor',
  'No response after several touches',
  'Not a fit for their needs',
  'Project cancelled',
] as const;

/**
 * One uniform draw in [0, 1) per purpose. Each is a Kronecker (R_d) sequence over the lead id —
 * frac(id · α_k + β_k) in 32-bit fixed point — with the α_k from the generalised golden ratio,
 * which spreads consecutive ids evenly over all the draws together (so no two purposes are
 * correlated, as they would be with one multiplier and per-purpose offsets), and β_k from the
 * seed. Four SQL operations per draw; the product stays below 2^63 for ids below 2^31.
 */
const DRAWS = [
  'assigned',
  'rep',
  'assignDelay',
  'touched',
  'inSla',
  'touchDelay',
  'touchCount',
  'touchGap',
  'path',
  'stepDelay',
  'outcome',
  'closeDelay',
  'followUp',
  'followUpOffset',
  'kind',
  'lostReason',
] as const;
type Draw = (typeof DRAWS)[number];

function drawSql(seed: number): Record<Draw, string> {
  // φ_d: the positive root of x^(d+1) = x + 1.
  let phi = 2;
  for (let i = 0; i < 64; i++) phi = Math.pow(1 + phi, 1 / (DRAWS.length + 1));
  // β_k: the seed hashed per draw (murmur3's finaliser), so each seed shifts every sequence apart.
  const mix = (value: number) => {
    let h = value >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const entries = DRAWS.map((name, k) => {
    const alpha = Math.floor(((1 / Math.pow(phi, k + 1)) % 1) * 2 ** 32);
    const beta = mix(Math.imul(seed, 0x9e3779b1) + k * 0x632be5ab);
    return [name, `(((l.id * ${alpha} + ${beta}) % 4294967296) / 4294967296.0)`] as const;
  });
  return Object.fromEntries(entries) as Record<Draw, string>;
}

export type WorkOptions = {
  /** Simulate only leads with a larger id (those the run inserted). */
  afterId: number;
  seed: number;
  reps: SeedRep[];
  /** Nothing happens after this time (epoch ms); defaults to now. */
  now?: number;
  /** Called after each step with its name and duration (for the seed's timings). */
  onStep?: (step: string, ms: number) => void;
};

export type WorkSummary = {
  leads: number;
  assigned: number;
  touched: number;
  touches: number;
  statusChanges: number;
  followUps: number;
};

const TEMP_TABLES = ['seed_work', 'seed_reps'];

/**
 * Works the real leads with id > afterId: owners, touches (lead_touches), the status journey
 * (lead_status_changes, leads.status) and the nurture stamps contacted_at / qualified_at / won_at,
 * all at or before `now`. Stamps are written here and coalesced, so the history trigger (when it
 * is on) agrees with them rather than applying twice; the rollup triggers, when on, see one update
 * per lead. Runs in one transaction.
 */
export function simulateWork(db: Db, options: WorkOptions): WorkSummary {
  const client = db.$client;
  const now = options.now ?? Date.now();
  const reps = options.reps;
  if (!reps.length) throw new Error('simulateWork needs at least one rep.');
  if (!Number.isSafeInteger(options.afterId) || options.afterId < 0) throw new Error('afterId must be a whole number.');
  const u = drawSql(options.seed >>> 0);
  const R = WORK_RATES;
  // As BigInts, so SQLite gets integers: better-sqlite3 binds a JS number as a REAL, which would
  // turn the arithmetic on times (and the stored times) into floating point.
  const params = { after: BigInt(options.afterId), now: BigInt(Math.floor(now)) };
  const lit = (value: number) => String(Math.round(value));

  let mark = performance.now();
  const step = (name: string) => {
    const at = performance.now();
    options.onStep?.(name, at - mark);
    mark = at;
  };

  const summary = client.transaction((): WorkSummary => {
    for (const table of TEMP_TABLES) client.exec(`drop table if exists temp.${table}`);
    client.exec(`create temp table seed_reps (
      idx integer primary key, id text not null, name text not null,
      touched real not null, in_sla real not null, qualified real not null, won real not null)`);
    const addRep = client.prepare('insert into temp.seed_reps values (?, ?, ?, ?, ?, ?, ?)');
    reps.forEach((rep, index) => {
      const profile = REP_PROFILES[index % REP_PROFILES.length]!;
      addRep.run(index, rep.id, rep.name, profile.touched, profile.inSla, profile.qualified, profile.won);
    });

    // Step 1, the plan: one row per new real lead with every moment of its story. The owner is a
    // seed rep picked by their share (for the assigned share of the leads), whose profile sets
    // the rates below. The story is drawn first with no regard for the clock (each moment an
    // offset on the one before), then cut at now: a moment whose time has not come has not
    // happened, and the lead stays where it was. The materialized CTEs are computed once, so the
    // steps after them read columns instead of inlining the same expressions over and over.
    const shares = reps.map((_, index) => REP_PROFILES[index % REP_PROFILES.length]!.share);
    const totalShare = shares.reduce((sum, share) => sum + share, 0);
    let cumulative = 0;
    const repIndex = `case ${shares
      .slice(0, -1)
      .map((share, index) => `when ${u.rep} < ${(cumulative += share) / totalShare} then ${index}`)
      .join(' ')} else ${reps.length - 1} end`;
    const assignDelay = `(${lit(MINUTE)} + cast(${u.assignDelay} * ${u.assignDelay} * ${u.assignDelay} * ${lit(4 * HOUR)} as integer))`;
    const touchDelay = `(case when ${u.inSla} < p.in_sla
      then ${lit(5 * MINUTE)} + cast(${u.touchDelay} * ${u.touchDelay} * ${u.touchDelay} * ${lit(DAY - 5 * MINUTE)} as integer)
      else ${lit(DAY + MINUTE)} + cast(${u.touchDelay} * ${lit(5 * DAY)} as integer) end)`;
    const sideEnd = `p.qualified + ${R.nurturing + R.lostAfterContact}`;
    const lostReasons = LOST_REASONS.map(
      (reason, index) => `when ${index} then '${reason.replaceAll("'", "''")}'`,
    ).join(' ');
    client.exec(`create temp table seed_work (
      id integer primary key, rep_id text, rep_name text, assigned_at integer, touch_at integer, touches integer,
      gap integer, last_touch_at integer, kind integer, qualified_at integer, closed_at integer, closed_status text,
      side_at integer, side_status text, lost_reason text, status text, won_at integer, follow_up_at integer,
      last_activity_at integer)`);
    client
      .prepare(
        `insert into temp.seed_work
         with story as materialized (
           select l.id, l.last_activity_at as act, p.id as rep_id, p.name as rep_name,
             l.received_at + ${assignDelay} as assigned_at,
             -- The first touch: after arrival (within a day, or one to six days) and after the claim.
             case when l.do_not_contact = 0 and ${u.touched} < p.touched
               then l.received_at + max(${touchDelay}, ${assignDelay} + ${lit(MINUTE)}) end as t,
             1 + min(cast(${u.touchCount} * 4 as integer), 3) as planned_touches,
             ${lit(DAY)} + cast(${u.touchGap} * ${lit(4 * DAY)} as integer) as gap,
             min(cast(${u.kind} * 3 as integer), 2) as kind,
             case when ${u.path} < p.qualified then ${lit(DAY)} + cast(${u.stepDelay} * ${lit(20 * DAY)} as integer) end as to_qualified,
             case when ${u.outcome} < p.won + ${R.lostAfterQualified} then ${lit(2 * DAY)} + cast(${u.closeDelay} * ${lit(40 * DAY)} as integer) end as to_closed,
             case when ${u.outcome} < p.won then 'won' else 'lost' end as closed_status,
             case when ${u.path} >= p.qualified and ${u.path} < ${sideEnd} then ${lit(2 * DAY)} + cast(${u.stepDelay} * ${lit(30 * DAY)} as integer) end as to_side,
             case when ${u.path} < p.qualified + ${R.nurturing} then 'nurturing' else 'lost' end as side_status,
             min(cast(${u.lostReason} * ${LOST_REASONS.length} as integer), ${LOST_REASONS.length - 1}) as lost_reason,
             ${u.followUp} < ${R.followUp} as follow_up,
             @now - ${lit(3 * DAY)} + cast(${u.followUpOffset} * ${lit(17 * DAY)} as integer) as follow_up_at
           from leads as l
           left join temp.seed_reps as p on p.idx = case when ${u.assigned} < ${R.assigned} then ${repIndex} end
           where l.id > @after and l.is_test = 0
         ),
         timed as materialized (
           select s.*,
             case when t <= @now then t end as touch_at,
             case when t <= @now then min(planned_touches, 1 + (@now - t) / gap) else 0 end as touches,
             case when t + to_qualified <= @now then t + to_qualified end as qualified_at,
             case when t + to_qualified + to_closed <= @now then t + to_qualified + to_closed end as closed_at,
             case when t + to_side <= @now then t + to_side end as side_at
           from story as s
         ),
         done as (
           select timed.*,
             touch_at + (touches - 1) * gap as last_touch_at,
             case
               when closed_at is not null then closed_status
               when qualified_at is not null then 'qualified'
               when side_at is not null then side_status
               when touch_at is not null then 'contacted'
               else 'new'
             end as status
           from timed
         )
         select d.id, rep_id, rep_name, case when rep_id is not null then min(d.assigned_at, @now) end,
           touch_at, touches, gap, last_touch_at, kind, qualified_at, closed_at, closed_status,
           side_at, side_status, case lost_reason ${lostReasons} end, status,
           case when closed_status = 'won' then closed_at end,
           -- Some open, touched leads have a follow-up planned: a few overdue, most in the next two weeks.
           case when follow_up and status in ('contacted', 'qualified', 'nurturing')
             then max(follow_up_at, last_touch_at + ${lit(HOUR)}) end,
           max(act, min(d.assigned_at, @now), coalesce(last_touch_at, 0), coalesce(qualified_at, 0), coalesce(closed_at, 0), coalesce(side_at, 0))
         from done as d`,
      )
      .run(params);
    step('plan');

    // Step 2: the leads themselves, one update each. Stamps coalesce with any already there.
    const assigned = client
      .prepare(
        `update leads set
           owner_id = w.rep_id,
           assigned_at = w.assigned_at,
           status = w.status,
           touch_count = leads.touch_count + w.touches,
           first_touch_at = coalesce(leads.first_touch_at, w.touch_at),
           last_touch_at = coalesce(max(leads.last_touch_at, w.last_touch_at), leads.last_touch_at, w.last_touch_at),
           contacted_at = coalesce(leads.contacted_at, w.touch_at),
           qualified_at = coalesce(leads.qualified_at, w.qualified_at),
           won_at = coalesce(leads.won_at, w.won_at),
           next_follow_up_at = coalesce(w.follow_up_at, leads.next_follow_up_at),
           last_activity_at = w.last_activity_at,
           updated_at = max(leads.updated_at, w.last_activity_at)
         from temp.seed_work as w
         where leads.id > @after and leads.id = w.id and w.rep_id is not null`,
      )
      .run(params).changes;
    step('leads');

    // Step 3: one row per touch, the first and then one every \`gap\`, in lead order (the cross
    // join keeps the lead as the outer loop, so no sort).
    const touches = client
      .prepare(
        `insert into lead_touches (lead_id, kind, note, author_id, author_label, touched_at)
         select w.id,
           case (w.kind + n.k) % 3 ${TOUCH_KIND_ORDER.map((kind, index) => `when ${index} then '${kind}'`).join(' ')} end,
           null, w.rep_id, w.rep_name, w.touch_at + n.k * w.gap
         from temp.seed_work as w
         cross join (select 0 as k union all select 1 union all select 2 union all select 3) as n
         where w.touches > 0 and n.k < w.touches`,
      )
      .run().changes;
    step('touches');

    // Step 4: the status history, each step at its moment: new → contacted at the first touch,
    // then → qualified → won or lost, or → nurturing or lost. The stamp trigger (when on)
    // coalesces into the stamps step 2 wrote, so it changes nothing.
    const statusChanges = client
      .prepare(
        `insert into lead_status_changes (lead_id, from_status, to_status, lost_reason, changed_by, changed_by_label, changed_at)
         select w.id,
           case n.k when 0 then 'new' when 2 then 'qualified' else 'contacted' end,
           case n.k when 0 then 'contacted' when 1 then 'qualified' when 2 then w.closed_status else w.side_status end,
           case when (n.k = 2 and w.closed_status = 'lost') or (n.k = 3 and w.side_status = 'lost') then w.lost_reason end,
           w.rep_id, w.rep_name,
           case n.k when 0 then w.touch_at when 1 then w.qualified_at when 2 then w.closed_at else w.side_at end
         from temp.seed_work as w
         cross join (select 0 as k union all select 1 union all select 2 union all select 3) as n
         where w.touch_at is not null
           and (case n.k when 0 then w.touch_at when 1 then w.qualified_at when 2 then w.closed_at else w.side_at end) is not null`,
      )
      .run().changes;
    step('history');

    const counts = client
      .prepare(
        `select count(*) as leads, count(rep_id) as assigned, count(touch_at) as touched, count(follow_up_at) as followUps
         from temp.seed_work`,
      )
      .get() as { assigned: number; touched: number; leads: number; followUps: number };
    step('counts');
    for (const table of TEMP_TABLES) client.exec(`drop table temp.${table}`);
    if (assigned !== counts.assigned)
      throw new Error(`Expected to work ${counts.assigned} leads, updated ${assigned}.`);
    return {
      leads: counts.leads,
      assigned,
      touched: counts.touched,
      touches,
      statusChanges,
      followUps: counts.followUps,
    };
  })();
  step('commit');
  return summary;
}
