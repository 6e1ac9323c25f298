import Link from 'next/link';
import { can, type Viewer } from '@/lib/auth/permissions';
import { MainNav, type NavItem } from './main-nav';
import { UserMenu } from './user-menu';

export function SiteHeader({ viewer }: { viewer: Viewer & { kind: 'user' } }) {
  // Reps have no overview: "/" sends them to their queue (app/(workspace)/page.tsx).
  const items: NavItem[] = [
    ...(can(viewer, 'leads:assign') ? [{ href: '/', label: 'Overview', wide: true }] : []),
    { href: '/leads', label: 'Leads' },
  ];
  if (can(viewer, 'dashboard:view')) items.push({ href: '/dashboard', label: 'Dashboard' });
  if (can(viewer, 'workspace:admin')) items.push({ href: '/settings', label: 'Settings' });
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <div className="flex min-w-0 items-center gap-2 sm:gap-4">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <span
              aria-hidden
              className="flex size-7 items-center justify-center rounded-md bg-brand-600 text-sm text-white"
            >
              L
            </span>
            <span className="sr-only sm:not-sr-only">Leadline</span>
          </Link>
          <MainNav items={items} />
        </div>
        <UserMenu name={viewer.name} email={viewer.email} role={viewer.role} />
      </div>
    </header>
  );
}
