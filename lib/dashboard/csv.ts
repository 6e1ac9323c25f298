// A panel's table as CSV: the same columns and numbers as "view as table", for spreadsheets.
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '@/lib/leads/export';
import type { Cell, CellKind, PanelData } from './panels';

const BOM = '\uFEFF';

/** Plain, machine-friendly values: shares and changes as fractions, minutes as numbers. */
function csvValue(value: Cell, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'number')
    return kind === 'share' || kind === 'change' || kind === 'points'
      ? String(Math.round(value * 10_000) / 10_000)
      : String(value);
  return neutraliseCell(value);
}

export function panelCsv(data: PanelData): string {
  const header = data.columns.map((column) => column.label + (column.kind === 'minutes' ? ' (minutes)' : ''));
  const records = data.rows.map((row) =>
    data.columns.map((column) => csvValue(row.cells[column.key] ?? null, row.kinds?.[column.key] ?? column.kind)),
  );
  return BOM + stringify([header, ...records], { record_delimiter: '\r\n' });
}
