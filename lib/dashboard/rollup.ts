// The daily rollup behind the dashboard (table lead_daily_stats, see db/schema.ts): what one
// lead contributes, as SQL over a row alias. The same expressions define the triggers that keep
// the rollup in step (db/migrations/0004, printed by `rollupTriggerSql`) and the rebuild the
// seed runs after a bulk load; a unit test checks that both give the same table.
import type Database from 'better-sqlite3';
import { LEAD_ACTIONS, LEAD_SOURCES } from '@/lib/marketplace/vocabulary';
import { FIRST_TOUCH_WINDOW_MS } from '@/lib/leads/sla';
import { DAY_MS } from './range';

/** The measures, in column order, as expressions over a leads row `r`. */
export const ROLLUP_MEASURES = {
  leads: () => '1',
  sla_eligible: (r: string) => `(${r}.do_not_contact = 0)`,
  touched_in_sla: (r: string) =>
    `(${r}.do_not_contact = 0 AND ${r}.first_touch_at IS NOT NULL AND ${r}.first_touch_at - ${r}.received_at <= ${FIRST_TOUCH_WINDOW_MS})`,
  touched: (r: string) => `(${r}.first_touch_at IS NOT NULL)`,
  contacted: (r: string) => `(${r}.contacted_at IS NOT NULL)`,
  qualified: (r: string) => `(${r}.qualified_at IS NOT NULL)`,
  won: (r: string) => `(${r}.won_at IS NOT NULL)`,
  stage_contact_me: (r: string) => `(${r}.stage IS 'contact_me')`,
  stage_test_drive: (r: string) => `(${r}.stage IS 'test_drive')`,
  stage_acquired: (r: string) => `(${r}.stage IS 'acquired')`,
  do_not_contact: (r: string) => `(${r}.do_not_contact = 1)`,
} as const;
export type RollupMeasure = keyof typeof ROLLUP_MEASURES;
const MEASURES = Object.keys(ROLLUP_MEASURES) as RollupMeasure[];

/** Columns of leads whose change can move a lead between rollup rows. */
const TRACKED_COLUMNS = [
  'received_at',
  'is_test',
  'offer_ref',
  'country',
  'owner_id',
  'journey_sources',
  'journey_actions',
  'stage',
  'do_not_contact',
  'first_touch_at',
  'contacted_at',
  'qualified_at',
  'won_at',
] as const;

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `journey` with every known token taken out: anything left is an unknown token. */
function unknownTokens(column: string, known: readonly string[]): string {
  let expr = column;
  for (const token of known) expr = `replace(${expr}, ${quote(`|${token}|`)}, '|')`;
  return `${expr} NOT IN ('', '|')`;
}

/** The (dim, value) rows a lead `r` counts under, as a compound SELECT. */
function dimensionRows(r: string): string {
  const rows = [
    `SELECT 'all' AS dim, '' AS value`,
    `SELECT 'offer', coalesce(CAST(${r}.offer_ref AS TEXT), '')`,
    `SELECT 'country', coalesce(${r}.country, '')`,
    `SELECT 'owner', coalesce(${r}.owner_id, '')`,
  ];
  for (const [dim, column, known] of [
    ['source', `${r}.journey_sources`, LEAD_SOURCES],
    ['action', `${r}.journey_actions`, LEAD_ACTIONS],
  ] as const) {
    for (const token of known)
      rows.push(`SELECT '${dim}', ${quote(token)} WHERE instr(${column}, ${quote(`|${token}|`)}) > 0`);
    rows.push(`SELECT '${dim}', '' WHERE ${unknownTokens(column, known)}`);
  }
  return rows.join(' UNION ALL ');
}

/** Adds (sign 1) or takes away (sign -1) the contribution of row `r` (NEW or OLD in a trigger). */
function applyContribution(r: 'NEW' | 'OLD', sign: 1 | -1): string {
  const measures = MEASURES.map((measure) =>
    sign === 1 ? ROLLUP_MEASURES[measure](r) : `-${ROLLUP_MEASURES[measure](r)}`,
  );
  return `INSERT INTO lead_daily_stats (day, dim, value, ${MEASURES.join(', ')})
    SELECT ${r}.received_at / ${DAY_MS}, d.dim, d.value, ${measures.join(', ')}
    FROM (${dimensionRows(r)}) AS d
    WHERE ${r}.is_test = 0
    ON CONFLICT (day, dim, value) DO UPDATE SET ${MEASURES.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')};`;
}

/** The three triggers that keep lead_daily_stats in step with leads. */
export function rollupTriggerSql(): string[] {
  const changed = TRACKED_COLUMNS.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
  return [
    `CREATE TRIGGER lead_daily_stats_insert AFTER INSERT ON leads BEGIN
  ${applyContribution('NEW', 1)}
END`,
    `CREATE TRIGGER lead_daily_stats_update AFTER UPDATE OF ${TRACKED_COLUMNS.join(', ')} ON leads
WHEN ${changed} BEGIN
  ${applyContribution('OLD', -1)}
  ${applyContribution('NEW', 1)}
END`,
    `CREATE TRIGGER lead_daily_stats_delete AFTER DELETE ON leads BEGIN
  ${applyContribution('OLD', -1)}
END`,
  ];
}

/**
 * The statements that refill the rollup: one grouped pass per dimension value set over `source`
 * (the leads table, or a narrow copy of it with each measure already worked out, `m_<measure>`).
 */
export function rebuildSql(source: 'leads' | 'narrow' = 'leads'): string[] {
  const sums = MEASURES.map((measure) =>
    source === 'leads' ? `sum(${ROLLUP_MEASURES[measure]('l')})` : `sum(l.m_${measure})`,
  ).join(', ');
  const day = source === 'leads' ? `l.received_at / ${DAY_MS}` : 'l.day';
  const from = source === 'leads' ? 'leads AS l WHERE l.is_test = 0' : 'temp.rollup_source AS l WHERE 1';
  const pass = (dim: string, valueSql: string, where = '') =>
    `INSERT INTO lead_daily_stats (day, dim, value, ${MEASURES.join(', ')})
  SELECT ${day} AS day, '${dim}', ${valueSql} AS value, ${sums}
  FROM ${from}${where ? ` AND ${where}` : ''}
  GROUP BY day, value`;
  const statements = [
    'DELETE FROM lead_daily_stats',
    pass('all', `''`),
    pass('offer', `coalesce(CAST(l.offer_ref AS TEXT), '')`),
    pass('country', `coalesce(l.country, '')`),
    pass('owner', `coalesce(l.owner_id, '')`),
  ];
  for (const [dim, column, known] of [
    ['source', 'l.journey_sources', LEAD_SOURCES],
    ['action', 'l.journey_actions', LEAD_ACTIONS],
  ] as const) {
    for (const token of known) statements.push(pass(dim, quote(token), `instr(${column}, ${quote(`|${token}|`)}) > 0`));
    statements.push(pass(dim, `''`, unknownTokens(column, known)));
  }
  return statements;
}

type Sums = number[];
/** value → day → measure sums. */
type Groups = Map<string, Map<number, Sums>>;

function addTo(groups: Groups, value: string, day: number, measures: ArrayLike<number>, from: number): void {
  let byDay = groups.get(value);
  if (!byDay) groups.set(value, (byDay = new Map()));
  let sums = byDay.get(day);
  if (!sums) byDay.set(day, (sums = new Array<number>(MEASURES.length).fill(0)));
  for (let i = 0; i < MEASURES.length; i++) sums[i]! += measures[from + i]!;
}

/**
 * Refills the rollup from leads (after a bulk load with the triggers off), in one transaction.
 * One pass: SQLite works out each real lead's day, dimension values and measures (the same
 * expressions as the triggers and `rebuildSql`), and the grouping into (day, dim, value) rows is
 * done here in maps, a fraction of the cost of sixteen grouped passes (each a sort) over a million
 * leads. Source and action rows are first summed per distinct journey string; which tokens a
 * journey counts under is then asked of SQLite once per distinct string, with the triggers' own
 * expressions. A unit test checks the table equals `rebuildSql('leads')`'s, rowids included.
 */
export function rebuildDailyStats(sqlite: Database.Database): void {
  const select = sqlite
    .prepare(
      `SELECT l.received_at / ${DAY_MS}, coalesce(CAST(l.offer_ref AS TEXT), ''), coalesce(l.country, ''),
         coalesce(l.owner_id, ''), l.journey_sources, l.journey_actions,
         ${MEASURES.map((measure) => ROLLUP_MEASURES[measure]('l')).join(', ')}
       FROM leads AS l WHERE l.is_test = 0`,
    )
    .raw(true);
  const FIRST_MEASURE = 6;
  const plain = { all: new Map(), offer: new Map(), country: new Map(), owner: new Map() } satisfies Record<
    string,
    Groups
  >;
  /** Per token dimension: journey string (null kept apart) → day → sums. */
  const journeys = {
    source: new Map<string | null, Map<number, Sums>>(),
    action: new Map<string | null, Map<number, Sums>>(),
  };

  sqlite.transaction(() => {
    for (const row of select.iterate() as IterableIterator<number[]>) {
      const day = row[0]!;
      const text = row as unknown as string[];
      addTo(plain.all, '', day, row, FIRST_MEASURE);
      addTo(plain.offer, text[1]!, day, row, FIRST_MEASURE);
      addTo(plain.country, text[2]!, day, row, FIRST_MEASURE);
      addTo(plain.owner, text[3]!, day, row, FIRST_MEASURE);
      addTo(journeys.source as Groups, text[4]!, day, row, FIRST_MEASURE);
      addTo(journeys.action as Groups, text[5]!, day, row, FIRST_MEASURE);
    }

    const byToken: Record<'source' | 'action', Groups> = { source: new Map(), action: new Map() };
    for (const [dim, known] of [
      ['source', LEAD_SOURCES],
      ['action', LEAD_ACTIONS],
    ] as const) {
      const values = [...known, ''];
      const flags = sqlite
        .prepare(
          `SELECT ${known.map((token) => `instr(j.journey, ${quote(`|${token}|`)}) > 0`).join(', ')},
             ${unknownTokens('j.journey', known)}
           FROM (SELECT ? AS journey) AS j`,
        )
        .raw(true);
      for (const [journey, byDay] of journeys[dim]) {
        const matches = flags.get(journey) as (number | null)[];
        values.forEach((value, index) => {
          if (!matches[index]) return;
          for (const [day, sums] of byDay) addTo(byToken[dim], value, day, sums, 0);
        });
      }
    }

    sqlite.exec('DELETE FROM lead_daily_stats');
    const insert = sqlite.prepare(
      `INSERT INTO lead_daily_stats (day, dim, value, ${MEASURES.join(', ')}) VALUES (${['?', '?', '?', ...MEASURES.map(() => '?')].join(', ')})`,
    );
    // In the order the grouped passes insert them (dimension, then day and value; a token
    // dimension token by token), so even the table's rowids come out the same.
    const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    const emit = (dim: string, groups: Groups, tokenOrder?: readonly string[]) => {
      const rows: [day: number, value: string, sums: Sums][] = [];
      for (const [value, byDay] of groups) for (const [day, sums] of byDay) rows.push([day, value, sums]);
      if (tokenOrder) rows.sort((a, b) => tokenOrder.indexOf(a[1]) - tokenOrder.indexOf(b[1]) || a[0] - b[0]);
      else rows.sort((a, b) => a[0] - b[0] || byBytes(a[1], b[1]));
      for (const [day, value, sums] of rows) insert.run(day, dim, value, ...sums);
    };
    for (const [dim, groups] of Object.entries(plain)) emit(dim, groups);
    emit('source', byToken.source, [...LEAD_SOURCES, '']);
    emit('action', byToken.action, [...LEAD_ACTIONS, '']);
  })();
}
