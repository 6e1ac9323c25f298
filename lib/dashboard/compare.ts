// How a key figure is compared with the period before, and what the comparison says in words.
// Volumes compare plainly. Outcomes (qualified, won) keep growing as a cohort of leads ages, and
// the previous period's leads are always older by the range's length: their counts are compared
// only once both cohorts are old enough to have settled, otherwise the figure is "still in
// progress" and carries no better/worse verdict.
import { DAY_MS, type DayRange, type ResolvedRange } from './range';

/** A cohort whose youngest lead is at least this old has mostly qualified, won or gone cold. */
export const OUTCOME_SETTLE_DAYS = 90;

export type FigureKind = 'volume' | 'rate' | 'outcome';
/** A change as a fraction of the previous value (`relative`) or a difference of shares (`points`). */
export type ChangeKind = 'relative' | 'points';

export type Comparison = {
  /** The change, or null when there is nothing to compare with or the figure is still in progress. */
  change: number | null;
  /** The outcome is still moving for this period's leads: no verdict. */
  inProgress: boolean;
  /** What is compared with what, in a sentence. */
  note: string;
};

/** How an in-progress note starts (the dashboard shows it as a badge and the rest as the note). */
export const IN_PROGRESS = 'Still in progress';

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** The ages, in whole days, of the youngest and oldest leads a range can hold at `now`. */
export function cohortAges(range: DayRange, now: Date): { youngest: number; oldest: number } {
  const age = (at: number) => Math.max(0, Math.floor((now.getTime() - at) / DAY_MS));
  return { youngest: age(range.toDay * DAY_MS), oldest: age(range.fromDay * DAY_MS) };
}

const ageText = ({ youngest, oldest }: { youngest: number; oldest: number }) =>
  youngest === oldest ? `${days(youngest)} old` : `${youngest}–${days(oldest)} old`;

export function compareFigure(options: {
  kind: FigureKind;
  value: number | null;
  previous: number | null;
  change: ChangeKind;
  range: ResolvedRange;
  now: Date;
}): Comparison {
  const { kind, value, previous, range, now } = options;
  const period = `the previous ${days(range.days)}`;
  const change =
    value === null || previous === null
      ? null
      : options.change === 'points'
        ? value - previous
        : previous === 0
          ? null
          : (value - previous) / previous;
  if (kind === 'volume') return { change, inProgress: false, note: `Leads received in ${period}.` };
  if (kind === 'rate')
    return {
      change,
      inProgress: false,
      note: `The same measure over the leads received in ${period}.`,
    };
  const current = cohortAges(range, now);
  const before = cohortAges(range.previous, now);
  if (current.youngest < OUTCOME_SETTLE_DAYS)
    return {
      change: null,
      inProgress: true,
      note: `${IN_PROGRESS}: this period's leads are ${ageText(current)}, those of ${period} ${ageText(before)}; older leads have had longer to qualify and win.`,
    };
  return {
    change,
    inProgress: false,
    note: `The leads received in ${period}; both periods' leads are over ${days(OUTCOME_SETTLE_DAYS)} old, so their outcomes have settled.`,
  };
}
