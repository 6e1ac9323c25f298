'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { cn } from '@/lib/utils';

const TABS = [
  { href: '/settings/users', label: 'Users' },
  { href: '/settings/keys', label: 'Keys' },
  { href: '/settings/deliveries', label: 'Deliveries' },
  { href: '/settings/qualification', label: 'Qualification' },
  { href: '/settings/audit', label: 'Audit log' },
  { href: '/settings/privacy', label: 'Data & privacy' },
] as const;

/** The settings sections as tabs; links, so each section has its own URL and works without JavaScript. */
export function SettingsNav() {
  const pathname = usePathname();
  const activeLink = useRef<HTMLAnchorElement>(null);
  // On a phone the tabs scroll sideways: bring the current one into view.
  useEffect(() => {
    activeLink.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <nav aria-label="Settings" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-slate-200 dark:border-slate-800">
        {TABS.map((tab) => {
          const active = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                ref={active ? activeLink : undefined}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium transition-colors',
                  active
                    ? 'border-brand-600 text-slate-900 dark:border-brand-500 dark:text-slate-100'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:border-slate-600 dark:hover:text-slate-100',
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
