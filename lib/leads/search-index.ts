// The free-text search index (leads_search, FTS5 trigram) and its backlog. A new lead is queued
// by a trigger (db/migrations/0007_search_backlog.sql) and indexed here in batches: a hundred
// leads indexed together cost a tenth of what they cost one commit at a time. Edits and deletes
// of indexed leads are kept in step by the triggers directly.
//
// Who empties the queue:
// - the delivery writer, once SEARCH_BATCH leads are waiting (lib/deliveries/writer.ts);
// - every text search, before it reads the index (lib/leads/queries.ts), so a search finds a
//   lead however new it is.
import type Database from 'better-sqlite3';

/** Leads waiting for the index before the delivery writer indexes them. */
export const SEARCH_BATCH = 128;

type Statements = {
  waiting: Database.Statement<[], { n: number }>;
  any: Database.Statement<[], { found: number }>;
  last: Database.Statement<[], { id: number | null }>;
  index: Database.Statement<[number]>;
  dequeue: Database.Statement<[number]>;
};
const statementCache = new WeakMap<Database.Database, Statements>();

function statementsFor(client: Database.Database): Statements {
  let statements = statementCache.get(client);
  if (!statements) {
    statements = {
      waiting: client.prepare('select count(*) as n from lead_search_backlog'),
      any: client.prepare('select exists (select 1 from lead_search_backlog) as found'),
      last: client.prepare('select max(lead_id) as id from lead_search_backlog'),
      // A queued id without its lead (never left by the delete trigger, but harmless) is skipped.
      index: client.prepare(
        `insert into leads_search (rowid, name, email, company, title, description)
         select id, concat_ws(' ', first_name, last_name), email, company, title, description
         from leads where id in (select lead_id from lead_search_backlog where lead_id <= ?)`,
      ),
      dequeue: client.prepare('delete from lead_search_backlog where lead_id <= ?'),
    };
    statementCache.set(client, statements);
  }
  return statements;
}

/** How many leads wait for the search index. */
export function searchBacklog(client: Database.Database): number {
  return statementsFor(client).waiting.get()!.n;
}

/**
 * Indexes every waiting lead and empties the queue; returns how many were indexed. Runs in the
 * caller's transaction when there is one (the delivery writer's batch), else in its own.
 */
export function indexSearchBacklog(client: Database.Database): number {
  const statements = statementsFor(client);
  const run = () => {
    // Everything queued up to now, read under the write lock: a lead queued meanwhile by another
    // connection waits for the next pass instead of being dequeued unindexed.
    const last = statements.last.get()!.id;
    if (last === null) return 0;
    const indexed = statements.index.run(last).changes;
    statements.dequeue.run(last);
    return indexed;
  };
  return client.inTransaction ? run() : client.transaction(run).immediate();
}

/**
 * Brings the index up to date before a search reads it: nothing to do (one indexed lookup)
 * unless leads are waiting, which the delivery writer leaves below SEARCH_BATCH.
 */
export function catchUpSearchIndex(client: Database.Database): number {
  if (!statementsFor(client).any.get()!.found) return 0;
  return indexSearchBacklog(client);
}

/** The delivery writer's upkeep, in each batch's transaction: index once SEARCH_BATCH are waiting. */
export function indexSearchBacklogWhenDue(client: Database.Database): number {
  return searchBacklog(client) >= SEARCH_BATCH ? indexSearchBacklog(client) : 0;
}
