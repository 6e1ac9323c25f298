import Link from 'next/link';
import { useTimeZone } from '@/components/time/time-provider';
import type { PanelColumn, PanelData } from '@/lib/dashboard/panels';
import { cn } from '@/lib/utils';
import { formatCell, kindOf, rawValue } from './format';

const NUMERIC = new Set(['count', 'share', 'minutes', 'change', 'points']);

/**
 * A panel as an accessible table: exactly its columns and rows, formatted, with the raw value of
 * every cell in `data-value` (end-to-end tests read the numbers from here). The first cell links
 * to the row's leads, and a trend's series cells to their segment's leads.
 */
export function PanelTable({ data }: { data: PanelData }) {
  const { panel, title, columns, rows } = data;
  const timeZone = useTimeZone();
  return (
    <div className="-mx-5 overflow-x-auto px-5">
      <table data-panel={panel} className="w-full min-w-max text-left text-sm">
        <caption className="sr-only">{title}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cn(
                  'whitespace-nowrap px-2 py-2 font-medium first:pl-0 last:pr-0',
                  numeric(column) && 'text-right',
                )}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key} className={cn(row.warning && 'bg-amber-50 dark:bg-amber-500/10')}>
              {columns.map((column, index) => {
                const value = row.cells[column.key];
                const text = formatCell(value, kindOf(column, row), timeZone);
                const href = index === 0 ? row.href : row.hrefs?.[column.key];
                return (
                  <td
                    key={column.key}
                    data-key={column.key}
                    data-value={rawValue(value)}
                    className={cn(
                      'px-2 py-1.5 align-top first:pl-0 last:pr-0',
                      numeric(column) ? 'whitespace-nowrap text-right tabular-nums' : 'max-w-64',
                      index === 0 && 'font-medium',
                    )}
                  >
                    {href ? (
                      <Link
                        href={href}
                        className={cn(
                          'hover:underline',
                          index === 0 ? 'text-brand-700 dark:text-brand-100' : 'text-inherit',
                        )}
                        title={index === 0 ? `Open the leads: ${text}` : undefined}
                      >
                        <Truncated text={text} numeric={numeric(column)} />
                      </Link>
                    ) : (
                      <Truncated text={text} numeric={numeric(column)} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Truncated({ text, numeric }: { text: string; numeric: boolean }) {
  if (numeric) return text;
  return (
    <span className="block max-w-64 truncate" title={text}>
      {text}
    </span>
  );
}

const numeric = (column: PanelColumn) => NUMERIC.has(column.kind);
