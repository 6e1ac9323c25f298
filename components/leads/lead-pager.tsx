import { ArrowLeft, ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { formatCount } from '@/lib/format';
import type { LeadListWalk } from '@/lib/leads/lead-list';
import { MAX_WINDOW } from '@/lib/leads/list-contract';
import { cn } from '@/lib/utils';
import { LeadShortcuts } from './lead-shortcuts';

/** `/leads/{id}?{the list's reference}`: the table links leads this way, and so do previous and next. */
export function leadHref(id: number, query: string): string {
  return query ? `/leads/${id}?${query}` : `/leads/${id}`;
}

/**
 * Back to the list the lead was opened from (at the page holding it), previous/next within it
 * in its order, and the lead's place in it. `walk` is null when the link names no usable list
 * (hand-edited or outdated): then only "Back to list" shows.
 */
export function LeadPager({ walk }: { walk: LeadListWalk | null }) {
  const previousHref = walk?.previous ? leadHref(walk.previous, walk.carry) : null;
  const nextHref = walk?.next ? leadHref(walk.next, walk.carry) : null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <Link href={walk?.backHref ?? '/leads'} className={cn(buttonVariants({ variant: 'ghost', size: 'sm' }), '-ml-3')}>
        <ArrowLeft aria-hidden />
        Back to list
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        {walk ? <PlaceInList walk={walk} /> : null}
        <LeadShortcuts previousHref={previousHref} nextHref={nextHref} />
        {walk ? (
          <nav aria-label="Leads in this list" className="flex items-center gap-2">
            <PagerLink href={previousHref} label="Previous" shortcut="k ArrowLeft" icon="previous" />
            <PagerLink href={nextHref} label="Next" shortcut="j ArrowRight" icon="next" />
          </nav>
        ) : null}
      </div>
    </div>
  );
}

/** "3 of 57 in First touch due within 24 hours", "No. 3 in this list"; a lead that left the list says so. */
function PlaceInList({ walk }: { walk: LeadListWalk }) {
  const total = walk.total === null ? null : formatCount(walk.total);
  let text: string;
  if (walk.index)
    text = total === null ? `No. ${formatCount(walk.index)} in this list` : `${formatCount(walk.index)} of ${total}`;
  else if (walk.inList) text = `Past the first ${formatCount(MAX_WINDOW)} in this list`;
  else text = total === null ? 'No longer in this list' : `No longer in this list (${total} left)`;
  return (
    <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400" data-testid="list-position">
      {text}
      {walk.total === null ? null : <span className="hidden md:inline"> in {walk.label}</span>}
    </p>
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
