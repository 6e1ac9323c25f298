import { Inbox } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { LeadSummary } from '@/lib/leads/queries';
import { actionLabel, sourceLabel } from '@/lib/marketplace/vocabulary';
import { RelativeTime } from '@/components/time/time';
import { personName } from '@/lib/format';

const ACTION_TONE: Record<string, 'brand' | 'success' | 'warning' | 'danger' | 'neutral'> = {
  PLT: 'brand',
  StartTestDrive: 'warning',
  INS: 'success',
  Create: 'success',
  DNC: 'danger',
};

export function LatestLeads({ leads }: { leads: LeadSummary[] }) {
  return (
    <Card aria-labelledby="latest-title">
      <CardHeader>
        <CardTitle id="latest-title">Latest leads</CardTitle>
        <CardDescription>The newest customers from the marketplace. Test leads are left out.</CardDescription>
      </CardHeader>
      {leads.length === 0 ? (
        <CardContent className="flex flex-col items-center gap-2 py-10 text-center">
          <Inbox className="size-8 text-slate-400" aria-hidden />
          <p className="font-medium">No leads yet</p>
          <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">
            Connect an offer with the webhook URL. Real leads appear here the moment Microsoft sends them.
          </p>
        </CardContent>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Latest leads">
          {leads.map((lead) => (
            <li key={lead.id} className="flex flex-col gap-1 px-5 py-3 sm:flex-row sm:items-center sm:gap-4">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium" title={personName(lead)}>
                  <Link href={`/leads/${lead.id}`} className="hover:underline">
                    {personName(lead)}
                  </Link>
                </p>
                <p className="truncate text-sm text-slate-600 dark:text-slate-400">
                  {[lead.title, lead.company].filter(Boolean).join(' · ') || '—'}
                </p>
              </div>
              <div className="flex min-w-0 items-center gap-2 sm:w-2/5 sm:justify-end">
                <span
                  className="min-w-0 truncate text-sm text-slate-600 dark:text-slate-400"
                  title={lead.offerTitle ?? undefined}
                >
                  {lead.offerTitle ?? lead.offerId ?? 'Unknown offer'}
                </span>
                <Badge
                  className="shrink-0"
                  tone={ACTION_TONE[lead.action ?? ''] ?? 'neutral'}
                  title={sourceLabel(lead.source)}
                >
                  {actionLabel(lead.action)}
                </Badge>
                {lead.doNotContact && lead.action !== 'DNC' ? (
                  <Badge className="shrink-0" tone="danger">
                    Do not contact
                  </Badge>
                ) : null}
              </div>
              <RelativeTime
                date={lead.receivedAt}
                className="shrink-0 text-xs text-slate-500 tabular-nums sm:w-28 sm:text-right dark:text-slate-400"
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
