// Each dashboard panel as data: the grouped numbers from lib/dashboard/aggregate shaped into the
// panel's table (lib/dashboard/panels), with the leads-table link behind every row.
import type { Db } from '@/db';
import { canonicalSource, isKnownSource, SOURCE_LABELS, STAGE_LABELS } from '@/lib/marketplace/vocabulary';
import { serializeLeadView, type LeadViewState } from '@/lib/leads/view-state';
import { countryLabel } from '@/lib/marketplace/country';
import {
  aggregate,
  firstTouchBreaches,
  firstTouchNotYetDue,
  medianFirstTouch,
  medianStepTimes,
  ownerStats,
  totals,
} from './aggregate';
import { compareFigure, type FigureKind } from './compare';
import { leadsHref, type DashboardQuery } from './params';
import type { OtherGroup, PanelColumn, PanelData, PanelName, PanelRow } from './panels';
import { bucketsOf, DAY_MS, isoDay, type DayRange } from './range';

/** An offer that used to receive leads and has had none for this long is flagged. */
export const QUIET_AFTER_DAYS = 14;
const TOP = 10;
const BREACH_LIST = 10;
/** Counts of breaching leads are exact up to here (an index-only count). */
const BREACH_COUNT_CAP = 1_000_000;

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

const col = (key: string, label: string, kind: PanelColumn['kind']): PanelColumn => ({ key, label, kind });

type Context = { db: Db; query: DashboardQuery; now: Date };

function summary({ db, query, now }: Context): Omit<Extract<PanelData, { panel: 'summary' }>, 'serverMs'> {
  const measures = ['leads', 'sla_eligible', 'touched_in_sla', 'qualified', 'won'] as const;
  const { range, filters } = query;
  const current = totals(db, range, filters, measures);
  const previous = totals(db, range.previous, filters, measures);
  // Leads still inside their 24-hour window are neither hits nor misses yet.
  current.sla_eligible -= firstTouchNotYetDue(db, range, filters, now).get(null) ?? 0;
  previous.sla_eligible -= firstTouchNotYetDue(db, range.previous, filters, now).get(null) ?? 0;
  const currentMedian = medianFirstTouch(db, range, filters);
  const previousMedian = medianFirstTouch(db, range.previous, filters);
  const figure = (
    key: string,
    label: string,
    kind: FigureKind,
    cell: 'count' | 'share' | 'minutes',
    value: number | null,
    before: number | null,
    extra: Partial<PanelRow> = {},
  ): PanelRow => {
    const changeKind = cell === 'share' ? 'points' : 'relative';
    const { change, inProgress, note } = compareFigure({
      kind,
      value,
      previous: before,
      change: changeKind,
      range,
      now,
    });
    return {
      key,
      ...extra,
      cells: { metric: label, value, previous: before, change, comparison: note },
      kinds: { value: cell, previous: cell, change: changeKind === 'points' ? 'points' : 'change' },
      ...(inProgress ? { inProgress } : {}),
    };
  };
  return {
    panel: 'summary',
    title: 'Key figures',
    columns: [
      col('metric', 'Metric', 'text'),
      col('value', 'This period', 'count'),
      col('previous', 'Previous period', 'count'),
      col('change', 'Change', 'change'),
      col('comparison', 'Compared with', 'text'),
    ],
    rows: [
      figure('newLeads', 'New leads', 'volume', 'count', current.leads, previous.leads, { href: leadsHref(query) }),
      figure(
        'touchedIn24h',
        'First touched within 24 h',
        'rate',
        'share',
        share(current.touched_in_sla, current.sla_eligible),
        share(previous.touched_in_sla, previous.sla_eligible),
      ),
      figure('medianFirstTouch', 'Median time to first touch', 'rate', 'minutes', currentMedian, previousMedian, {
        lowerIsBetter: true,
      }),
      figure('qualified', 'Qualified', 'outcome', 'count', current.qualified, previous.qualified, {
        href: leadsHref(query, { reached: 'qualified' }),
      }),
      figure('won', 'Won', 'outcome', 'count', current.won, previous.won, {
        href: leadsHref(query, { reached: 'won' }),
      }),
      figure(
        'conversion',
        'Lead → won conversion',
        'outcome',
        'share',
        share(current.won, current.leads),
        share(previous.won, previous.leads),
      ),
    ],
  };
}

function acquisition({ db, query }: Context): Omit<Extract<PanelData, { panel: 'acquisition' }>, 'serverMs'> {
  const t = totals(db, query.range, query.filters, [
    'stage_contact_me',
    'stage_test_drive',
    'stage_acquired',
    'do_not_contact',
  ]);
  // A funnel of "reached at least this step": a lead's furthest stage counts for every step up to it.
  const steps = [
    {
      key: 'contact_me',
      leads: t.stage_contact_me + t.stage_test_drive + t.stage_acquired,
      stages: ['contact_me', 'test_drive', 'acquired'] as const,
    },
    { key: 'test_drive', leads: t.stage_test_drive + t.stage_acquired, stages: ['test_drive', 'acquired'] as const },
    { key: 'acquired', leads: t.stage_acquired, stages: ['acquired'] as const },
  ];
  return {
    panel: 'acquisition',
    title: 'Acquisition funnel',
    columns: [
      col('step', 'Step', 'text'),
      col('leads', 'Leads', 'count'),
      col('conversion', 'From previous step', 'share'),
      col('ofFirst', 'Of Contact me', 'share'),
    ],
    rows: steps.map((step, index) => ({
      key: step.key,
      href: leadsHref(query, { stage: [...step.stages] }),
      cells: {
        step: STAGE_LABELS[step.key as keyof typeof STAGE_LABELS],
        leads: step.leads,
        conversion: index === 0 ? null : share(step.leads, steps[index - 1]!.leads),
        ofFirst: share(step.leads, steps[0]!.leads),
      },
    })),
    doNotContact: { leads: t.do_not_contact, href: leadsHref(query, { dnc: 'only' }) },
  };
}

function nurture({ db, query }: Context): Omit<Extract<PanelData, { panel: 'nurture' }>, 'serverMs'> {
  const t = totals(db, query.range, query.filters, ['leads', 'contacted', 'qualified', 'won']);
  const medians = medianStepTimes(db, query.range, query.filters);
  const steps = [
    { key: 'new', label: 'New', leads: t.leads, median: medians.new, href: leadsHref(query) },
    {
      key: 'contacted',
      label: 'Contacted',
      leads: t.contacted,
      median: medians.contacted,
      href: leadsHref(query, { reached: 'contacted' }),
    },
    {
      key: 'qualified',
      label: 'Qualified',
      leads: t.qualified,
      median: medians.qualified,
      href: leadsHref(query, { reached: 'qualified' }),
    },
    { key: 'won', label: 'Won', leads: t.won, median: null, href: leadsHref(query, { reached: 'won' }) },
  ];
  return {
    panel: 'nurture',
    title: 'Nurture funnel',
    columns: [
      col('step', 'Step', 'text'),
      col('leads', 'Leads that reached it', 'count'),
      col('dropOff', 'Drop-off from previous step', 'share'),
      col('medianMinutes', 'Median time in this step', 'minutes'),
    ],
    rows: steps.map((step, index) => ({
      key: step.key,
      href: step.href,
      cells: {
        step: step.label,
        leads: step.leads,
        dropOff: index === 0 ? null : share(steps[index - 1]!.leads - step.leads, steps[index - 1]!.leads),
        medianMinutes: step.median,
      },
    })),
  };
}

/** The part of a bucket inside the range, as a day range. */
const clip = (range: DayRange, start: number, next: number): DayRange => ({
  fromDay: Math.max(range.fromDay, start),
  toDay: Math.min(range.toDay, next),
});

/**
 * Leads over time. By action, each lead counts once, under the furthest stage its actions reached
 * (Contact me, Test drive, Get it now / Create, else "Do not contact only"): the bars stack to the
 * total and each segment links `stage=`. By source, a lead counts under every source its journey
 * came through (the leads table's source filter), so the series overlap: drawn side by side.
 */
function trend({ db, query }: Context): Omit<Extract<PanelData, { panel: 'trend' }>, 'serverMs'> {
  const { range, filters, bucket, by } = query;
  const buckets = bucketsOf(bucket, range);
  const totals = new Map(
    aggregate(db, {
      range,
      filters,
      dim: 'all',
      bucket,
      measures: ['leads', 'stage_contact_me', 'stage_test_drive', 'stage_acquired'],
    }).map((row) => [row.bucket, row]),
  );
  type Series = { key: string; label: string; count: (start: number) => number; link: Partial<LeadViewState> | null };
  let series: Series[];
  if (by === 'action') {
    const stage = (measure: 'stage_contact_me' | 'stage_test_drive' | 'stage_acquired') => (start: number) =>
      totals.get(start)?.[measure] ?? 0;
    series = [
      {
        key: 'stage:contact_me',
        label: STAGE_LABELS.contact_me,
        count: stage('stage_contact_me'),
        link: { stage: ['contact_me'] },
      },
      {
        key: 'stage:test_drive',
        label: STAGE_LABELS.test_drive,
        count: stage('stage_test_drive'),
        link: { stage: ['test_drive'] },
      },
      {
        key: 'stage:acquired',
        label: STAGE_LABELS.acquired,
        count: stage('stage_acquired'),
        link: { stage: ['acquired'] },
      },
      {
        key: 'stage:other',
        label: 'Do not contact only',
        count: (start) => {
          const row = totals.get(start);
          return row ? row.leads - row.stage_contact_me - row.stage_test_drive - row.stage_acquired : 0;
        },
        link: { stage: ['dnc'] },
      },
    ];
  } else {
    const segments = aggregate(db, { range, filters, dim: 'source', bucket, measures: ['leads'] });
    const counts = new Map(segments.map((row) => [`${row.bucket}:${row.value}`, row.leads]));
    const present = [...new Set(segments.map((row) => row.value))].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
    );
    series = present.map((token) => ({
      key: `source:${token || 'other'}`,
      label: token === '' ? 'Other sources' : isKnownSource(token) ? SOURCE_LABELS[token] : token,
      count: (start: number) => counts.get(`${start}:${token}`) ?? 0,
      // Unknown tokens are grouped, and under a source filter another source's segment means
      // "both": no single table filter says either, so those segments do not link.
      link:
        token === '' || (filters.source !== undefined && token !== canonicalSource(filters.source))
          ? null
          : { source: [token] },
    }));
  }
  return {
    panel: 'trend',
    title: by === 'action' ? 'Leads over time by furthest action' : 'Leads over time by source',
    bucket,
    autoBucket: query.autoBucket,
    by,
    stacked: by === 'action',
    series: series.map(({ key, label }) => ({ key, label })),
    columns: [
      col('bucket', bucket === 'day' ? 'Day' : bucket === 'week' ? 'Week' : 'Month', 'text'),
      col('start', 'Starts', 'date'),
      col('total', 'Leads', 'count'),
      ...series.map((item) => col(item.key, item.label, 'count')),
    ],
    rows: buckets.map((item, index) => {
      const next = buckets[index + 1]?.start ?? range.toDay;
      const part = { range: { ...range, ...clip(range, item.start, next) }, filters };
      const cells: PanelRow['cells'] = {
        bucket: item.label,
        start: isoDay(Math.max(item.start, range.fromDay)),
        total: totals.get(item.start)?.leads ?? 0,
      };
      const hrefs: Record<string, string> = {};
      for (const entry of series) {
        cells[entry.key] = entry.count(item.start);
        if (entry.link) hrefs[entry.key] = leadsHref(part, entry.link);
      }
      return { key: isoDay(item.start), cells, href: leadsHref(part), hrefs };
    }),
  };
}

function offersPanel({ db, query }: Context): Omit<Extract<PanelData, { panel: 'offers' }>, 'serverMs'> {
  const rows = aggregate(db, {
    range: query.range,
    filters: query.filters,
    dim: 'offer',
    measures: ['leads', 'won'],
  }).sort((a, b) => b.leads - a.leads || a.value.localeCompare(b.value));
  const catalog = new Map(
    (
      db.$client.prepare('SELECT id, key, title, offer_id AS offerId FROM offers').all() as {
        id: number;
        key: string;
        title: string | null;
        offerId: string | null;
      }[]
    ).map((offer) => [String(offer.id), offer]),
  );
  const top = rows.slice(0, TOP);
  const rest = rows.slice(TOP);
  const out: PanelRow[] = top.map((row) => {
    const offer = catalog.get(row.value);
    return {
      key: offer?.key ?? 'none',
      href: offer ? leadsHref({ ...query, filters: { ...query.filters, offer: offer.key } }) : undefined,
      cells: {
        offer: offer ? (offer.title ?? offer.offerId ?? offer.key) : 'No offer',
        leads: row.leads,
        won: row.won,
        wonRate: share(row.won, row.leads),
      },
    };
  });
  let others: OtherGroup | null = null;
  if (rest.length) {
    const leads = rest.reduce((sum, row) => sum + row.leads, 0);
    const won = rest.reduce((sum, row) => sum + row.won, 0);
    out.push({
      key: 'other',
      cells: { offer: `Other offers (${rest.length})`, leads, won, wonRate: share(won, leads) },
    });
    others = { count: rest.length, leads, href: leadsHref(query) };
  }
  return {
    panel: 'offers',
    others,
    title: 'Leads by offer',
    columns: [
      col('offer', 'Offer', 'text'),
      col('leads', 'Leads', 'count'),
      col('won', 'Won', 'count'),
      col('wonRate', 'Won rate', 'share'),
    ],
    rows: out,
  };
}

function countries({ db, query }: Context): Omit<Extract<PanelData, { panel: 'countries' }>, 'serverMs'> {
  const rows = aggregate(db, { range: query.range, filters: query.filters, dim: 'country', measures: ['leads'] }).sort(
    (a, b) => b.leads - a.leads || a.value.localeCompare(b.value),
  );
  const all = rows.reduce((sum, row) => sum + row.leads, 0);
  const out: PanelRow[] = rows.slice(0, TOP).map((row) => ({
    key: row.value || 'none',
    // The table cannot ask for "no country"; only real values link.
    href: row.value ? leadsHref({ ...query, filters: { ...query.filters, country: row.value } }) : undefined,
    cells: {
      country: row.value ? countryLabel(row.value) : 'Not given',
      leads: row.leads,
      share: share(row.leads, all),
    },
  }));
  const rest = rows.slice(TOP);
  let others: OtherGroup | null = null;
  if (rest.length) {
    const leads = rest.reduce((sum, row) => sum + row.leads, 0);
    out.push({ key: 'other', cells: { country: `Other countries (${rest.length})`, leads, share: share(leads, all) } });
    others = { count: rest.length, leads, href: leadsHref(query) };
  }
  return {
    panel: 'countries',
    others,
    title: 'Leads by country',
    columns: [col('country', 'Country', 'text'), col('leads', 'Leads', 'count'), col('share', 'Share', 'share')],
    rows: out,
  };
}

function sla({ db, query, now }: Context): Omit<Extract<PanelData, { panel: 'sla' }>, 'serverMs'> {
  const { range, filters } = query;
  const weeks = bucketsOf('week', range);
  const byWeek = new Map(
    aggregate(db, { range, filters, dim: 'all', bucket: 'week', measures: ['sla_eligible', 'touched_in_sla'] }).map(
      (row) => [row.bucket, row],
    ),
  );
  const notYetDue = firstTouchNotYetDue(db, range, filters, now, 'week');
  const breaches = firstTouchBreaches(db, range, filters, now, { limit: BREACH_LIST, countCap: BREACH_COUNT_CAP });
  return {
    panel: 'sla',
    title: 'First touch within 24 hours',
    columns: [
      col('week', 'Week', 'text'),
      col('start', 'Starts', 'date'),
      col('eligible', 'Due a first touch', 'count'),
      col('touchedIn24h', 'Touched within 24 h', 'count'),
      col('share', 'Share', 'share'),
    ],
    rows: weeks.map((week, index) => {
      const row = byWeek.get(week.start);
      const eligible = (row?.sla_eligible ?? 0) - (notYetDue.get(week.start) ?? 0);
      const touched = row?.touched_in_sla ?? 0;
      const next = weeks[index + 1]?.start ?? range.toDay;
      return {
        key: isoDay(week.start),
        href: leadsHref({ range: { ...range, ...clip(range, week.start, next) }, filters }, { dnc: 'hide' }),
        cells: {
          week: week.label,
          start: isoDay(Math.max(week.start, range.fromDay)),
          eligible,
          touchedIn24h: touched,
          share: share(touched, eligible),
        },
      };
    }),
    breaching: {
      total: breaches.total,
      href: leadsHref(query, { sla: 'first_touch_overdue', sort: 'receivedAt' }),
      leads: breaches.leads.map((lead) => ({
        id: lead.id,
        name: [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email || `Lead ${lead.id}`,
        company: lead.company,
        offer: lead.offerTitle ?? lead.offerId,
        receivedAt: new Date(lead.receivedAt).toISOString(),
        owner: lead.owner,
      })),
    },
  };
}

function reps({ db, query }: Context): Omit<Extract<PanelData, { panel: 'reps' }>, 'serverMs'> {
  const stats = ownerStats(db, query.range, query.filters);
  const names = new Map(
    (db.$client.prepare('SELECT id, name FROM users').all() as { id: string; name: string }[]).map((user) => [
      user.id,
      user.name,
    ]),
  );
  stats.sort(
    (a, b) => b.won - a.won || b.qualified - a.qualified || b.leads - a.leads || a.owner.localeCompare(b.owner),
  );
  return {
    panel: 'reps',
    title: 'Rep leaderboard',
    columns: [
      col('rep', 'Rep', 'text'),
      col('assigned', 'Assigned', 'count'),
      col('touchedInSla', 'First touched within 24 h', 'count'),
      col('medianMinutes', 'Median time to first touch', 'minutes'),
      col('qualified', 'Qualified', 'count'),
      col('won', 'Won', 'count'),
    ],
    rows: stats.map((row) => ({
      key: row.owner,
      href: leadsHref({ ...query, filters: { ...query.filters, owner: row.owner } }),
      cells: {
        rep: names.get(row.owner) ?? 'Former user',
        assigned: row.leads,
        touchedInSla: row.touchedInSla,
        medianMinutes: row.medianMinutes,
        qualified: row.qualified,
        won: row.won,
      },
    })),
  };
}

function health({ db, query, now }: Context): Omit<Extract<PanelData, { panel: 'health' }>, 'serverMs'> {
  const offers = db.$client
    .prepare(
      `SELECT key, title, offer_id AS offerId, lead_count AS leads, last_lead_at AS lastLeadAt, last_test_lead_at AS lastTestLeadAt
       FROM offers ${query.filters.offer ? 'WHERE key = ?' : ''} ORDER BY last_lead_at IS NULL, last_lead_at DESC, key LIMIT 500`,
    )
    .all(...(query.filters.offer ? [query.filters.offer.toLowerCase()] : [])) as {
    key: string;
    title: string | null;
    offerId: string | null;
    leads: number;
    lastLeadAt: number | null;
    lastTestLeadAt: number | null;
  }[];
  const quietSince = now.getTime() - QUIET_AFTER_DAYS * DAY_MS;
  return {
    panel: 'health',
    title: 'Connection health',
    quietAfterDays: QUIET_AFTER_DAYS,
    columns: [
      col('offer', 'Offer', 'text'),
      col('leads', 'Leads (all time)', 'count'),
      col('lastLeadAt', 'Last lead', 'date'),
      col('lastTestLeadAt', 'Last test lead', 'date'),
      col('state', 'State', 'text'),
    ],
    rows: offers.map((offer) => {
      const quiet = offer.lastLeadAt !== null && offer.lastLeadAt < quietSince;
      const days = offer.lastLeadAt === null ? 0 : Math.floor((now.getTime() - offer.lastLeadAt) / DAY_MS);
      return {
        key: offer.key,
        warning: quiet,
        href: offer.leads > 0 ? serializeLeadView('/leads', { view: 'all', offer: [offer.key] }) : undefined,
        cells: {
          offer: offer.title ?? offer.offerId ?? offer.key,
          leads: offer.leads,
          lastLeadAt: offer.lastLeadAt === null ? null : new Date(offer.lastLeadAt).toISOString(),
          lastTestLeadAt: offer.lastTestLeadAt === null ? null : new Date(offer.lastTestLeadAt).toISOString(),
          state:
            offer.lastLeadAt === null ? 'Test leads only' : quiet ? `No leads for ${days} days` : 'Receiving leads',
        },
      };
    }),
  };
}

const BUILDERS: Record<PanelName, (context: Context) => Omit<PanelData, 'serverMs'>> = {
  summary,
  acquisition,
  nurture,
  trend,
  offers: offersPanel,
  countries,
  sla,
  reps,
  health,
};

/** One panel's data for a dashboard query, timed. Reads only; one consistent snapshot. */
export function getPanel(db: Db, panel: PanelName, query: DashboardQuery, now = new Date()): PanelData {
  const started = performance.now();
  const data = db.$client.transaction(() => BUILDERS[panel]({ db, query, now })).deferred();
  return { ...data, serverMs: Math.round((performance.now() - started) * 10) / 10 } as PanelData;
}
