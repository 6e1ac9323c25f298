import { ScrollText } from 'lucide-react';
import type { Metadata } from 'next';
import { AuditFilterForm } from '@/components/settings/audit-filter-form';
import { AuditPagination } from '@/components/settings/audit-pagination';
import {
  AUDIT_PARAM_LABELS,
  AUDIT_PAGE_SIZE,
  AUDIT_PATH,
  auditFiltersOf,
  hasAuditFilters,
  parseAuditSearch,
} from '@/lib/audit/search-params';
import { AuditTable } from '@/components/settings/audit-table';
import { FilterNotice, LogEmpty } from '@/components/settings/log-notices';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { listApiKeys } from '@/lib/api-keys/service';
import { listAudit } from '@/lib/audit/log';
import { listUsers } from '@/lib/auth/users';
import { requirePageViewer } from '@/lib/auth/viewer';
import { viewerTimeZone } from '@/lib/preferences/time-zone';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditSettingsPage({ searchParams }: Props) {
  await requirePageViewer('workspace:admin');
  const db = getDb();
  const timeZone = await viewerTimeZone();
  const users = listUsers(db);
  const apiKeys = listApiKeys(db);
  const people = users.map((user) => ({ id: user.id, label: `${user.name} (${user.email})` }));
  const keyActors = apiKeys.map((key) => ({ id: String(key.id), label: key.label }));

  const knownActors = new Set([...people, ...keyActors].map((actor) => actor.id));
  const { search, ignored } = parseAuditSearch(await searchParams, knownActors);

  let { rows, total } = listAudit(db, auditFiltersOf(search, timeZone));
  let pageNote: string | null = null;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  if (search.page > pages) {
    pageNote = `There is no page ${search.page}; showing page ${pages}, the last one.`;
    search.page = pages;
    ({ rows, total } = listAudit(db, auditFiltersOf(search, timeZone)));
  }

  const names = {
    users: new Map(users.map((user) => [user.id, user.name])),
    apiKeys: new Map(apiKeys.map((key) => [String(key.id), key.label])),
  };
  const filtered = hasAuditFilters(search);

  return (
    <Card aria-labelledby="audit-title">
      <CardHeader>
        <CardTitle id="audit-title">Audit log</CardTitle>
        <CardDescription>
          Sign-ins, changes to users and keys, lead assignments and status changes, and exports: who, what, when and
          from where. Times are in your time zone, {timeZone}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 border-b border-slate-100 dark:border-slate-800">
        <AuditFilterForm search={search} people={people} apiKeys={keyActors} />
        <FilterNotice
          ignored={ignored.map((param) => AUDIT_PARAM_LABELS[param])}
          clearHref={AUDIT_PATH}
          pageNote={pageNote}
        />
      </CardContent>
      {total === 0 ? (
        <LogEmpty
          icon={<ScrollText className="size-8 text-slate-400" aria-hidden />}
          filtered={filtered}
          clearHref={AUDIT_PATH}
          filteredTitle="No entries match these filters"
          emptyTitle="Nothing recorded yet"
          emptyText="Sign-ins and changes appear here as they happen."
        />
      ) : (
        <>
          <AuditTable rows={rows} names={names} />
          <div className="border-t border-slate-100 dark:border-slate-800">
            <AuditPagination search={search} total={total} />
          </div>
        </>
      )}
    </Card>
  );
}
