// CSV export of a lead list: streamed row by row from SQLite, UTF-8 with a BOM (Excel), RFC 4180
// quoting (csv-stringify), and cells that a spreadsheet would run as a formula neutralised.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '@/db';
import { COLUMN_LABELS, columnText } from './columns';
import { leadListBatches, type ListContext } from './queries';
import type { LeadListQuery } from './search-params';

/** A spreadsheet runs a cell starting with =, +, -, @, tab or CR as a formula: prefix a quote. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const BOM = '\uFEFF';
const ROWS_PER_BATCH = 1000;
const CSV_OPTIONS = { record_delimiter: '\r\n' } as const;

/**
 * Streams the whole list (every page) in its order as CSV bytes, with exactly the view's visible
 * columns in their order. Rows are read a keyset batch at a time, each batch a complete query: an
 * open SQLite cursor would block the shared connection (and the webhook) while the client reads
 * slowly, and offsets would make a deep export quadratic.
 */
export function exportLeadsCsv(
  db: Db,
  context: ListContext,
  query: LeadListQuery,
): { stream: ReadableStream<Uint8Array>; count: () => number } {
  const encoder = new TextEncoder();
  const now = context.now ?? new Date();
  let exported = 0;
  const batches = leadListBatches(db, context, query, ROWS_PER_BATCH);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const header = query.cols.map((column) => COLUMN_LABELS[column]);
      controller.enqueue(encoder.encode(BOM + stringify([header], CSV_OPTIONS)));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) return controller.close();
      const records = next.value.map((lead) =>
        query.cols.map((column) => neutraliseCell(columnText(column, lead, now, context.timeZone))),
      );
      exported += records.length;
      controller.enqueue(encoder.encode(stringify(records, CSV_OPTIONS)));
    },
    cancel() {
      batches.return(undefined);
    },
  });
  return { stream, count: () => exported };
}
