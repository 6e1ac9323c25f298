import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { getDb } from '@/db';
import { listAssignableUsers } from '@/lib/auth/users';
import { requirePageViewer } from '@/lib/auth/viewer';
import { listOfferOptions } from '@/lib/offers/options';

export const metadata: Metadata = { title: 'Dashboard' };

/**
 * The shell renders at once (filters and panel cards with skeletons); every panel then fetches
 * GET /api/dashboard/{panel} itself, which checks the role again, so nothing here waits on the
 * numbers. Without `dashboard:view` (a rep) the page answers 404 with ./not-found.tsx.
 */
export default async function DashboardPage() {
  await connection();
  await requirePageViewer('dashboard:view');
  const db = getDb();
  return (
    <DashboardView
      offers={listOfferOptions(db)}
      people={listAssignableUsers(db).map(({ id, name }) => ({ id, name }))}
    />
  );
}
