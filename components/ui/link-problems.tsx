import Link from 'next/link';
import type { ErrorDetail } from '@/lib/errors';

/** A link whose query the page cannot use: every wrong parameter and why, and a way back. */
export function LinkProblems({
  intro,
  problems,
  resetHref,
  resetLabel,
}: {
  intro: string;
  problems: ErrorDetail[];
  resetHref: string;
  resetLabel: string;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800 dark:border-rose-500/30 dark:bg-rose-500/10 dark:text-rose-200"
    >
      <p className="font-medium">{intro}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            <code>{problem.field}</code> {problem.message}
          </li>
        ))}
      </ul>
      <Link href={resetHref} className="mt-2 inline-block font-medium underline">
        {resetLabel}
      </Link>
    </div>
  );
}
