import Link from 'next/link';
import type { ErrorDetail } from '@/lib/errors';

/** A problem with the link; `label` names the setting in the page's words, `clearHref` drops it. */
export type LinkProblem = ErrorDetail & { label?: string; clearHref?: string };

/** A link whose query the page cannot use: every wrong setting and why, and a way back. */
export function LinkProblems({
  intro,
  problems,
  resetHref,
  resetLabel,
}: {
  intro: string;
  problems: LinkProblem[];
  resetHref: string;
  resetLabel: string;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800 dark:border-rose-500/30 dark:bg-rose-500/10 dark:text-rose-200"
    >
      <p className="font-medium">{intro}</p>
      <ul className="mt-1 flex flex-col gap-1 pl-5 [list-style:disc]">
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            {problem.label ? <strong className="font-semibold">{problem.label}</strong> : <code>{problem.field}</code>}{' '}
            {problem.message}
            {problem.clearHref ? (
              <>
                {' '}
                <Link href={problem.clearHref} className="font-medium underline">
                  Clear this filter<span className="sr-only"> ({problem.label ?? problem.field})</span>
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <Link href={resetHref} className="mt-2 inline-block font-medium underline">
        {resetLabel}
      </Link>
    </div>
  );
}
