import type { Metadata } from 'next';
import { connection } from 'next/server';
import { LeadsView } from '@/components/leads-table/leads-view';
import { getDb } from '@/db';
import { can } from '@/lib/auth/permissions';
import { listAssignableUsers } from '@/lib/auth/users';
import { requirePageViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { getLeads, getQueue, listContext, type LeadPage, type QueueSection } from '@/lib/leads/queries';
import { parseLeadListParams, type LeadListQuery } from '@/lib/leads/search-params';
import { listOfferOptions } from '@/lib/offers/options';
import { viewerTimeZone } from '@/lib/preferences/time-zone';

// No filter values in the title: search text can be a person's name.
export const metadata: Metadata = { title: 'Leads' };

export default async function LeadsPage({ searchParams }: PageProps<'/leads'>) {
  await connection();
  const viewer = await requirePageViewer('leads:read');
  const raw = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) raw.append(key, item);
  }
  const db = getDb();
  const timeZone = await viewerTimeZone();
  const isRep = !can(viewer, 'leads:assign');
  // A rep lands on their queue; everyone else (and any link with filters) on the list.
  const view = raw.get('view') ?? (isRep && [...raw.keys()].length === 0 ? 'queue' : 'all');

  let query: LeadListQuery | null = null;
  let problems: { field: string; message: string }[] = [];
  try {
    query = parseLeadListParams(raw, timeZone);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems = error.details ?? [{ field: '(query)', message: error.message }];
  }

  let page: LeadPage | null = null;
  let queue: QueueSection[] | null = null;
  const started = performance.now();
  if (query && view === 'queue') queue = getQueue(db, viewer.id, new Date(), undefined, timeZone);
  else if (query) page = getLeads(db, listContext(db, viewer, undefined, timeZone), query);
  const serverMs = performance.now() - started;

  return (
    <LeadsView
      view={view === 'queue' ? 'queue' : 'all'}
      isRep={isRep}
      viewerId={viewer.id}
      page={page}
      queue={queue}
      problems={problems}
      serverMs={Math.round(serverMs)}
      offers={listOfferOptions(db)}
      people={can(viewer, 'leads:assign') ? listAssignableUsers(db).map(({ id, name }) => ({ id, name })) : []}
      permissions={{
        claim: can(viewer, 'leads:claim'),
        assign: can(viewer, 'leads:assign'),
        work: can(viewer, 'leads:work'),
        export: can(viewer, 'leads:export'),
      }}
    />
  );
}
