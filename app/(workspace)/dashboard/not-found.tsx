import Link from 'next/link';
import { Button } from '@/components/ui/button';

/** What a rep sees at /dashboard (requirePageViewer answers notFound() without the permission). */
export default function DashboardNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-medium text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">For managers and admins only</h1>
      <p className="text-slate-600 dark:text-slate-400">
        This page shows the whole team&rsquo;s numbers, so only managers and admins can open it. Ask an admin if your
        role should change.
      </p>
      <Button asChild>
        <Link href="/leads">Go to your leads</Link>
      </Button>
    </div>
  );
}
