import Link from 'next/link';
import { ScrollTable, TBody, Td, Th, THead, TimeCell } from '@/components/settings/table';
import type { DeliveryRow } from '@/lib/deliveries/queries';
import { DELIVERY_KEY_STATE_LABELS } from '@/lib/deliveries/vocabulary';
import { formatBytes } from '@/lib/format';
import { OutcomeBadge } from './outcome-badge';

const muted = 'text-xs text-slate-500 dark:text-slate-400';
const link = 'text-brand-600 underline-offset-2 hover:underline dark:text-brand-100';

export function DeliveriesTable({ rows }: { rows: DeliveryRow[] }) {
  return (
    <ScrollTable label="Delivery receipts" minWidth="min-w-[60rem]">
      <THead>
        <tr>
          <Th>Received</Th>
          <Th>Outcome</Th>
          <Th>Offer</Th>
          <Th>Key</Th>
          <Th>Body</Th>
          <Th>Reason or lead</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td>
              <div className="flex flex-col gap-0.5">
                <Link href={`/settings/deliveries/${row.id}`} className={link} aria-label={`Delivery ${row.id}`}>
                  <TimeCell date={row.receivedAt} />
                </Link>
                <span className={muted}>#{row.id}</span>
              </div>
            </Td>
            <Td>
              <div className="flex flex-col items-start gap-1">
                <OutcomeBadge outcome={row.outcome} replayed={row.replayedAt !== null} />
                <span className={`${muted} tabular-nums`}>
                  HTTP {row.status}
                  {row.replayOf ? ` · replay of #${row.replayOf}` : ''}
                </span>
              </div>
            </Td>
            <Td className="max-w-56">
              <span className="line-clamp-2 break-words">{row.offerTitle ?? <span className={muted}>—</span>}</span>
            </Td>
            <Td className="max-w-48">
              <div className="flex flex-col gap-0.5">
                <span className="break-words">{row.keyLabel ?? DELIVERY_KEY_STATE_LABELS[row.keyState]}</span>
                {row.keyState !== 'valid' && row.keyLabel ? (
                  <span className={muted}>{DELIVERY_KEY_STATE_LABELS[row.keyState]}</span>
                ) : null}
              </div>
            </Td>
            <Td className="whitespace-nowrap tabular-nums">
              {formatBytes(row.bodyBytes)}
              {row.bodyTruncated ? <span className={`block ${muted}`}>not read whole</span> : null}
            </Td>
            <Td className="max-w-80">
              {row.outcome === 'rejected' ? (
                <span className="line-clamp-2 break-words" title={row.reason ?? undefined}>
                  {row.reason}
                </span>
              ) : row.leadId ? (
                <Link href={`/leads/${row.leadId}`} className={link}>
                  Lead #{row.leadId}
                </Link>
              ) : (
                <span className={muted}>Lead deleted</span>
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </ScrollTable>
  );
}
