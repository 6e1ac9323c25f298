// CSV export of a lead list: streamed row by row from SQLite, UTF-8 with a BOM (Excel), RFC 4180
// quoting (csv-stringify), and cells that a spreadsheet would run as a formula neutralised.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '@/db';
import type { LeadScope } from '@/lib/auth/permissions';
import { ACTION_LABELS, SOURCE_LABELS, STAGE_LABELS, STATUS_LABELS } from '@/lib/marketplace/vocabulary';
import { leadListSelect, type LeadSummary } from './queries';
import type { LeadListQuery } from './search-params';

type Column = { header: string; value: (lead: LeadSummary) => string | number | null };

const label = (labels: Record<string, string>, value: string | null) => (value ? (labels[value] ?? value) : null);
const iso = (value: Date | number | null) => (value === null ? null : new Date(value).toISOString());

export const EXPORT_COLUMNS: Column[] = [
  { header: 'Lead id', value: (lead) => lead.id },
  { header: 'First name', value: (lead) => lead.firstName },
  { header: 'Last name', value: (lead) => lead.lastName },
  { header: 'Email', value: (lead) => lead.email },
  { header: 'Phone', value: (lead) => lead.phone },
  { header: 'Company', value: (lead) => lead.company },
  { header: 'Title', value: (lead) => lead.title },
  { header: 'Country', value: (lead) => lead.country },
  { header: 'Offer', value: (lead) => lead.offerTitle ?? lead.offerId },
  { header: 'Source', value: (lead) => label(SOURCE_LABELS, lead.source) },
  { header: 'Latest action', value: (lead) => label(ACTION_LABELS, lead.action) },
  { header: 'Stage', value: (lead) => label(STAGE_LABELS, lead.stage) },
  { header: 'Status', value: (lead) => label(STATUS_LABELS, lead.status) },
  { header: 'Owner', value: (lead) => lead.ownerName },
  { header: 'Do not contact', value: (lead) => (lead.doNotContact ? 'yes' : 'no') },
  { header: 'Received', value: (lead) => iso(lead.receivedAt) },
  { header: 'Last activity', value: (lead) => iso(lead.lastEventAt) },
];

/** A spreadsheet runs a cell starting with =, +, -, @, tab or CR as a formula: prefix a quote. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const BOM = '\uFEFF';
const ROWS_PER_CHUNK = 1000;

/**
 * Streams the whole list (every page) in its order as CSV bytes. Rows are read a chunk at a time,
 * each chunk a complete query: an open SQLite cursor would block the shared connection (and the
 * webhook) while the client reads slowly.
 */
export function exportLeadsCsv(db: Db, scope: LeadScope, query: LeadListQuery): { stream: ReadableStream<Uint8Array>; count: () => number } {
  const encoder = new TextEncoder();
  let exported = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + stringify([EXPORT_COLUMNS.map((column) => column.header)], { record_delimiter: '\r\n' })));
    },
    pull(controller) {
      const leads = leadListSelect(db, scope, query).limit(ROWS_PER_CHUNK).offset(exported).all();
      const records = leads.map((lead) => EXPORT_COLUMNS.map((column) => neutraliseCell(String(column.value(lead) ?? ''))));
      exported += records.length;
      if (records.length) controller.enqueue(encoder.encode(stringify(records, { record_delimiter: '\r\n' })));
      if (records.length < ROWS_PER_CHUNK) controller.close();
    },
  });
  return { stream, count: () => exported };
}
