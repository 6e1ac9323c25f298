// What "nothing lost, nothing half-written" means, checked on the SQLite file itself.
import Database from 'better-sqlite3';
import { DAY_MS } from '@/lib/dashboard/range';

export type StoreReport = {
  /** Leads and events in the database. */
  leads: number;
  events: number;
  /** Acknowledged deliveries, and those of them not stored exactly once (lead and event). */
  acknowledged: number;
  lostOrDoubled: string[];
  /** Stored deliveries whose response never arrived (committed, then the answer was lost). */
  storedUnacknowledged: number;
  /** Stored leads that no test request ever sent. */
  strangers: number;
  /** Broken invariants, each named with an example; empty when the database is whole. */
  problems: string[];
};

/**
 * Checks the database at `file` (opened on its own connection; safe beside a running server)
 * against the deliveries that were acknowledged and those that were attempted at all.
 */
export function verifyStore(file: string, acknowledged: Iterable<string>, attempted: Iterable<string>): StoreReport {
  const db = new Database(file, { fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length)
      problems.push(`foreign_key_check: ${foreignKeys.length} rows, e.g. ${JSON.stringify(foreignKeys[0])}`);

    const invariant = (name: string, sql: string) => {
      const rows = db.prepare(sql).all();
      if (rows.length) problems.push(`${name}: ${rows.length} rows, e.g. ${JSON.stringify(rows[0])}`);
    };
    invariant(
      'lead without an event',
      'SELECT l.id FROM leads l WHERE NOT EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = l.id)',
    );
    invariant(
      'event without a lead',
      'SELECT e.id FROM lead_events e WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = e.lead_id)',
    );
    invariant(
      'event_count differs from the events stored',
      `SELECT l.id, l.event_count, (SELECT count(*) FROM lead_events e WHERE e.lead_id = l.id) AS events
       FROM leads l WHERE l.event_count != (SELECT count(*) FROM lead_events e WHERE e.lead_id = l.id)`,
    );
    invariant(
      'offer lead_count differs from its real leads',
      `SELECT o.id, o.lead_count, (SELECT count(*) FROM leads l WHERE l.offer_ref = o.id AND l.is_test = 0) AS leads
       FROM offers o WHERE o.lead_count != (SELECT count(*) FROM leads l WHERE l.offer_ref = o.id AND l.is_test = 0)`,
    );
    // The delivery log (lib/deliveries): every stored event was acknowledged by a receipt written in
    // the same transaction, and every accepted receipt points at its event.
    invariant(
      'event without its accepted receipt',
      `SELECT e.id FROM lead_events e WHERE NOT EXISTS
         (SELECT 1 FROM intake_deliveries d WHERE d.event_id = e.id AND d.outcome = 'accepted')`,
    );
    invariant(
      'accepted receipt without its event',
      `SELECT d.id FROM intake_deliveries d WHERE d.outcome = 'accepted'
         AND NOT EXISTS (SELECT 1 FROM lead_events e WHERE e.id = d.event_id AND e.lead_id = d.lead_id)`,
    );
    // The dashboard rollup (lib/dashboard/rollup.ts): dim 'all' counts every non-test lead on the
    // UTC day it was received, kept in step by triggers inside the ingest transaction.
    invariant(
      "lead_daily_stats 'all' differs from the leads",
      `WITH actual AS (SELECT received_at / ${DAY_MS} AS day, count(*) AS leads FROM leads WHERE is_test = 0 GROUP BY day),
            rollup AS (SELECT day, leads FROM lead_daily_stats WHERE dim = 'all' AND value = '' AND leads != 0)
       SELECT a.day, a.leads AS actual, r.leads AS rollup FROM actual a LEFT JOIN rollup r USING (day)
         WHERE r.leads IS NOT a.leads
       UNION ALL
       SELECT r.day, NULL, r.leads FROM rollup r WHERE r.day NOT IN (SELECT day FROM actual)`,
    );

    // The search index (lib/leads/search-index.ts): every lead is either indexed (one docsize row
    // per indexed lead) or waiting in the backlog, never both, never neither.
    invariant(
      'lead neither indexed for search nor waiting',
      `SELECT l.id FROM leads l WHERE NOT EXISTS (SELECT 1 FROM leads_search_docsize d WHERE d.id = l.id)
         AND NOT EXISTS (SELECT 1 FROM lead_search_backlog b WHERE b.lead_id = l.id)`,
    );
    invariant(
      'lead both indexed for search and waiting',
      `SELECT b.lead_id FROM lead_search_backlog b JOIN leads_search_docsize d ON d.id = b.lead_id`,
    );
    invariant(
      'search index entry without its lead',
      `SELECT d.id FROM leads_search_docsize d WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = d.id)`,
    );

    // Every delivery is a unique email, so each must be one lead with one event.
    const leadsByEmail = new Map(
      (
        db.prepare('SELECT email_normalized AS email, count(*) AS n FROM leads GROUP BY email_normalized').all() as {
          email: string;
          n: number;
        }[]
      ).map((row) => [row.email, row.n]),
    );
    const eventsByEmail = new Map(
      (
        db.prepare('SELECT lower(email) AS email, count(*) AS n FROM lead_events GROUP BY lower(email)').all() as {
          email: string;
          n: number;
        }[]
      ).map((row) => [row.email, row.n]),
    );
    const acked = new Set([...acknowledged].map((email) => email.toLowerCase()));
    const sent = new Set([...attempted].map((email) => email.toLowerCase()));
    const lostOrDoubled = [...acked].filter((email) => leadsByEmail.get(email) !== 1 || eventsByEmail.get(email) !== 1);
    let storedUnacknowledged = 0;
    let strangers = 0;
    for (const [email, n] of leadsByEmail) {
      if (acked.has(email)) continue;
      if (sent.has(email)) {
        storedUnacknowledged++;
        if (n !== 1 || eventsByEmail.get(email) !== 1)
          problems.push(`unacknowledged delivery stored ${n} times: ${email}`);
      } else {
        strangers++;
      }
    }
    if (lostOrDoubled.length)
      problems.push(`acknowledged but not stored exactly once: ${lostOrDoubled.length}, e.g. ${lostOrDoubled[0]}`);
    if (strangers) problems.push(`leads no request sent: ${strangers}`);

    return {
      leads: db.prepare('SELECT count(*) FROM leads').pluck().get() as number,
      events: db.prepare('SELECT count(*) FROM lead_events').pluck().get() as number,
      acknowledged: acked.size,
      lostOrDoubled,
      storedUnacknowledged,
      strangers,
      problems,
    };
  } finally {
    db.close();
  }
}
