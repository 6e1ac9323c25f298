import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db';
import { ConnectCard } from '@/components/home/connect-card';
import { LatestLeads } from '@/components/home/latest-leads';
import { OfferConnections } from '@/components/home/offer-connections';
import { StatTiles } from '@/components/home/stat-tiles';
import { getWebhookForDisplay } from '@/lib/intake-keys/queries';
import { getLatestLeads, getLeadCounts } from '@/lib/leads/queries';
import { getOfferConnections } from '@/lib/offers/queries';
import { can, leadScope } from '@/lib/auth/permissions';
import { requirePageViewer } from '@/lib/auth/viewer';

export default async function HomePage() {
  await connection();
  const viewer = await requirePageViewer('leads:read');
  // A rep's day starts with what to act on: their queue. The overview is for those who assign.
  if (!can(viewer, 'leads:assign')) redirect('/leads');
  const db = getDb();
  const now = new Date();
  const scope = leadScope(viewer);
  // The webhook's secret is for admins only.
  const isAdmin = can(viewer, 'workspace:admin');
  const webhook = isAdmin ? getWebhookForDisplay(db, await headers()) : null;
  const counts = getLeadCounts(db, scope, now);
  const offers = getOfferConnections(db, now);
  const latest = getLatestLeads(db, scope);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Leads from Microsoft AppSource and Azure Marketplace, received and kept safe.
        </p>
      </div>
      <StatTiles
        stats={[
          {
            label: 'Leads',
            value: counts.total,
            hint: scope.kind === 'all' ? 'all time, test leads excluded' : 'yours and unassigned',
          },
          { label: 'Last 7 days', value: counts.lastWeek, hint: 'new leads received' },
          { label: 'Offers', value: offers.length, hint: 'seen in lead traffic' },
          { label: 'Do not contact', value: counts.doNotContact, hint: 'flagged by Microsoft' },
        ]}
      />
      {isAdmin ? <ConnectCard webhook={webhook} /> : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="min-w-0 lg:col-span-3">
          <LatestLeads leads={latest} />
        </div>
        <div className="min-w-0 lg:col-span-2">
          <OfferConnections offers={offers} />
        </div>
      </div>
    </div>
  );
}
