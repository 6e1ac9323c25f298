import { Pager } from '@/components/ui/pager';
import { AUDIT_PAGE_SIZE, auditHref, type AuditSearch } from '@/lib/audit/search-params';

export function AuditPagination({ search, total }: { search: AuditSearch; total: number }) {
  return (
    <Pager
      page={search.page}
      pageSize={AUDIT_PAGE_SIZE}
      total={total}
      hrefFor={(page) => auditHref({ ...search, page })}
      label="Audit log pages"
    />
  );
}
