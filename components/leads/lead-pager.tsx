import { ArrowLeft, ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { LeadShortcuts } from './lead-shortcuts';

/** `/leads/{id}?{the list's query}`: the table links leads this way, and so do previous and next. */
export function leadHref(id: number, query: string): string {
  return query ? `/leads/${id}?${query}` : `/leads/${id}`;
}

/**
 * Back to the list the lead was opened from, and previous/next within it (same filters and sort).
 * `neighbours` is null when the list is unknown (a bad query string): then only "Back to list" shows.
 */
export function LeadPager({
  query,
  neighbours,
}: {
  query: string;
  neighbours: { previous: number | null; next: number | null } | null;
}) {
  const previousHref = neighbours?.previous ? leadHref(neighbours.previous, query) : null;
  const nextHref = neighbours?.next ? leadHref(neighbours.next, query) : null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <Link
        href={query ? `/leads?${query}` : '/leads'}
        className={cn(buttonVariants({ variant: 'ghost', size: 'sm' }), '-ml-3')}
      >
        <ArrowLeft aria-hidden />
        Back to list
      </Link>
      <div className="flex items-center gap-2">
        <LeadShortcuts previousHref={previousHref} nextHref={nextHref} />
        {neighbours ? (
          <nav aria-label="Leads in this list" className="flex items-center gap-2">
            <PagerLink href={previousHref} label="Previous" shortcut="k ArrowLeft" icon="previous" />
            <PagerLink href={nextHref} label="Next" shortcut="j ArrowRight" icon="next" />
          </nav>
        ) : null}
      </div>
    </div>
  );
}

function PagerLink({
  href,
  label,
  shortcut,
  icon,
}: {
  href: string | null;
  label: string;
  shortcut: string;
  icon: 'previous' | 'next';
}) {
  const content = (
    <>
      {icon === 'previous' ? <ChevronLeft aria-hidden /> : null}
      {label}
      {icon === 'next' ? <ChevronRight aria-hidden /> : null}
    </>
  );
  const className = buttonVariants({ variant: 'secondary', size: 'sm' });
  if (!href) {
    return (
      <span aria-disabled="true" className={cn(className, 'pointer-events-none opacity-50')}>
        {content}
        <span className="sr-only"> (none)</span>
      </span>
    );
  }
  return (
    <Link href={href} aria-keyshortcuts={shortcut} className={className}>
      {content}
    </Link>
  );
}
