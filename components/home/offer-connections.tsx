import { PlugZap } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { RelativeTime } from '@/components/time/time';
import { formatCount } from '@/lib/format';
import type { ConnectionState, OfferConnection } from '@/lib/offers/queries';

const STATE: Record<ConnectionState, { label: string; tone: 'success' | 'warning' | 'brand' | 'neutral' }> = {
  receiving: { label: 'Receiving leads', tone: 'success' },
  quiet: { label: 'No leads for 14+ days', tone: 'warning' },
  verified: { label: 'Verified by test lead', tone: 'brand' },
  waiting: { label: 'Waiting for leads', tone: 'neutral' },
};

export function OfferConnections({ offers }: { offers: OfferConnection[] }) {
  return (
    <Card aria-labelledby="offers-title">
      <CardHeader>
        <CardTitle id="offers-title">Offer connections</CardTitle>
        <CardDescription>Every offer that has sent us a lead or a Partner Center test lead.</CardDescription>
      </CardHeader>
      {offers.length === 0 ? (
        <CardContent className="flex flex-col items-center gap-2 py-10 text-center">
          <PlugZap className="size-8 text-slate-400" aria-hidden />
          <p className="font-medium">No offers connected yet</p>
          <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">
            Select Validate in Partner Center: the test lead shows the offer here as verified.
          </p>
        </CardContent>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Offer connections">
          {offers.map((offer) => {
            const state = STATE[offer.state];
            const name = offer.title ?? offer.offerId ?? offer.key;
            return (
              <li key={offer.id} className="flex flex-col gap-2 px-5 py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="min-w-0">
                    <p className="truncate font-medium" title={name}>
                      {name}
                    </p>
                    {offer.publisherId && offer.offerId ? (
                      <p className="truncate font-mono text-xs text-slate-500 dark:text-slate-400">
                        {offer.publisherId}.{offer.offerId}
                      </p>
                    ) : null}
                  </div>
                  <Badge tone={state.tone}>{state.label}</Badge>
                </div>
                <dl className="grid grid-cols-3 gap-2 text-xs text-slate-600 dark:text-slate-400">
                  <div>
                    <dt className="text-slate-500">Leads</dt>
                    <dd className="font-medium tabular-nums text-slate-900 dark:text-slate-100">
                      {formatCount(offer.leadCount)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">Last lead</dt>
                    <dd>{offer.lastLeadAt ? <RelativeTime date={offer.lastLeadAt} /> : 'never'}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">Last test lead</dt>
                    <dd>{offer.lastTestLeadAt ? <RelativeTime date={offer.lastTestLeadAt} /> : 'never'}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
