import { describe, expect, it } from 'vitest';
import { cohortAges, compareFigure, IN_PROGRESS, OUTCOME_SETTLE_DAYS } from './compare';
import { dayOf, resolveRange } from './range';

const now = new Date('2026-11-24T15:30:00Z');
const last30 = resolveRange('30d', now);
const custom = (from: string, to: string) =>
  resolveRange('custom', now, { from: dayOf(Date.parse(from)), to: dayOf(Date.parse(to)) });

describe('cohortAges', () => {
  it('gives the ages of the youngest and oldest leads a range can hold', () => {
    expect(cohortAges(last30, now)).toEqual({ youngest: 0, oldest: 29 });
    expect(cohortAges(last30.previous, now)).toEqual({ youngest: 29, oldest: 59 });
  });
});

describe('compareFigure', () => {
  it('compares volumes plainly, as a relative change, and says with what', () => {
    const result = compareFigure({ kind: 'volume', value: 120, previous: 100, change: 'relative', range: last30, now });
    expect(result).toEqual({ change: 0.2, inProgress: false, note: 'Leads received in the previous 30 days.' });
    expect(
      compareFigure({ kind: 'volume', value: 5, previous: 0, change: 'relative', range: last30, now }).change,
    ).toBeNull();
  });

  it('compares rates in points', () => {
    const result = compareFigure({ kind: 'rate', value: 0.6, previous: 0.5, change: 'points', range: last30, now });
    expect(result.change).toBeCloseTo(0.1, 10);
    expect(result.inProgress).toBe(false);
    expect(result.note).toContain('previous 30 days');
  });

  it('gives no verdict on outcomes of leads too young to have settled (the "Won −82.6 %" case)', () => {
    const result = compareFigure({ kind: 'outcome', value: 12, previous: 69, change: 'relative', range: last30, now });
    expect(result.change).toBeNull();
    expect(result.inProgress).toBe(true);
    expect(result.note.startsWith(`${IN_PROGRESS}:`)).toBe(true);
    expect(result.note).toContain('0–29 days old');
    expect(result.note).toContain('29–59 days old');
  });

  it('compares outcomes once even the youngest lead of the range is old enough', () => {
    const settled = custom('2026-06-01', '2026-06-30');
    expect(cohortAges(settled, now).youngest).toBeGreaterThanOrEqual(OUTCOME_SETTLE_DAYS);
    const result = compareFigure({ kind: 'outcome', value: 30, previous: 40, change: 'relative', range: settled, now });
    expect(result).toMatchObject({ change: -0.25, inProgress: false });
    expect(result.note).toContain('settled');
    // A range ending a day short of the settling age is still in progress.
    const young = resolveRange('custom', now, {
      from: dayOf(now.getTime()) - OUTCOME_SETTLE_DAYS - 10,
      to: dayOf(now.getTime()) - OUTCOME_SETTLE_DAYS + 1,
    });
    expect(
      compareFigure({ kind: 'outcome', value: 30, previous: 40, change: 'relative', range: young, now }).inProgress,
    ).toBe(true);
  });

  it('has nothing to compare when a side is missing', () => {
    expect(
      compareFigure({ kind: 'rate', value: null, previous: 0.5, change: 'points', range: last30, now }).change,
    ).toBeNull();
  });
});
