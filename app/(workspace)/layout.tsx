import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { requirePageViewer } from '@/lib/auth/viewer';

/** Every page in here needs a signed-in person; each page checks its own permission too. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:py-8">
        {children}
      </main>
    </>
  );
}
