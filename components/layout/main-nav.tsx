'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

/** `wide`: shown from the sm breakpoint up (the logo already leads home on a phone). */
export type NavItem = { href: string; label: string; wide?: boolean };

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto text-sm">
      {items.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              item.wide && 'hidden sm:block',
              'shrink-0 rounded-md px-1.5 py-1.5 hover:bg-slate-100 sm:px-3 dark:hover:bg-slate-800',
              active ? 'font-medium text-slate-900 dark:text-slate-100' : 'text-slate-600 dark:text-slate-400',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
