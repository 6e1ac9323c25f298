import { Inbox } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DeliveriesTable } from '@/components/deliveries/deliveries-table';
import { DeliveryFilterForm } from '@/components/deliveries/delivery-filter-form';
import { FilterNotice, LogEmpty } from '@/components/settings/log-notices';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { requirePageViewer } from '@/lib/auth/viewer';
import { getLastWeekSummary, listDeliveries } from '@/lib/deliveries/queries';
import {
  DELIVERIES_PATH,
  DELIVERY_PAGE_SIZE,
  DELIVERY_PARAM_LABELS,
  deliveriesHref,
  deliveryFiltersOf,
  hasDeliveryFilters,
  parseDeliverySearch,
} from '@/lib/deliveries/search-params';
import { formatCount } from '@/lib/format';
import { viewerTimeZone } from '@/lib/preferences/time-zone';
import { getRetention } from '@/lib/settings/service';

export const metadata: Metadata = { title: 'Deliveries' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeliveriesPage({ searchParams }: Props) {
  await requirePageViewer('workspace:admin');
  const db = getDb();
  const timeZone = await viewerTimeZone();
  const { search, ignored } = parseDeliverySearch(await searchParams);

  let { rows, total } = listDeliveries(db, deliveryFiltersOf(search, timeZone));
  let pageNote: string | null = null;
  const pages = Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE));
  if (search.page > pages) {
    pageNote = `There is no page ${search.page}; showing page ${pages}, the last one.`;
    search.page = pages;
    ({ rows, total } = listDeliveries(db, deliveryFiltersOf(search, timeZone)));
  }
  const { week, unresolved } = getLastWeekSummary(db);
  const retention = getRetention(db);
  const filtered = hasDeliveryFilters(search);

  return (
    <Card aria-labelledby="deliveries-title">
      <CardHeader>
        <CardTitle id="deliveries-title">Deliveries</CardTitle>
        <CardDescription>
          Every request to the webhook, accepted or not: when, what became of it and why, with the body of every
          rejected one so it can be replayed once the cause is fixed. Kept for {formatCount(retention.deliveryLogDays)}{' '}
          days (
          <Link href="/settings/privacy" className="underline underline-offset-2">
            change
          </Link>
          ). Times are in your time zone, {timeZone}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 border-b border-slate-100 dark:border-slate-800">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="The last 7 days">
          <Stat label="Accepted, 7 days" value={week.accepted} />
          <Stat label="Duplicates, 7 days" value={week.duplicate} />
          <Stat label="Rejected, 7 days" value={week.rejected} />
          <Stat
            label="Rejected, not replayed"
            value={unresolved}
            href={unresolved ? deliveriesHref({ outcome: 'rejected', page: 1 }) : undefined}
            alert={unresolved > 0}
          />
        </dl>
        <DeliveryFilterForm search={search} />
        <FilterNotice
          ignored={ignored.map((param) => DELIVERY_PARAM_LABELS[param])}
          clearHref={DELIVERIES_PATH}
          pageNote={pageNote}
        />
      </CardContent>
      {total === 0 ? (
        <LogEmpty
          icon={<Inbox className="size-8 text-slate-400" aria-hidden />}
          filtered={filtered}
          clearHref={DELIVERIES_PATH}
          filteredTitle="No deliveries match these filters"
          emptyTitle="No deliveries yet"
          emptyText={
            <>
              Requests to the webhook appear here as they arrive. Send a test lead from Partner Center (
              <Link href="/settings/keys" className="underline underline-offset-2">
                the webhook URL
              </Link>
              ) to see one.
            </>
          }
        />
      ) : (
        <>
          <DeliveriesTable rows={rows} />
          <div className="border-t border-slate-100 dark:border-slate-800">
            <Pager
              page={search.page}
              pageSize={DELIVERY_PAGE_SIZE}
              total={total}
              hrefFor={(page) => deliveriesHref({ ...search, page })}
              label="Delivery log pages"
              noun="deliveries"
            />
          </div>
        </>
      )}
    </Card>
  );
}

function Stat({ label, value, href, alert = false }: { label: string; value: number; href?: string; alert?: boolean }) {
  const number = <span className={alert ? 'text-rose-700 dark:text-rose-300' : undefined}>{formatCount(value)}</span>;
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="underline-offset-2 hover:underline">
            {number}
          </Link>
        ) : (
          number
        )}
      </dd>
    </div>
  );
}
