'use client';
// A lead's SLA state as a live countdown: "First touch due in 3 h 12 min" turns into "First touch
// overdue by 1 min" while the page is open. The first render uses the server's `now` (see
// TimeProvider), so server and browser markup match.
import { Badge } from '@/components/ui/badge';
import { formatDateTimeFull } from '@/lib/format';
import { slaText } from '@/lib/leads/columns';
import { slaBadge } from '@/lib/leads/sla';
import { useNow, useTimeZone } from './time-provider';

type SlaFacts = Parameters<typeof slaBadge>[0];

export function SlaCountdown({ lead }: { lead: SlaFacts }) {
  const now = useNow();
  const timeZone = useTimeZone();
  const badge = slaBadge(lead, now, timeZone);
  if (!badge) return null;
  const overdue = badge.kind.endsWith('overdue');
  return (
    <Badge tone={overdue ? 'danger' : 'warning'} title={`Due ${formatDateTimeFull(badge.dueAt, timeZone)}`}>
      {slaText(badge, now)}
    </Badge>
  );
}
