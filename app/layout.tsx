import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { ThemeScript, themeClass } from '@/components/theme/theme-script';
import { ThemeSync } from '@/components/theme/theme-sync';
import { getDb } from '@/db';
import { getCurrentViewer } from '@/lib/auth/viewer';
import { getPreferences } from '@/lib/preferences/queries';
import type { Theme } from '@/lib/preferences/vocabulary';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Leadline', template: '%s · Leadline' },
  description: 'The CRM for Microsoft AppSource and Azure Marketplace leads.',
  referrer: 'no-referrer',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

/** The signed-in person's theme; signed-out pages follow the device. */
async function viewerTheme(): Promise<Theme> {
  // The session lookup is memoised per render, so the workspace layout reuses it.
  const viewer = await getCurrentViewer();
  return viewer ? getPreferences(getDb(), viewer.id).theme : 'system';
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = await viewerTheme();
  return (
    // The head script may add the class before React hydrates: that difference is expected.
    <html lang="en" className={themeClass(theme)} suppressHydrationWarning>
      <head>
        <ThemeScript theme={theme} />
      </head>
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow dark:focus:bg-slate-900"
        >
          Skip to content
        </a>
        <ThemeSync theme={theme} />
        <NuqsAdapter>{children}</NuqsAdapter>
      </body>
    </html>
  );
}
