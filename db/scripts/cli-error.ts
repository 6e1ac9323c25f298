import { AppError } from '@/lib/errors';

/** Prints a CLI failure as the reason and one line per bad option, and sets a failing exit code. */
export function reportCliError(error: unknown): void {
  if (error instanceof AppError) {
    console.error(`Error: ${error.message}`);
    for (const detail of error.details ?? []) console.error(`  --${detail.field}: ${detail.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
}
