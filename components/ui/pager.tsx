import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { formatCount } from '@/lib/format';
import { cn } from '@/lib/utils';

/**
 * "1–50 of 1,234 entries · page 1 of 25" with Newer/Older links, for logs listed newest first.
 * Links, not buttons: each page has its own URL and works without JavaScript.
 */
export function Pager({
  page,
  pageSize,
  total,
  hrefFor,
  label,
  noun = 'entries',
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  /** The navigation landmark's name, e.g. "Audit log pages". */
  label: string;
  noun?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={label} className="flex flex-col gap-3 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} {noun} · page {formatCount(page)} of{' '}
        {formatCount(pages)}
      </p>
      <div className="flex gap-2">
        <PageLink href={hrefFor(page - 1)} disabled={page <= 1} rel="prev">
          <ChevronLeft aria-hidden />
          Newer
        </PageLink>
        <PageLink href={hrefFor(page + 1)} disabled={page >= pages} rel="next">
          Older
          <ChevronRight aria-hidden />
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({
  href,
  disabled,
  rel,
  children,
}: {
  href: string;
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
    <Link href={href} rel={rel} className={className}>
      {children}
    </Link>
  );
}
