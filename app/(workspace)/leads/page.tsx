import type { Metadata } from 'next';
import { connection } from 'next/server';
import { LeadsView } from '@/components/leads-table/leads-view';
import { getDb } from '@/db';
import { can } from '@/lib/auth/permissions';
import { listAssignableUsers } from '@/lib/auth/users';
import { requirePageViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { listSearchParams } from '@/lib/leads/lead-list';
import { getLeads, listContext, type LeadPage } from '@/lib/leads/queries';
import { getQueue, type QueueSection } from '@/lib/leads/queue-queries';
import { describeListProblems, type ListProblem } from '@/lib/leads/link-problems';
import { parseLeadListParams, type LeadListQuery } from '@/lib/leads/search-params';
import { listOfferOptions } from '@/lib/offers/options';
import { viewerTimeZone } from '@/lib/preferences/time-zone';

/** What a read took, for the page's screen-reader note (measured outside render's purity rules). */
function timed<T>(read: () => T): [T, number] {
  const started = performance.now();
  const result = read();
  return [result, performance.now() - started];
}

// No filter values in the title: search text can be a person's name.
export const metadata: Metadata = { title: 'Leads' };

export default async function LeadsPage({ searchParams }: PageProps<'/leads'>) {
  await connection();
  const viewer = await requirePageViewer('leads:read');
  const raw = listSearchParams(await searchParams);
  const db = getDb();
  const timeZone = await viewerTimeZone();
  const isRep = !can(viewer, 'leads:assign');
  // A rep lands on their queue; everyone else (and any link with filters) on the list. A link to
  // one of the queue's sections opens the queue.
  const view = raw.get('view') ?? (raw.has('section') || (isRep && [...raw.keys()].length === 0) ? 'queue' : 'all');

  let query: LeadListQuery | null = null;
  let problems: ListProblem[] = [];
  try {
    query = parseLeadListParams(raw, timeZone);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems = describeListProblems(error.details ?? [], raw);
  }

  const [{ page, queue }, serverMs] = timed((): { page: LeadPage | null; queue: QueueSection[] | null } => {
    if (query && view === 'queue') {
      const only = query.section ? { section: query.section, page: query.page } : undefined;
      return { page: null, queue: getQueue(db, viewer.id, { only, timeZone }) };
    }
    return { page: query ? getLeads(db, listContext(db, viewer, undefined, timeZone), query) : null, queue: null };
  });

  return (
    <LeadsView
      view={view === 'queue' ? 'queue' : 'all'}
      isRep={isRep}
      viewerId={viewer.id}
      page={page}
      queue={queue}
      queueSection={query?.section ?? null}
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
