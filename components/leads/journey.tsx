import { Badge } from '@/components/ui/badge';
import { LocalTime } from '@/components/time/time';
import type { LeadEventView } from '@/lib/leads/queries';
import { actionLabel, sourceLabel } from '@/lib/marketplace/vocabulary';

/** Every delivery of this person and offer, oldest first, each with its raw payload. */
export function Journey({ events }: { events: LeadEventView[] }) {
  return (
    <ol className="flex flex-col gap-4" aria-label="Journey">
      {events.map((event, index) => (
        <li key={event.id} className="relative border-l-2 border-slate-200 pl-4 dark:border-slate-700">
          <span aria-hidden className="absolute -left-[7px] top-1.5 size-3 rounded-full bg-brand-600" />
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{actionLabel(event.action)}</span>
            <Badge>{sourceLabel(event.source)}</Badge>
            {event.isTest ? <Badge tone="warning">Test lead</Badge> : null}
            <LocalTime date={event.receivedAt} className="text-xs text-slate-500 tabular-nums dark:text-slate-400" />
            <span className="sr-only">
              , event {index + 1} of {events.length}
            </span>
          </div>
          {event.description ? (
            <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700 dark:text-slate-300">
              {event.description}
            </p>
          ) : null}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100">
              Raw payload as received
            </summary>
            <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-100 p-3 text-xs break-all whitespace-pre-wrap dark:bg-slate-950">
              {event.rawBody}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
