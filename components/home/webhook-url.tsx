'use client';

import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

/** The webhook URL with its key masked until asked for; copying always takes the full URL. */
export function WebhookUrl({ url, maskedUrl }: { url: string; maskedUrl: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <code
        data-testid="webhook-url"
        className="min-w-0 flex-1 break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-950"
      >
        {revealed ? url : maskedUrl}
      </code>
      <div className="flex gap-2">
        <Button
          type="button"
          variant="ghost"
          size="sm"
          aria-pressed={revealed}
          onClick={() => setRevealed((value) => !value)}
        >
          {revealed ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
          {revealed ? 'Hide key' : 'Show key'}
        </Button>
        <CopyButton value={url} label="Copy URL" />
      </div>
    </div>
  );
}
