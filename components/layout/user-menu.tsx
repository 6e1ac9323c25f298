'use client';
import { ChevronDown, LogOut, UserCog } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { USER_ROLE_LABELS, type UserRole } from '@/lib/auth/roles';

export function UserMenu({ name, email, role }: { name: string; email: string; role: UserRole }) {
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

  async function signOut() {
    setSigningOut(true);
    // better-auth's sign-out endpoint, called directly: its client library would add 12 KB to
    // every page for this one request.
    await fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);
    router.replace('/sign-in');
    router.refresh();
  }

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800"
        aria-label={`Account: ${name}, ${USER_ROLE_LABELS[role]}`}
      >
        <span
          aria-hidden
          className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100"
        >
          {initials || '?'}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        <span className="hidden rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100 sm:inline">
          {USER_ROLE_LABELS[role]}
        </span>
        <ChevronDown className="hidden size-4 text-slate-500 sm:block" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 w-64 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="px-2 py-2">
            <p className="truncate font-medium">{name}</p>
            <p className="truncate text-slate-500 dark:text-slate-400">{email}</p>
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Role: {USER_ROLE_LABELS[role]}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          <DropdownMenu.Item
            asChild
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800"
          >
            <Link href="/account">
              <UserCog className="size-4" aria-hidden />
              Your account
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            disabled={signingOut}
            onSelect={(event) => {
              event.preventDefault();
              void signOut();
            }}
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100 data-[disabled]:opacity-50 dark:data-[highlighted]:bg-slate-800"
          >
            <LogOut className="size-4" aria-hidden />
            {signingOut ? 'Signing out…' : 'Sign out'}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
