'use client';
import { CheckCircle2 } from 'lucide-react';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { NewWebhook } from '@/app/(workspace)/settings/keys/actions';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

// The webhook URL of a key just created or rotated, shown once at the top of the section.

type FreshWebhookContext = { fresh: NewWebhook | null; show: (webhook: NewWebhook) => void; dismiss: () => void };

const Context = createContext<FreshWebhookContext | null>(null);

export function FreshWebhookProvider({ children }: { children: ReactNode }) {
  const [fresh, setFresh] = useState<NewWebhook | null>(null);
  return <Context value={{ fresh, show: setFresh, dismiss: () => setFresh(null) }}>{children}</Context>;
}

export function useFreshWebhook(): FreshWebhookContext {
  const context = useContext(Context);
  if (!context) throw new Error('useFreshWebhook needs a FreshWebhookProvider.');
  return context;
}

export function FreshWebhookNotice() {
  const { fresh, dismiss } = useFreshWebhook();
  const ref = useRef<HTMLDivElement>(null);

  // Bring the new URL into view and to screen readers' attention, wherever the action was.
  useEffect(() => {
    if (fresh) ref.current?.focus();
  }, [fresh]);

  if (!fresh) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby="fresh-webhook-title"
      className="flex scroll-mt-20 flex-col gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4 dark:border-brand-700/40 dark:bg-brand-700/15"
    >
      <h3 id="fresh-webhook-title" className="flex items-center gap-2 font-semibold">
        <CheckCircle2 className="size-4 text-brand-600" aria-hidden />
        New webhook URL for “{fresh.label}”
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Paste it into Partner Center → your offer → Customer leads → HTTPS endpoint URL, then select Validate.
        {fresh.note ? ` ${fresh.note}` : null}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code className="min-w-0 flex-1 break-all rounded-md border border-slate-200 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-950">
          {fresh.url}
        </code>
        <div className="flex gap-2">
          <CopyButton value={fresh.url} label="Copy URL" />
          <Button type="button" variant="ghost" size="sm" onClick={dismiss}>
            Done
          </Button>
        </div>
      </div>
    </div>
  );
}
