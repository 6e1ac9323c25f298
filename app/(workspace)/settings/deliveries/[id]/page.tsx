import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { OutcomeBadge } from '@/components/deliveries/outcome-badge';
import { ReplayDelivery } from '@/components/deliveries/replay-delivery';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requirePageViewer } from '@/lib/auth/viewer';
import { getDelivery } from '@/lib/deliveries/queries';
import { DELIVERIES_PATH } from '@/lib/deliveries/search-params';
import { DELIVERY_KEY_STATE_LABELS } from '@/lib/deliveries/vocabulary';
import { formatBytes, formatDateTime } from '@/lib/format';
import { viewerTimeZone } from '@/lib/preferences/time-zone';

export const metadata: Metadata = { title: 'Delivery' };

type Props = { params: Promise<{ id: string }> };

const utf8 = new TextDecoder('utf-8', { fatal: false });
const link = 'text-brand-600 underline-offset-2 hover:underline dark:text-brand-100';
const muted = 'text-slate-500 dark:text-slate-400';

export default async function DeliveryPage({ params }: Props) {
  await requirePageViewer('workspace:admin');
  const { id: rawId } = await params;
  const id = /^\d{1,12}$/.test(rawId) ? Number(rawId) : NaN;
  const delivery = Number.isSafeInteger(id) ? getDelivery(getDb(), id) : null;
  if (!delivery) notFound();

  const timeZone = await viewerTimeZone();
  const replay = delivery.replayId ? getDelivery(getDb(), delivery.replayId) : null;
  const bodyText = delivery.body ? utf8.decode(delivery.body) : null;
  const replayable =
    delivery.outcome === 'rejected' && !delivery.replayedAt && delivery.body && !delivery.bodyTruncated;

  return (
    <div className="flex flex-col gap-4">
      <Link href={DELIVERIES_PATH} className={`inline-flex items-center gap-1 text-sm ${link}`}>
        <ArrowLeft className="size-4" aria-hidden />
        All deliveries
      </Link>
      <Card aria-labelledby="delivery-title">
        <CardHeader>
          <div className="flex flex-wrap items-center gap-2">
            <CardTitle id="delivery-title">Delivery #{delivery.id}</CardTitle>
            <OutcomeBadge outcome={delivery.outcome} replayed={delivery.replayedAt !== null} />
          </div>
          <CardDescription>Received {formatDateTime(delivery.receivedAt, timeZone)}.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {delivery.replayedAt ? (
            <div
              role="status"
              className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200"
            >
              Replayed {formatDateTime(delivery.replayedAt, timeZone)} by {delivery.replayedBy ?? 'someone'}
              {replay?.leadId ? (
                <>
                  {replay.outcome === 'duplicate' ? ': a retry of ' : ': stored as '}
                  <Link href={`/leads/${replay.leadId}`} className="font-medium underline underline-offset-2">
                    lead #{replay.leadId}
                  </Link>
                </>
              ) : null}{' '}
              (
              <Link href={`${DELIVERIES_PATH}/${delivery.replayId}`} className="underline underline-offset-2">
                delivery #{delivery.replayId}
              </Link>
              ).
            </div>
          ) : null}
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
            <Row label="Answer">
              HTTP {delivery.status}
              {delivery.errorCode ? <span className={muted}> · {delivery.errorCode}</span> : null}
            </Row>
            {delivery.reason ? <Row label="Reason">{delivery.reason}</Row> : null}
            <Row label="Key">
              {delivery.keyLabel ?? '—'} <span className={muted}>· {DELIVERY_KEY_STATE_LABELS[delivery.keyState]}</span>
            </Row>
            <Row label="Offer">
              {delivery.offerTitle ?? <span className={muted}>Not named, or the body did not parse</span>}
            </Row>
            <Row label="Body">
              {formatBytes(delivery.bodyBytes)}
              {delivery.contentType ? <span className={muted}> · {delivery.contentType}</span> : null}
              {delivery.bodyTruncated ? (
                <span className={muted}> · refused before its end; the first 64 KiB are kept</span>
              ) : null}
            </Row>
            <Row label="SHA-256">
              <span className="font-mono text-xs break-all">
                {delivery.bodySha256 ?? '— (the body was not read whole)'}
              </span>
            </Row>
            {delivery.requestId ? (
              <Row label="Request id">
                <span className="font-mono text-xs break-all">{delivery.requestId}</span>
              </Row>
            ) : null}
            {delivery.leadId ? (
              <Row label="Lead">
                <Link href={`/leads/${delivery.leadId}`} className={link}>
                  Lead #{delivery.leadId}
                </Link>
                {delivery.eventId ? <span className={muted}> · event #{delivery.eventId}</span> : null}
              </Row>
            ) : null}
            {delivery.replayOf ? (
              <Row label="Replay of">
                <Link href={`${DELIVERIES_PATH}/${delivery.replayOf}`} className={link}>
                  Delivery #{delivery.replayOf}
                </Link>
              </Row>
            ) : null}
          </dl>

          <section aria-labelledby="delivery-body-title" className="flex flex-col gap-2">
            <h2 id="delivery-body-title" className="text-sm font-semibold">
              Body as received
            </h2>
            {bodyText !== null ? (
              <pre className="max-h-96 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs break-all whitespace-pre-wrap dark:bg-slate-950">
                {bodyText || <span className={muted}>(empty)</span>}
              </pre>
            ) : (
              <p className={`text-sm ${muted}`}>
                {delivery.outcome === 'rejected'
                  ? delivery.bodyTruncated && delivery.bodyBytes > 0 && !delivery.body
                    ? 'The body was refused by its declared size before any of it was read.'
                    : 'The body is no longer kept (it was erased with a person’s personal data).'
                  : 'An accepted body is kept with the lead’s journey.'}
              </p>
            )}
          </section>

          {replayable ? (
            <ReplayDelivery id={delivery.id} receivedAt={formatDateTime(delivery.receivedAt, timeZone)} />
          ) : delivery.outcome === 'rejected' && !delivery.replayedAt ? (
            <p className={`text-sm ${muted}`}>This delivery cannot be replayed: its body was not kept whole.</p>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}
