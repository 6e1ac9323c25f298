import { Ban, EyeOff, Mail, Phone } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Journey } from '@/components/leads/journey';
import { FirstTouchStatus } from '@/components/leads/first-touch-status';
import { LeadFollowUp } from '@/components/leads/lead-follow-up';
import { LeadNotes } from '@/components/leads/lead-notes';
import { LeadPager } from '@/components/leads/lead-pager';
import { LeadQualification } from '@/components/leads/lead-qualification';
import { LeadTouches } from '@/components/leads/lead-touches';
import { LeadWorkPanel } from '@/components/leads/lead-work-panel';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { getDb } from '@/db';
import { can, leadScope } from '@/lib/auth/permissions';
import { listAssignableUsers } from '@/lib/auth/users';
import { requirePageViewer } from '@/lib/auth/viewer';
import { formatCount, formatDateTime, personName } from '@/lib/format';
import { getLeadNotes, getLeadQualification, getLeadTouches, getStatusHistory } from '@/lib/leads/nurture-queries';
import { getLeadListWalk, listSearchParams } from '@/lib/leads/lead-list';
import { getLeadById } from '@/lib/leads/queries';
import { awaitsFirstTouch } from '@/lib/leads/sla';
import { viewerTimeZone } from '@/lib/preferences/time-zone';
import { actionLabel, stageLabel, STATUS_LABELS } from '@/lib/marketplace/vocabulary';
import { cn } from '@/lib/utils';

// No names in the title: browser history and tab titles are not the place for personal data.
export const metadata: Metadata = { title: 'Lead' };

export default async function LeadPage({ params, searchParams }: PageProps<'/leads/[id]'>) {
  await connection();
  const viewer = await requirePageViewer('leads:read');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const db = getDb();
  const lead = getLeadById(db, leadScope(viewer), id);
  if (!lead) notFound();

  const timeZone = await viewerTimeZone();
  // The list it was opened from (a queue section or the table's view): previous/next walk it.
  const walk = getLeadListWalk(db, viewer, listSearchParams(await searchParams), id, { timeZone });

  const history = getStatusHistory(db, id);
  const notes = getLeadNotes(db, id);
  const touches = getLeadTouches(db, id);
  const checklist = getLeadQualification(db, id);
  const mine = lead.ownerId === viewer.id;
  const canAssign = can(viewer, 'leads:assign');
  const canWork = can(viewer, 'leads:work') && (leadScope(viewer).kind === 'all' || mine);
  const people = canAssign ? listAssignableUsers(db).map(({ id: userId, name }) => ({ id: userId, name })) : [];
  const contactDisabled = lead.doNotContact;
  // After an erasure there is nobody to contact: no touches, no new follow-ups (the server refuses too).
  const erased = lead.erasedAt !== null;
  const showFirstTouch = lead.firstTouchAt !== null || awaitsFirstTouch(lead);
  const notWorkable = can(viewer, 'leads:claim') && !lead.ownerId ? 'Claim this lead to log touches.' : null;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <LeadPager walk={walk} />
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/leads" className="hover:underline">
            Leads
          </Link>{' '}
          / Lead {lead.id}
        </nav>
        <h1 className="break-words text-2xl font-semibold tracking-tight">{personName(lead)}</h1>
        <p className="break-words text-sm text-slate-600 dark:text-slate-400">
          {[lead.title, lead.company, lead.offerTitle ?? lead.offerId].filter(Boolean).join(' · ') || '—'}
        </p>
        <div className="flex flex-wrap gap-2">
          <Badge tone="brand">{STATUS_LABELS[lead.status]}</Badge>
          <Badge>Stage: {stageLabel(lead.stage)}</Badge>
          <Badge>Latest: {actionLabel(lead.action)}</Badge>
          {lead.isTest ? <Badge tone="warning">Test lead</Badge> : null}
          {lead.erasedAt ? <Badge>Personal data erased</Badge> : null}
        </div>
      </div>

      {lead.erasedAt ? (
        <div
          role="status"
          className="flex items-start gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-800/50 dark:text-slate-300"
        >
          <EyeOff className="mt-0.5 size-5 shrink-0" aria-hidden />
          <p>
            <strong>Personal data erased</strong> on {formatDateTime(lead.erasedAt, timeZone)} at the person’s request.
            The lead is kept, anonymised, so counts and funnels stay right; with nobody left to contact, touches and
            follow-ups are turned off.
          </p>
        </div>
      ) : null}

      {contactDisabled ? (
        <div
          role="alert"
          className="flex items-start gap-3 rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800 dark:border-rose-500/30 dark:bg-rose-500/10 dark:text-rose-200"
        >
          <Ban className="mt-0.5 size-5 shrink-0" aria-hidden />
          <p>
            <strong>Do not contact.</strong> This customer asked Microsoft not to be contacted. Email and call actions,
            touch logging and follow-ups are turned off; keep the lead for the record only.
          </p>
        </div>
      ) : null}

      <dl
        aria-label="Activity"
        className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <Stat label="Touches" value={formatCount(lead.touchCount)} />
        <Stat label="Last touch" value={lead.lastTouchAt ? formatDateTime(lead.lastTouchAt, timeZone) : 'None yet'} />
        <Stat label="Last activity" value={formatDateTime(lead.lastActivityAt, timeZone)} />
        <Stat
          label="Next follow-up"
          value={lead.nextFollowUpAt ? formatDateTime(lead.nextFollowUpAt, timeZone) : 'None planned'}
        />
        {showFirstTouch ? <FirstTouchStatus receivedAt={lead.receivedAt} firstTouchAt={lead.firstTouchAt} /> : null}
      </dl>

      {/* On a phone the two columns dissolve (display: contents) into one list ordered for work:
          owner, status and follow-up first, then the customer, touches and notes. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-3 lg:items-start">
        <div className="contents lg:col-span-2 lg:flex lg:min-w-0 lg:flex-col lg:gap-6">
          <Card aria-labelledby="customer-title" className="order-2 lg:order-none">
            <CardHeader>
              <CardTitle id="customer-title">Customer</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-2">
                <ContactItem
                  label="Email"
                  value={lead.email}
                  href={lead.email ? `mailto:${lead.email}` : null}
                  icon="mail"
                  disabled={contactDisabled}
                />
                <ContactItem
                  label="Phone"
                  value={lead.phone}
                  href={lead.phone ? `tel:${lead.phone.replace(/[^\d+]/g, '')}` : null}
                  icon="phone"
                  disabled={contactDisabled}
                />
                <Item label="Company" value={lead.company} />
                <Item label="Title" value={lead.title} />
                <Item label="Country" value={lead.country} />
                <Item label="First received" value={formatDateTime(lead.receivedAt, timeZone)} />
              </dl>
            </CardContent>
          </Card>

          <Card aria-labelledby="touches-title" className="order-3 lg:order-none">
            <CardHeader>
              <CardTitle id="touches-title">Touches</CardTitle>
              <CardDescription>
                Emails, calls and meetings with the customer. The first one stops the 24-hour clock.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <LeadTouches
                leadId={lead.id}
                touches={touches}
                canLog={canWork && !erased}
                disabledReason={
                  contactDisabled
                    ? 'Touch logging is turned off: this customer asked not to be contacted.'
                    : erased
                      ? 'Touch logging is turned off: this person’s personal data was erased on request, so there is nobody to contact.'
                      : canWork
                        ? null
                        : notWorkable
                }
                authorLabel={viewer.name}
              />
            </CardContent>
          </Card>

          <Card aria-labelledby="notes-title" className="order-4 lg:order-none">
            <CardHeader>
              <CardTitle id="notes-title">Notes</CardTitle>
            </CardHeader>
            <CardContent>
              <LeadNotes leadId={lead.id} notes={notes} canWrite={canWork} />
            </CardContent>
          </Card>

          <Card aria-labelledby="journey-title" className="order-6 lg:order-none">
            <CardHeader>
              <CardTitle id="journey-title">Journey</CardTitle>
            </CardHeader>
            <CardContent>
              <Journey events={lead.events} />
            </CardContent>
          </Card>

          {lead.otherLeads.length ? (
            <Card aria-labelledby="other-title" className="order-8 lg:order-none">
              <CardHeader>
                <CardTitle id="other-title">The same person’s other leads</CardTitle>
              </CardHeader>
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {lead.otherLeads.map((other) => (
                  <li key={other.id} className="flex flex-wrap items-center gap-2 px-5 py-3 text-sm">
                    <Link href={`/leads/${other.id}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
                      {other.offerTitle ?? other.offerId ?? `Lead ${other.id}`}
                    </Link>
                    <Badge>{actionLabel(other.action)}</Badge>
                    <Badge tone="brand">{STATUS_LABELS[other.status]}</Badge>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>

        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-6">
          <Card aria-labelledby="work-title" className="order-1 lg:order-none">
            <CardHeader>
              <CardTitle id="work-title">Work this lead</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-5">
              <LeadWorkPanel
                leadId={lead.id}
                status={lead.status}
                owner={lead.ownerId ? { id: lead.ownerId, name: lead.ownerName ?? 'Unknown' } : null}
                viewerId={viewer.id}
                canClaim={can(viewer, 'leads:claim')}
                canAssign={canAssign}
                canWork={canWork}
                people={people}
              />
              <LeadFollowUp
                leadId={lead.id}
                nextFollowUpAt={lead.nextFollowUpAt}
                canEdit={canWork}
                disabledReason={
                  contactDisabled
                    ? 'Follow-ups are turned off: this customer asked not to be contacted.'
                    : erased
                      ? 'Follow-ups are turned off: this person’s personal data was erased on request.'
                      : null
                }
              />
            </CardContent>
          </Card>

          <Card aria-labelledby="qualification-title" className="order-5 lg:order-none">
            <CardHeader>
              <CardTitle id="qualification-title">Qualification</CardTitle>
              <CardDescription>
                Every required item must be checked before the lead can be marked qualified.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <LeadQualification
                leadId={lead.id}
                items={checklist}
                canEdit={canWork}
                isAdmin={can(viewer, 'workspace:admin')}
              />
            </CardContent>
          </Card>

          <Card aria-labelledby="history-title" className="order-7 lg:order-none">
            <CardHeader>
              <CardTitle id="history-title">Status history</CardTitle>
            </CardHeader>
            <CardContent>
              {history.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  New since {formatDateTime(lead.receivedAt, timeZone)}; no changes yet.
                </p>
              ) : (
                <ol className="flex flex-col gap-3 text-sm" aria-label="Status history">
                  {history.map((change) => (
                    <li key={change.id}>
                      <p>
                        {change.fromStatus ? `${STATUS_LABELS[change.fromStatus]} → ` : ''}
                        <strong>{STATUS_LABELS[change.toStatus]}</strong>
                      </p>
                      {change.lostReason ? (
                        <p className="whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">
                          “{change.lostReason}”
                        </p>
                      ) : null}
                      <p className="text-xs text-slate-500 dark:text-slate-400">
                        {change.changedByLabel} · {formatDateTime(change.changedAt, timeZone)}
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="break-words font-medium tabular-nums">{value}</dd>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="break-words">{value || '—'}</dd>
    </div>
  );
}

function ContactItem({
  label,
  value,
  href,
  icon,
  disabled,
}: {
  label: string;
  value: string | null;
  href: string | null;
  icon: 'mail' | 'phone';
  disabled: boolean;
}) {
  const Icon = icon === 'mail' ? Mail : Phone;
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 break-all">{value || '—'}</span>
        {value && href ? (
          disabled ? (
            <span
              aria-disabled="true"
              className={cn(buttonVariants({ variant: 'secondary', size: 'sm' }), 'pointer-events-none opacity-50')}
            >
              <Icon aria-hidden />
              {icon === 'mail' ? 'Email' : 'Call'} (do not contact)
            </span>
          ) : (
            <>
              <a href={href} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
                <Icon aria-hidden />
                {icon === 'mail' ? 'Email' : 'Call'}
              </a>
              <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
            </>
          )
        ) : null}
      </dd>
    </div>
  );
}
