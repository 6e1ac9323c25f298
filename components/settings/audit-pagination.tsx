import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { formatCount } from '@/lib/format';
import { cn } from '@/lib/utils';
import { AUDIT_PAGE_SIZE, auditHref, type AuditSearch } from '@/lib/audit/search-params';

export function AuditPagination({ search, total }: { search: AuditSearch; total: number }) {
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const first = (search.page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(total, search.page * AUDIT_PAGE_SIZE);
  return (
    <nav aria-label="Audit log pages" className="flex flex-col gap-3 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} entries · page {formatCount(search.page)} of{' '}
        {formatCount(pages)}
      </p>
      <div className="flex gap-2">
        <PageLink search={search} page={search.page - 1} disabled={search.page <= 1} rel="prev">
          <ChevronLeft aria-hidden />
          Newer
        </PageLink>
        <PageLink search={search} page={search.page + 1} disabled={search.page >= pages} rel="next">
          Older
          <ChevronRight aria-hidden />
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({
  search,
  page,
  disabled,
  rel,
  children,
}: {
  search: AuditSearch;
  page: number;
  disabled: boolean;
  rel: 'prev' | 'next';
  children: ReactNode;
}) {
  const className = cn(buttonVariants({ variant: 'secondary', size: 'sm' }));
  // A disabled link is not a link: a span that says so, out of the tab order.
  if (disabled) {
    return (
      <span aria-disabled="true" className={cn(className, 'pointer-events-none opacity-50')}>
        {children}
      </span>
    );
  }
  return (
    <Link href={auditHref({ ...search, page })} rel={rel} className={className}>
      {children}
    </Link>
  );
}
