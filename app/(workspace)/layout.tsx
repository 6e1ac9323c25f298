import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { TimeProvider } from '@/components/time/time-provider';
import { requirePageViewer } from '@/lib/auth/viewer';
import { getRequestNow, getViewerTimeZone } from '@/lib/preferences/time-zone';

/** Every page in here needs a signed-in person; each page checks its own permission too. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  const { timeZone, source } = await getViewerTimeZone();
  return (
    <TimeProvider timeZone={timeZone} followsBrowser={source !== 'setting'} serverNow={getRequestNow()}>
      <SiteHeader viewer={viewer} />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:py-8">
        {children}
      </main>
    </TimeProvider>
  );
}
