'use client';
// Time to first touch against the 24-hour window, counting down live while the page is open: a
// lead left open past its deadline turns to "missed" without a reload.
import { useNow, useTimeZone } from '@/components/time/time-provider';
import { Badge } from '@/components/ui/badge';
import { formatDateTimeFull } from '@/lib/format';
import { firstTouchSummary } from '@/lib/leads/nurture';
import { cn } from '@/lib/utils';

export function FirstTouchStatus({ receivedAt, firstTouchAt }: { receivedAt: Date; firstTouchAt: Date | null }) {
  const now = useNow();
  const timeZone = useTimeZone();
  const summary = firstTouchSummary(receivedAt, firstTouchAt, now);
  return (
    <div className="col-span-2 flex flex-wrap items-center gap-2 sm:col-span-4">
      <dt className="sr-only">Time to first touch</dt>
      <dd
        className={cn(summary.missed ? 'text-rose-700 dark:text-rose-300' : 'text-slate-700 dark:text-slate-300')}
        title={summary.kind === 'untouched' ? `Due ${formatDateTimeFull(summary.dueAt, timeZone)}` : undefined}
      >
        {summary.text}
      </dd>
      {summary.missed ? <Badge tone="danger">Missed the 24-hour window</Badge> : null}
    </div>
  );
}
